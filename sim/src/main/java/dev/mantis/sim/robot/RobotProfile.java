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
 */
public record RobotProfile(String eeLink, Optional<String> gripperJoint, List<Double> rest) {

    public RobotProfile {
        rest = List.copyOf(rest);
    }

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
                    List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6, 0.2, 0.0, 0.0)));
            default -> Optional.empty();
        };
    }
}
