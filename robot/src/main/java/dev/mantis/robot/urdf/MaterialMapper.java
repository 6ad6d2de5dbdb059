package dev.mantis.robot.urdf;

import dev.mantis.robot.model.Material;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Maps {@code <material>} elements, top-level ones and those inside a {@code <visual>}, to {@link Material}. */
final class MaterialMapper {

    private final UrdfSource source;
    private final UrdfNumbers numbers;

    MaterialMapper(UrdfSource source, UrdfNumbers numbers) {
        this.source = source;
        this.numbers = numbers;
    }

    /** The named materials declared directly under {@code <robot>}, in file order. */
    Map<String, Material> topLevel(XmlElement robot) {
        Map<String, Material> named = new LinkedHashMap<>();
        Map<String, XmlElement> seen = new LinkedHashMap<>();
        for (XmlElement m : robot.children("material")) {
            String name = m.attribute("name").filter(n -> !n.isBlank()).orElseThrow(() -> source.error(m,
                    "top-level <material> has no name; add name=\"...\" so visuals can refer to it"));
            XmlElement first = seen.putIfAbsent(name, m);
            if (first != null) {
                throw source.error(m, "material '" + name + "' is declared twice (first at line " + first.line()
                        + "); rename or remove one of them");
            }
            String where = "material '" + name + "'";
            named.put(name, new Material(name, color(m, where), texture(m)));
        }
        return named;
    }

    /**
     * The material of a visual: inline when it has a colour or texture of its own, otherwise the
     * top-level material it names. {@code where} describes the visual for messages.
     */
    Optional<Material> ofVisual(XmlElement visual, String where, Map<String, Material> named) {
        Optional<XmlElement> element = visual.child("material");
        if (element.isEmpty()) {
            return Optional.empty();
        }
        XmlElement m = element.get();
        String name = m.attribute("name").orElse("");
        Optional<Material.Rgba> color = color(m, where + " <material>");
        Optional<String> texture = texture(m);
        if (color.isPresent() || texture.isPresent()) {
            return Optional.of(new Material(name, color, texture));
        }
        if (name.isBlank()) {
            throw source.error(m, where + ": <material> has no name, colour or texture; name a top-level"
                    + " material or add <color rgba=\"r g b a\"/>");
        }
        Material declared = named.get(name);
        if (declared == null) {
            throw source.error(m, where + ": material '" + name + "' is not defined; declare <material name=\""
                    + name + "\"> at the top level or give it a <color rgba=\"r g b a\"/>");
        }
        return Optional.of(declared);
    }

    private Optional<Material.Rgba> color(XmlElement material, String where) {
        Optional<XmlElement> c = material.child("color");
        if (c.isEmpty()) {
            return Optional.empty();
        }
        String fix = "give red, green, blue and alpha, each in [0, 1]";
        double[] v = numbers.requiredNumbers(c.get(), "rgba", where + " <color>", 4, fix);
        for (double x : v) {
            if (x < 0 || x > 1) {
                throw source.error(c.get(), where + " <color>: rgba \"" + c.get().attribute("rgba").orElseThrow()
                        + "\" has a component outside [0, 1]; " + fix);
            }
        }
        return Optional.of(new Material.Rgba(v[0], v[1], v[2], v[3]));
    }

    private static Optional<String> texture(XmlElement material) {
        return material.child("texture").flatMap(t -> t.attribute("filename")).filter(f -> !f.isBlank());
    }
}
