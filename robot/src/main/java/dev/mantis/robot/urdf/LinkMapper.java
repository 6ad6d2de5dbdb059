package dev.mantis.robot.urdf;

import dev.mantis.robot.model.Collision;
import dev.mantis.robot.model.Inertia;
import dev.mantis.robot.model.Inertial;
import dev.mantis.robot.model.Link;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.model.Visual;
import dev.mantis.robot.spatial.Transform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps a {@code <link>} element (inertial, visuals, collisions) to a {@link Link}. */
final class LinkMapper {

    private static final String INERTIA_FIX = "give all six of ixx ixy ixz iyy iyz izz in kg m^2";

    private final UrdfSource source;
    private final UrdfNumbers numbers;
    private final MaterialMapper materials;
    private final Map<String, Material> namedMaterials;
    private final GeometryMapper geometry;

    LinkMapper(UrdfSource source, UrdfNumbers numbers, MaterialMapper materials,
            Map<String, Material> namedMaterials, GeometryMapper geometry) {
        this.source = source;
        this.numbers = numbers;
        this.materials = materials;
        this.namedMaterials = namedMaterials;
        this.geometry = geometry;
    }

    /** The link declared by {@code link}, whose name has been checked already. */
    Link map(XmlElement link, String name) {
        String where = "link '" + name + "'";
        Optional<Inertial> inertial = link.child("inertial").map(i -> inertial(i, where + " <inertial>"));
        List<Visual> visuals = new ArrayList<>();
        for (XmlElement v : link.children("visual")) {
            String at = where + " " + describe(v);
            visuals.add(new Visual(v.attribute("name"), numbers.origin(v, at), geometry.of(v, at),
                    materials.ofVisual(v, at, namedMaterials)));
        }
        List<Collision> collisions = new ArrayList<>();
        for (XmlElement c : link.children("collision")) {
            String at = where + " " + describe(c);
            collisions.add(new Collision(c.attribute("name"), numbers.origin(c, at), geometry.of(c, at)));
        }
        return new Link(name, inertial, visuals, collisions);
    }

    private Inertial inertial(XmlElement inertial, String where) {
        Transform origin = numbers.origin(inertial, where);
        XmlElement massElement = inertial.child("mass").orElseThrow(() -> source.error(inertial,
                where + " has no <mass value=\"...\"/>; add the link's mass in kg"));
        double mass = numbers.requiredScalar(massElement, "value", where + " <mass>", "give the mass in kg");
        if (mass < 0) {
            throw source.error(massElement, where + ": mass " + UrdfNumbers.format(mass)
                    + " is negative; mass must be >= 0 kg");
        }
        XmlElement i = inertial.child("inertia").orElseThrow(() -> source.error(inertial,
                where + " has no <inertia ixx=\"...\" .../>; " + INERTIA_FIX));
        String at = where + " <inertia>";
        Inertia inertia = new Inertia(
                numbers.requiredScalar(i, "ixx", at, INERTIA_FIX),
                numbers.requiredScalar(i, "ixy", at, INERTIA_FIX),
                numbers.requiredScalar(i, "ixz", at, INERTIA_FIX),
                numbers.requiredScalar(i, "iyy", at, INERTIA_FIX),
                numbers.requiredScalar(i, "iyz", at, INERTIA_FIX),
                numbers.requiredScalar(i, "izz", at, INERTIA_FIX));
        if (mass > 0 && !inertia.isPositiveDefinite()) {
            throw source.error(i, where + ": inertia is not positive definite (" + describe(inertia) + ") for mass "
                    + UrdfNumbers.format(mass) + " kg; give a positive-definite tensor about the centre of mass"
                    + " in kg m^2, or mass 0 for a massless link");
        }
        return new Inertial(origin, mass, inertia);
    }

    private static String describe(Inertia i) {
        return "ixx=" + UrdfNumbers.format(i.ixx()) + ", ixy=" + UrdfNumbers.format(i.ixy())
                + ", ixz=" + UrdfNumbers.format(i.ixz()) + ", iyy=" + UrdfNumbers.format(i.iyy())
                + ", iyz=" + UrdfNumbers.format(i.iyz()) + ", izz=" + UrdfNumbers.format(i.izz());
    }

    /** {@code <visual>} or {@code <visual 'name'>}. */
    private static String describe(XmlElement element) {
        return element.attribute("name").map(n -> "<" + element.name() + " '" + n + "'>")
                .orElse("<" + element.name() + ">");
    }
}
