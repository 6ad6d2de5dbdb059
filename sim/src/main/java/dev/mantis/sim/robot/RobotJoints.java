package dev.mantis.sim.robot;

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

    /** Groups the joints of {@code articulation} according to {@code profile}. */
    public RobotJoints(Articulation articulation, RobotProfile profile) {
        List<Integer> armDofs = new ArrayList<>();
        int gripperDof = -1;
        double scale = 0;
        String gripperName = profile.gripperJoint().orElse(null);
        for (int i = 0; i < articulation.dof(); i++) {
            var j = articulation.joint(i);
            if (j.name().equals(gripperName)) {
                gripperDof = i;
                scale += 1;
            } else if (j.isMimic() && j.mimic().get().joint().equals(gripperName)) {
                scale += j.mimic().get().multiplier();
            } else if (!j.isMimic()) {
                armDofs.add(i);
                armNames.add(j.name());
            }
        }
        if (gripperName != null && gripperDof < 0) {
            throw new IllegalArgumentException("robot has no gripper joint '" + gripperName + "'");
        }
        arm = armDofs.stream().mapToInt(Integer::intValue).toArray();
        gripper = gripperDof;
        widthScale = scale;
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
