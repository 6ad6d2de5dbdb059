package dev.mantis.sim.control;

import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.JointDrives;
import dev.mantis.sim.robot.RobotJoints;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared part of the arm controllers: an action is the arm part (its meaning depends on the
 * controller) followed, for robots with a gripper, by the target opening width in metres. The
 * gripper closes force-limited by its joint's effort limit.
 */
abstract class ArmController implements Controller {

    /** Name of the gripper element of every action. */
    static final String GRIPPER_WIDTH = "gripper.width";

    final Articulation articulation;
    final JointDrives drives;
    final RobotJoints joints;

    ArmController(Articulation articulation, JointDrives drives, RobotJoints joints) {
        this.articulation = articulation;
        this.drives = drives;
        this.joints = joints;
    }

    /** The action feature: arm elements then, with a gripper, its width. */
    final FeatureSpec feature(List<String> armNames, String unit, double[] armLower, double[] armUpper) {
        List<String> names = new ArrayList<>(armNames);
        int n = armNames.size() + (joints.hasGripper() ? 1 : 0);
        double[] lower = java.util.Arrays.copyOf(armLower, n);
        double[] upper = java.util.Arrays.copyOf(armUpper, n);
        if (joints.hasGripper()) {
            names.add(GRIPPER_WIDTH);
            int g = joints.gripperDof();
            lower[n - 1] = joints.widthScale() * drives.lower(g);
            upper[n - 1] = joints.widthScale() * drives.upper(g);
            unit = unit + "; gripper.width: m";
        }
        return FeatureSpec.vector("action", names, unit, lower, upper);
    }

    /** Sets the gripper target from the last action element, if the robot has a gripper. */
    final void commandGripper(double[] action) {
        if (joints.hasGripper()) {
            drives.setTarget(joints.gripperDof(), action[action.length - 1] / joints.widthScale(), 0);
        }
    }

    /** Holds every arm joint and the gripper where they are now. */
    @Override
    public void reset() {
        for (int i = 0; i < articulation.dof(); i++) {
            drives.setTarget(i, articulation.position(i), 0);
        }
    }
}
