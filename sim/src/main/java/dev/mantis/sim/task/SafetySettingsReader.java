package dev.mantis.sim.task;

import dev.mantis.robot.safety.SafetySettings;
import dev.mantis.robot.safety.WorkspaceBox;
import dev.mantis.robot.spatial.Vec3;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a robot's safety settings from YAML, refusing bad files with one line: file, line, key,
 * fix. Every key is optional; what is absent keeps its {@link SafetySettings#DEFAULT} value (the
 * joint limits themselves always come from the robot's URDF):
 *
 * <pre>
 * robot: panda                 # the robot these settings are for (checked against the task's)
 * joints:
 *   position_margin: 0.05      # rad or m inside the URDF (or safety_controller soft) limits
 *   velocity_scale: 1.0        # fraction of the URDF velocity limits
 *   acceleration: 10.0         # rad/s² or m/s²
 * end_effector:
 *   speed: 1.0                 # m/s
 *   acceleration: 20.0         # m/s²
 *   angular_speed: 2.5         # rad/s
 *   workspace:                 # box in the robot base frame, m (default: the reach, above the base)
 *     min: [-0.9, -0.9, 0.0]
 *     max: [0.9, 0.9, 1.2]
 * rate:
 *   max_hz: 500                # sooner commands are held and merged
 * watchdog:
 *   state_timeout: 0.1         # s
 *   step_timeout: 0.25         # s
 *   on_trip: hold              # hold or stop
 * </pre>
 */
public final class SafetySettingsReader {

    private static final List<String> TOP = List.of("robot", "joints", "end_effector", "rate", "watchdog");
    private static final List<String> JOINTS = List.of("position_margin", "velocity_scale", "acceleration");
    private static final List<String> EE = List.of("speed", "acceleration", "angular_speed", "workspace");
    private static final List<String> BOX = List.of("min", "max");
    private static final List<String> RATE = List.of("max_hz");
    private static final List<String> WATCHDOG = List.of("state_timeout", "step_timeout", "on_trip");

    private SafetySettingsReader() {
    }

    /**
     * The settings in {@code yaml}, named {@code file} in messages, for robot {@code robotId}.
     *
     * @throws TaskSpecException for text that is not YAML, an unknown key, a bad value, or settings
     *     that name another robot
     */
    public static SafetySettings read(String yaml, String file, String robotId) {
        YamlNode root = YamlNode.parse(yaml, file);
        SafetySettings d = SafetySettings.DEFAULT;
        if (root == null) {
            return d;
        }
        Map<String, YamlNode> top = root.mapping(TOP);
        if (top.containsKey("robot") && !top.get("robot").text().equals(robotId)) {
            throw top.get("robot").error("these settings are for '" + top.get("robot").text() + "' but the task's "
                    + "robot is '" + robotId + "'; use a safety file for " + robotId);
        }
        Map<String, YamlNode> joints = section(top, "joints", JOINTS);
        Map<String, YamlNode> ee = section(top, "end_effector", EE);
        Map<String, YamlNode> rate = section(top, "rate", RATE);
        Map<String, YamlNode> watchdog = section(top, "watchdog", WATCHDOG);
        double margin = d.positionMargin();
        if (joints.containsKey("position_margin")) {
            margin = joints.get("position_margin").number();
            if (margin < 0) {
                throw joints.get("position_margin").error(margin + " is negative; give 0 or more (rad or m)");
            }
        }
        Optional<WorkspaceBox> box = d.workspace();
        if (ee.containsKey("workspace")) {
            YamlNode node = ee.get("workspace");
            Map<String, YamlNode> m = node.mapping(BOX);
            if (!m.containsKey("min") || !m.containsKey("max")) {
                throw node.error("needs min: [x, y, z] and max: [x, y, z] (metres, robot base frame)");
            }
            double[] lo = m.get("min").numbers(3);
            double[] hi = m.get("max").numbers(3);
            if (lo[0] > hi[0] || lo[1] > hi[1] || lo[2] > hi[2]) {
                throw node.error("min " + Arrays.toString(lo) + " exceeds max " + Arrays.toString(hi)
                        + " on some axis; swap them");
            }
            box = Optional.of(new WorkspaceBox(new Vec3(lo[0], lo[1], lo[2]), new Vec3(hi[0], hi[1], hi[2])));
        }
        SafetySettings.OnTrip onTrip = d.onTrip();
        if (watchdog.containsKey("on_trip")) {
            String t = watchdog.get("on_trip").text();
            if (!t.equals("hold") && !t.equals("stop")) {
                throw watchdog.get("on_trip").error("'" + t + "' is not hold or stop");
            }
            onTrip = t.equals("hold") ? SafetySettings.OnTrip.HOLD : SafetySettings.OnTrip.STOP;
        }
        return new SafetySettings(margin,
                positive(joints, "velocity_scale", d.velocityScale(), ""),
                positive(joints, "acceleration", d.acceleration(), " (rad/s² or m/s²)"),
                positive(ee, "speed", d.eeSpeed(), " (m/s)"),
                positive(ee, "acceleration", d.eeAcceleration(), " (m/s²)"),
                positive(ee, "angular_speed", d.eeAngularSpeed(), " (rad/s)"),
                box,
                positive(rate, "max_hz", d.maxRateHz(), " (commands per second)"),
                positive(watchdog, "state_timeout", d.stateTimeout(), " (seconds)"),
                positive(watchdog, "step_timeout", d.stepTimeout(), " (seconds)"),
                onTrip);
    }

    private static Map<String, YamlNode> section(Map<String, YamlNode> top, String key, List<String> allowed) {
        return top.containsKey(key) ? top.get(key).mapping(allowed) : Map.of();
    }

    private static double positive(Map<String, YamlNode> m, String key, double fallback, String unit) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        double v = m.get(key).number();
        if (v <= 0) {
            throw m.get(key).error(v + " must be greater than 0" + unit);
        }
        return v;
    }
}
