package dev.mantis.sim.control;

import dev.mantis.robot.spec.ArmActions;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.JointDrives;
import dev.mantis.sim.robot.RobotJoints;
import java.util.List;

/**
 * Shared part of the arm controllers: an action is the arm part (its meaning depends on the
 * controller) followed, for robots with a gripper, by the target opening width in metres. The
 * gripper closes force-limited by its joint's effort limit.
 */
abstract class ArmController implements Controller {

    final Articulation articulation;
    final JointDrives drives;
    final RobotJoints joints;

    ArmController(Articulation articulation, JointDrives drives, RobotJoints joints) {
        this.articulation = articulation;
        this.drives = drives;
        this.joints = joints;
    }

    /** The action feature: arm elements then, with a gripper, its width ({@link ArmActions#feature}). */
    final FeatureSpec feature(List<String> armNames, String unit, double[] armLower, double[] armUpper) {
        return ArmActions.feature(armNames, unit, armLower, armUpper, gripperBounds());
    }

    /** The gripper's {lower, upper} opening width in metres, or null without a gripper. */
    final double[] gripperBounds() {
        if (!joints.hasGripper()) {
            return null;
        }
        int g = joints.gripperDof();
        return new double[] {joints.widthScale() * drives.lower(g), joints.widthScale() * drives.upper(g)};
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
