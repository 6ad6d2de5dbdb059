package dev.mantis.sim.task;

import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.render.Camera;
import dev.mantis.sim.render.CameraSpec;
import java.util.List;
import java.util.Map;

/**
 * Reads a task's {@code cameras:} entries. A camera is fixed in the world, placed by
 * {@code position} and either {@code look_at} (with {@code up}, default [0, 0, 1]) or {@code rpy}
 * (radians, the OpenCV camera frame: z forward, x right, y down), or mounted on a robot link
 * ({@code link}), placed in the link frame by {@code position} and {@code rpy}. Intrinsics:
 * {@code size} [width, height] pixels (default 128 x 128) and either {@code fov} (vertical field of
 * view, degrees) or {@code intrinsics} [fx, fy, cx, cy] pixels.
 */
final class CameraReader {

    private static final List<String> KEYS = List.of("name", "link", "size", "fov", "intrinsics", "position",
            "look_at", "up", "rpy");

    private CameraReader() {
    }

    static CameraSpec camera(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(KEYS);
        String name = TaskSpecReader.required(m, "name", node).text();
        if (!name.matches("[a-z0-9_]+")) {
            throw m.get("name").error("'" + name + "' must be lower-case letters, digits and underscores");
        }
        String link = m.containsKey("link") ? m.get("link").text() : "";
        int width = CameraSpec.DEFAULT_SIZE;
        int height = CameraSpec.DEFAULT_SIZE;
        if (m.containsKey("size")) {
            double[] s = m.get("size").numbers(2);
            if (s[0] != Math.rint(s[0]) || s[1] != Math.rint(s[1]) || s[0] < 1 || s[1] < 1 || s[0] > 8192
                    || s[1] > 8192) {
                throw m.get("size").error("[" + s[0] + ", " + s[1] + "] must be whole pixels in 1..8192 "
                        + "(width, height)");
            }
            width = (int) s[0];
            height = (int) s[1];
        }
        Vec3 position = vec(TaskSpecReader.required(m, "position", node));
        Transform pose;
        if (m.containsKey("look_at")) {
            if (!link.isEmpty() || m.containsKey("rpy")) {
                throw m.get("look_at").error("look_at places a camera fixed in the world; a mounted camera (link) "
                        + "or one with rpy is oriented by rpy alone");
            }
            Vec3 up = m.containsKey("up") ? vec(m.get("up")) : new Vec3(0, 0, 1);
            try {
                pose = Camera.lookAt(position, vec(m.get("look_at")), up);
            } catch (IllegalArgumentException e) {
                throw m.get("look_at").error("position equals look_at, or up is parallel to the view direction; "
                        + "move the target or give another up");
            }
        } else if (m.containsKey("rpy")) {
            pose = Transform.fromXyzRpy(position, vec(m.get("rpy")));
        } else if (!link.isEmpty()) {
            pose = Transform.translation(position);
        } else {
            throw node.error("a fixed camera needs look_at or rpy to say where it looks");
        }
        if (m.containsKey("fov") && m.containsKey("intrinsics")) {
            throw m.get("intrinsics").error("give either fov or intrinsics, not both");
        }
        if (m.containsKey("intrinsics")) {
            double[] k = m.get("intrinsics").numbers(4);
            if (!(k[0] > 0) || !(k[1] > 0)) {
                throw m.get("intrinsics").error("fx and fy must be positive pixels, got " + k[0] + ", " + k[1]);
            }
            return new CameraSpec(name, width, height, k[0], k[1], k[2], k[3], link, pose);
        }
        double fov = m.containsKey("fov") ? m.get("fov").number() : 60;
        if (!(fov > 0 && fov < 180)) {
            throw m.get("fov").error(fov + " degrees is outside (0, 180); give the vertical field of view in degrees");
        }
        return CameraSpec.ofFovY(name, width, height, Math.toRadians(fov), link, pose);
    }

    private static Vec3 vec(YamlNode n) {
        double[] v = n.numbers(3);
        return new Vec3(v[0], v[1], v[2]);
    }
}
