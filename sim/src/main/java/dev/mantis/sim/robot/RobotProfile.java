package dev.mantis.sim.robot;

import java.util.List;
import java.util.Optional;

/**
 * What the simulator needs to know about a robot beyond its URDF: the end-effector link, the
 * gripper's leading joint (its mimic followers close with it), and a rest configuration of the
 * other joints.
 *
 * @param eeLink link whose pose is the end-effector pose
 * @param gripperJoint leading joint of a parallel gripper, if the robot has one
 * @param rest rest positions of the non-gripper joints, in URDF order (radians or metres)
 * @param gripJoints joints that squeeze with the grip force once an object blocks them (the
 *     gripper's leading joint and, for hands, the finger flexion joints); their mimic followers too
 */
public record RobotProfile(String eeLink, Optional<String> gripperJoint, List<Double> rest, List<String> gripJoints) {

    public RobotProfile {
        rest = List.copyOf(rest);
        gripJoints = List.copyOf(gripJoints);
    }

    /** A profile whose only grip joint is the gripper's leading joint, if any. */
    public RobotProfile(String eeLink, Optional<String> gripperJoint, List<Double> rest) {
        this(eeLink, gripperJoint, rest, gripperJoint.map(List::of).orElse(List.of()));
    }

    /** The flexion joints of the 16-DoF hand (not the finger abduction joints 0, 4, 8 nor thumb 12). */
    public static final List<String> HAND_FLEXION_JOINTS = List.of("joint_1.0", "joint_2.0", "joint_3.0",
            "joint_5.0", "joint_6.0", "joint_7.0", "joint_9.0", "joint_10.0", "joint_11.0", "joint_13.0",
            "joint_14.0", "joint_15.0");

    /** The profile of a bundled robot id, if Mantis knows it. */
    public static Optional<RobotProfile> bundled(String id) {
        return switch (id) {
            // Franka's "ready" posture, hand pointing down
            case "panda" -> Optional.of(new RobotProfile("panda_hand_tcp", Optional.of("panda_finger_joint1"),
                    List.of(0.0, -0.785, 0.0, -2.356, 0.0, 1.571, 0.785)));
            // elbow up, tool pointing down
            case "ur5e" -> Optional.of(new RobotProfile("tool0", Optional.empty(),
                    List.of(0.0, -1.571, 1.571, -1.571, -1.571, 0.0)));
            // open hand, thumb slightly opposed
            case "allegro_right" -> Optional.of(new RobotProfile("palm", Optional.empty(),
                    List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6, 0.2, 0.0, 0.0),
                    HAND_FLEXION_JOINTS));
            // the hand on the arm's flange (ModelMount), palm upright facing +x 25 cm above the
            // oracle's side grasp of an object at the table's centre, hand open
            case "ur5e_allegro" -> Optional.of(new RobotProfile("palm", Optional.empty(),
                    List.of(0.2093, -1.1359, 1.4690, -0.3331, 3.3509, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
                            0.0, 0.0, 0.0, 0.323, -0.045, 0.0, 0.0),
                    HAND_FLEXION_JOINTS));
            default -> Optional.empty();
        };
    }
}
