package dev.mantis.sim.ros;

import dev.mantis.robot.ros.driver.CommandChannel;
import dev.mantis.robot.ros.driver.CommandType;
import dev.mantis.robot.ros.driver.ResetMove;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.robot.ros.driver.StateTopic;
import dev.mantis.sim.task.TaskSpecException;
import dev.mantis.sim.task.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a ROS robot profile from YAML. Every mistake is one {@link TaskSpecException} line naming
 * the file, the line and the key.
 *
 * <pre>
 * profile: ur5e
 * robot: ur5e                # a bundled robot id, or "urdf" (then ee_link, and --urdf at run time)
 * state_timeout: 0.05        # s
 * states:
 *   - topic: /joint_states
 *     joints: [shoulder_pan_joint, ...]
 * commands:
 *   - topic: /joint_group_pos_controller/command
 *     type: std_msgs/Float64MultiArray
 *     joints: [shoulder_pan_joint, ...]
 * estop: /mantis/estop
 * reset:                     # the scripted reset routine (--reset scripted), moves in order
 *   - seconds: 1.0           # the end effector straight up by 10 cm
 *     lift: 0.1
 *   - seconds: 3.0           # straight in joint space; joints not named hold
 *     joints: {shoulder_pan_joint: 0.0, ...}
 * </pre>
 */
public final class RosProfileReader {

    private static final List<String> TOP = List.of("profile", "description", "robot", "ee_link", "gripper_joint",
            "state_timeout", "states", "commands", "estop", "reset");
    private static final List<String> STATE = List.of("topic", "joints");
    private static final List<String> RESET = List.of("seconds", "joints", "lift");
    private static final List<String> COMMAND = List.of("topic", "type", "joints", "on_change", "speed", "force");

    private RosProfileReader() {
    }

    /**
     * The profile in {@code yaml}, named {@code file} in messages.
     *
     * @throws TaskSpecException for anything malformed or missing
     */
    public static RosProfile read(String yaml, String file) {
        YamlNode root = YamlNode.parse(yaml, file);
        if (root == null) {
            throw new TaskSpecException(file, 1, "empty profile; it needs profile, robot, states and commands");
        }
        Map<String, YamlNode> top = root.mapping(TOP);
        String name = required(top, "profile", root).text();
        String robot = required(top, "robot", root).text();
        Optional<String> eeLink = Optional.ofNullable(top.get("ee_link")).map(YamlNode::text);
        Optional<String> gripper = Optional.ofNullable(top.get("gripper_joint")).map(YamlNode::text);
        if (robot.equals(RosProfile.URDF) && eeLink.isEmpty()) {
            throw root.error("a profile for a robot given by --urdf needs ee_link: the end-effector link");
        }
        double timeout = top.containsKey("state_timeout") ? top.get("state_timeout").number() : 0.1;
        if (!(timeout > 0)) {
            throw top.get("state_timeout").error("must be > 0 seconds");
        }
        List<StateTopic> states = new ArrayList<>();
        for (YamlNode s : required(top, "states", root).sequence()) {
            Map<String, YamlNode> m = s.mapping(STATE);
            states.add(new StateTopic(topic(required(m, "topic", s)), required(m, "joints", s).texts()));
        }
        if (states.isEmpty()) {
            throw top.get("states").error("needs at least one joint state topic");
        }
        List<CommandChannel> commands = new ArrayList<>();
        for (YamlNode c : required(top, "commands", root).sequence()) {
            Map<String, YamlNode> m = c.mapping(COMMAND);
            YamlNode typeNode = required(m, "type", c);
            CommandType type = CommandType.ofRosType(typeNode.text()).orElseThrow(() -> typeNode.error("unknown "
                    + "command type '" + typeNode.text() + "'; use one of " + String.join(", ", CommandType.rosTypes())));
            List<String> joints = required(m, "joints", c).texts();
            if (type == CommandType.FRANKA_GRASP && joints.size() != 1) {
                throw m.get("joints").error("a gripper's grasp goal carries one joint (the gripper's leading joint)");
            }
            boolean onChange = m.containsKey("on_change") && Boolean.parseBoolean(m.get("on_change").text());
            double speed = m.containsKey("speed") ? m.get("speed").number() : 0.1;
            double force = m.containsKey("force") ? m.get("force").number() : 20;
            commands.add(new CommandChannel(topic(required(m, "topic", c)), type, joints, onChange, speed, force));
        }
        if (commands.isEmpty()) {
            throw top.get("commands").error("needs at least one command topic");
        }
        String estop = top.containsKey("estop") ? topic(top.get("estop")) : "/mantis/estop";
        String description = top.containsKey("description") ? top.get("description").text() : name;
        List<String> commanded = commands.stream().flatMap(c -> c.joints().stream()).distinct().toList();
        List<ResetMove> reset = top.containsKey("reset") ? reset(top.get("reset"), commanded) : List.of();
        return new RosProfile(name, robot, eeLink, gripper, states, commands, timeout, estop, reset, description);
    }

    private static List<ResetMove> reset(YamlNode node, List<String> commanded) {
        List<ResetMove> moves = new ArrayList<>();
        for (YamlNode step : node.sequence()) {
            Map<String, YamlNode> m = step.mapping(RESET);
            double seconds = required(m, "seconds", step).number();
            if (!(seconds > 0)) {
                throw m.get("seconds").error("a reset move takes > 0 seconds");
            }
            if (m.containsKey("lift") == m.containsKey("joints")) {
                throw step.error("a reset move gives either 'joints' (targets) or 'lift' (metres up)");
            }
            if (m.containsKey("lift")) {
                double lift = m.get("lift").number();
                if (!(lift > 0)) {
                    throw m.get("lift").error("lifts by > 0 metres");
                }
                moves.add(new ResetMove(Map.of(), lift, seconds));
                continue;
            }
            YamlNode jointsNode = m.get("joints");
            Map<String, Double> joints = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> j : jointsNode.mapping(commanded).entrySet()) {
                joints.put(j.getKey(), j.getValue().number());
            }
            if (joints.isEmpty()) {
                throw jointsNode.error("names no joint; give targets of the commanded joints " + commanded);
            }
            moves.add(new ResetMove(joints, 0, seconds));
        }
        return moves;
    }

    private static YamlNode required(Map<String, YamlNode> m, String key, YamlNode parent) {
        YamlNode n = m.get(key);
        if (n == null) {
            throw parent.error("missing '" + key + "'");
        }
        return n;
    }

    private static String topic(YamlNode n) {
        String t = n.text();
        if (!t.matches("[~/]?[A-Za-z][A-Za-z0-9_/]*")) {
            throw n.error("'" + t + "' is not a ROS topic name");
        }
        return t;
    }
}
