package dev.mantis.sim.robot;

import dev.mantis.robot.model.ArmJoints;
import dev.mantis.sim.articulation.Articulation;
import java.util.ArrayList;
import java.util.List;

/**
 * How a simulated robot's degrees of freedom are grouped for control: the arm joints (every
 * non-mimic joint except the gripper's) and the gripper's leading joint, whose opening width is
 * {@code widthScale * position} (the leader plus its mimic followers).
 */
public final class RobotJoints {

    private final int[] arm;
    private final int gripper;
    private final double widthScale;
    private final List<String> armNames = new ArrayList<>();

    /** Groups the joints of {@code articulation} according to {@code profile} ({@link ArmJoints}). */
    public RobotJoints(Articulation articulation, RobotProfile profile) {
        ArmJoints groups = ArmJoints.of(articulation.tree().model(), profile.gripperJoint());
        armNames.addAll(groups.arm());
        arm = new int[armNames.size()];
        int gripperDof = -1;
        for (int i = 0; i < articulation.dof(); i++) {
            String name = articulation.joint(i).name();
            int k = armNames.indexOf(name);
            if (k >= 0) {
                arm[k] = i;
            } else if (name.equals(groups.gripper().orElse(null))) {
                gripperDof = i;
            }
        }
        gripper = gripperDof;
        widthScale = groups.widthScale();
    }

    /** Number of arm joints. */
    public int armCount() {
        return arm.length;
    }

    /** Articulation degree of freedom of arm joint {@code k}. */
    public int armDof(int k) {
        return arm[k];
    }

    /** Names of the arm joints. */
    public List<String> armNames() {
        return List.copyOf(armNames);
    }

    /** Whether the robot has a gripper. */
    public boolean hasGripper() {
        return gripper >= 0;
    }

    /** Articulation degree of freedom of the gripper's leading joint (-1 if none). */
    public int gripperDof() {
        return gripper;
    }

    /** Opening width per unit of the gripper leader's position (2 for two symmetric fingers). */
    public double widthScale() {
        return widthScale;
    }
}
