package dev.mantis.sim.control;

import dev.mantis.robot.kinematics.DeltaPoseTarget;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.spec.ArmActions;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.JointDrives;
import dev.mantis.sim.robot.RobotJoints;

/**
 * {@code pd_ee_delta_pose}: the action moves the end-effector target by a translation (m) and a
 * rotation vector (rad), both in the robot base frame, each bounded by {@link ArmActions#MAX_TRANSLATION}
 * and {@link ArmActions#MAX_ROTATION} per step. The target accumulates from the previous target (so
 * repeated steps trace straight lines); inverse kinematics from the current configuration turns
 * it into joint targets, always within the joint limits ({@link DeltaPoseTarget}).
 */
public final class EeDeltaPoseController extends ArmController {

    private final FeatureSpec feature;
    private final DeltaPoseTarget target;
    private final int[] variableOfArm;
    private final double[] q;
    private final double[] qSolution;

    /** An end-effector controller for link {@code eeLink}. */
    public EeDeltaPoseController(Articulation articulation, JointDrives drives, RobotJoints joints,
            KinematicTree tree, String eeLink) {
        super(articulation, drives, joints);
        this.target = new DeltaPoseTarget(tree, eeLink);
        this.q = new double[tree.dof()];
        this.qSolution = new double[tree.dof()];
        variableOfArm = new int[joints.armCount()];
        for (int k = 0; k < variableOfArm.length; k++) {
            variableOfArm[k] = articulation.variableOfDof(joints.armDof(k));
        }
        feature = ArmActions.eeDelta(gripperBounds());
    }

    @Override
    public String name() {
        return "pd_ee_delta_pose";
    }

    @Override
    public FeatureSpec actionFeature() {
        return feature;
    }

    @Override
    public void reset() {
        super.reset();
        articulation.configuration(q);
        target.reset(q);
    }

    @Override
    public void command(double[] action) {
        articulation.configuration(q);
        target.step(action, q, qSolution);
        for (int k = 0; k < variableOfArm.length; k++) {
            drives.setTarget(joints.armDof(k), qSolution[variableOfArm[k]], 0);
        }
        commandGripper(action);
    }
}
