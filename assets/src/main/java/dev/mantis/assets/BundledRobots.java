package dev.mantis.assets;

import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * The robot descriptions that ship with Mantis, named by id (for example {@code panda}).
 * Each is a URDF file on the classpath under {@code mantis/robots/}.
 */
public final class BundledRobots {

    /** One bundled robot: its id, a one-line description and its URDF resource path. */
    public record Entry(String id, String description, String resource) {

        /** The URDF's location on the classpath. */
        public URL url() {
            URL url = BundledRobots.class.getClassLoader().getResource(resource);
            if (url == null) {
                throw new IllegalStateException("bundled robot '" + id + "' is missing its resource " + resource
                        + "; the mantis-assets jar is incomplete, rebuild it");
            }
            return url;
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("panda", "7-DoF arm with Franka Panda kinematics and a parallel-jaw gripper",
                    "mantis/robots/panda/panda.urdf"),
            new Entry("ur5e", "6-DoF arm with UR5e kinematics", "mantis/robots/ur5e/ur5e.urdf"),
            new Entry("allegro_right", "16-DoF four-finger right hand with Allegro kinematics",
                    "mantis/robots/allegro_right/allegro_right.urdf"));

    private BundledRobots() {
    }

    /** All bundled robots, in a stable order. */
    public static List<Entry> all() {
        return ENTRIES;
    }

    /** The bundled robot with this id, if there is one. */
    public static Optional<Entry> find(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
