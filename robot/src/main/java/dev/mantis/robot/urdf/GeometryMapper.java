package dev.mantis.robot.urdf;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.spatial.Vec3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps the {@code <geometry>} of a visual or collision element to a {@link Geometry}, resolving
 * mesh files and collecting a warning for each mesh that is not found.
 */
final class GeometryMapper {

    private static final Set<String> SHAPES = Set.of("box", "cylinder", "sphere", "mesh");
    private static final String SHAPE_LIST = "<box>, <cylinder>, <sphere> or <mesh>";

    private final UrdfSource source;
    private final UrdfNumbers numbers;
    private final MeshResolver meshes;
    private final List<String> warnings = new ArrayList<>();

    GeometryMapper(UrdfSource source, UrdfNumbers numbers, MeshResolver meshes) {
        this.source = source;
        this.numbers = numbers;
        this.meshes = meshes;
    }

    /** Warnings about meshes not found so far, in file order. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * The shape inside {@code owner}'s {@code <geometry>}; {@code where} describes the owner,
     * starting with its link ("link 'hand' <visual>").
     */
    Geometry of(XmlElement owner, String where) {
        XmlElement g = owner.child("geometry").orElseThrow(() -> source.error(owner,
                where + " has no <geometry>; add one holding a " + SHAPE_LIST));
        Optional<XmlElement> shape = g.children().stream().filter(c -> SHAPES.contains(c.name())).findFirst();
        if (shape.isEmpty()) {
            if (!g.children().isEmpty()) {
                XmlElement other = g.children().get(0);
                throw source.error(other, where + " <geometry>: <" + other.name() + "> is not a URDF shape; use "
                        + SHAPE_LIST);
            }
            throw source.error(g, where + " <geometry> has no shape; put a " + SHAPE_LIST + " inside");
        }
        XmlElement s = shape.get();
        String at = where + " <" + s.name() + ">";
        return switch (s.name()) {
            case "box" -> box(s, at);
            case "cylinder" -> new Geometry.Cylinder(positive(s, "radius", at), positive(s, "length", at));
            case "sphere" -> new Geometry.Sphere(positive(s, "radius", at));
            default -> mesh(s, at, where);
        };
    }

    private Geometry box(XmlElement box, String where) {
        Vec3 size = numbers.requiredVector(box, "size", where, "give size=\"x y z\" in metres");
        if (!(size.x() > 0 && size.y() > 0 && size.z() > 0)) {
            throw source.error(box, where + ": size \"" + box.attribute("size").orElseThrow()
                    + "\" has a length <= 0; give three lengths > 0 m");
        }
        return new Geometry.Box(size);
    }

    private double positive(XmlElement shape, String attribute, String where) {
        double v = numbers.requiredScalar(shape, attribute, where, "give the " + attribute + " in metres");
        if (!(v > 0)) {
            throw source.error(shape, where + ": " + attribute + " " + UrdfNumbers.format(v)
                    + " is not > 0; give a " + attribute + " > 0 m");
        }
        return v;
    }

    private Geometry mesh(XmlElement mesh, String where, String ownerWhere) {
        String filename = mesh.attribute("filename").filter(f -> !f.isBlank()).orElseThrow(() -> source.error(mesh,
                where + " has no filename; give filename=\"package://PKG/PATH\" or a path relative to the URDF"));
        Vec3 scale = numbers.vector(mesh, "scale", where, new Vec3(1, 1, 1));
        Optional<Path> resolved = meshes.resolve(filename, source.baseDir());
        if (resolved.isEmpty()) {
            List<Path> searched = meshes.candidates(filename, source.baseDir());
            String places = searched.isEmpty() ? "nowhere: no search path root applies"
                    : searched.stream().map(Path::toString).collect(Collectors.joining(", "));
            warnings.add(source.warning(mesh, ownerWhere + " mesh '" + filename + "' not found (searched: " + places + "); kinematics works, simulation"
                    + " needs the file: add its package root to the search path"));
        }
        return new Geometry.Mesh(filename, scale, resolved);
    }
}
