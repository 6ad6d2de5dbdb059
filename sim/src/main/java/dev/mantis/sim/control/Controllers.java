package dev.mantis.sim.control;

import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.JointDrives;
import dev.mantis.sim.robot.RobotJoints;
import java.util.List;

/** Creates a controller by its name. */
public final class Controllers {

    /** The controller names Mantis knows (ManiSkill's names). */
    public static final List<String> NAMES = List.of("pd_joint_pos", "pd_joint_delta_pos", "pd_joint_vel",
            "pd_ee_delta_pose");

    private Controllers() {
    }

    /**
     * The named controller for a robot.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Controller create(String name, Articulation articulation, JointDrives drives, RobotJoints joints,
            KinematicTree tree, String eeLink) {
        return switch (name) {
            case "pd_joint_pos" -> new JointPositionController(articulation, drives, joints, false);
            case "pd_joint_delta_pos" -> new JointPositionController(articulation, drives, joints, true);
            case "pd_joint_vel" -> new JointVelocityController(articulation, drives, joints);
            case "pd_ee_delta_pose" -> new EeDeltaPoseController(articulation, drives, joints, tree, eeLink);
            default -> throw new IllegalArgumentException("unknown controller '" + name + "'; use one of "
                    + String.join(", ", NAMES));
        };
    }
}
