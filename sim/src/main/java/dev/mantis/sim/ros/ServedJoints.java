package dev.mantis.sim.ros;

import dev.mantis.robot.model.ArmJoints;
import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.RobotModel;
import java.util.List;

/**
 * Where each joint a served profile names comes from in the simulated robot's observation: an arm
 * joint, the gripper's leader (width divided by the width scale), a mimic follower of the leader,
 * or nothing the robot observes (published as zero).
 */
final class ServedJoints {

    private final ArmJoints groups;
    private final int[] arm;
    private final double[] multiplier;
    private final double[] offset;
    private final int n;

    /** The sources of {@code joints} of {@code model}, grouped as {@code groups}. */
    ServedJoints(RobotModel model, ArmJoints groups, List<String> joints) {
        this.groups = groups;
        this.n = joints.size();
        this.arm = new int[n];
        this.multiplier = new double[n];
        this.offset = new double[n];
        String leader = groups.gripper().orElse(null);
        for (int i = 0; i < n; i++) {
            String name = joints.get(i);
            arm[i] = groups.arm().indexOf(name);
            if (name.equals(leader)) {
                multiplier[i] = 1;
            } else {
                Joint j = model.joint(name).orElse(null);
                if (j != null && j.isMimic() && j.mimic().get().joint().equals(leader)) {
                    multiplier[i] = j.mimic().get().multiplier();
                    offset[i] = j.mimic().get().offset();
                }
            }
        }
    }

    /**
     * Fills {@code out} (one value per joint) from an observed feature {@code values} (arm joints,
     * then the gripper width); {@code withOffset} for positions (velocities and efforts scale only).
     */
    void fill(double[] values, boolean withOffset, double[] out) {
        int arms = groups.arm().size();
        double leader = groups.hasGripper() ? values[arms] / groups.widthScale() : 0;
        for (int i = 0; i < n; i++) {
            out[i] = arm[i] >= 0 ? values[arm[i]] : multiplier[i] * leader + (withOffset ? offset[i] : 0);
        }
    }
}
