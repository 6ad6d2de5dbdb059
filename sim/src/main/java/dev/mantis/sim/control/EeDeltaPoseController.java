package dev.mantis.sim.control;

import dev.mantis.robot.kinematics.IkSettings;
import dev.mantis.robot.kinematics.IkWorkspace;
import dev.mantis.robot.kinematics.InverseKinematics;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.kinematics.KinematicsWorkspace;
import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.JointDrives;
import dev.mantis.sim.robot.RobotJoints;
import java.util.List;

/**
 * {@code pd_ee_delta_pose}: the action moves the end-effector target by a translation (m) and a
 * rotation vector (rad), both in the robot base frame, each bounded by {@link #MAX_TRANSLATION}
 * and {@link #MAX_ROTATION} per step. The target accumulates from the previous target (so
 * repeated steps trace straight lines); inverse kinematics from the current configuration turns
 * it into joint targets, always within the joint limits.
 */
public final class EeDeltaPoseController extends ArmController {

    /** Largest translation of one action, metres. */
    public static final double MAX_TRANSLATION = 0.1;
    /** Largest rotation of one action, radians. */
    public static final double MAX_ROTATION = 0.1;

    private final FeatureSpec feature;
    private final KinematicTree tree;
    private final int ee;
    private final InverseKinematics ik;
    private final IkWorkspace ikWorkspace;
    private final KinematicsWorkspace fk;
    private final int[] variableOfArm;
    private final double[] q;
    private final double[] qSolution;
    private final double[] target = new double[12];
    private final double[] delta = new double[9];
    private final double[] rotated = new double[9];

    /** An end-effector controller for link {@code eeLink}. */
    public EeDeltaPoseController(Articulation articulation, JointDrives drives, RobotJoints joints,
            KinematicTree tree, String eeLink) {
        super(articulation, drives, joints);
        this.tree = tree;
        this.ee = tree.linkIndex(eeLink);
        this.ik = new InverseKinematics(tree, eeLink, new IkSettings(1e-5, 1e-5, 1.0, 50, 0, 1e-3, 0.0, 0.2, 1));
        this.ikWorkspace = ik.newWorkspace();
        this.fk = tree.newWorkspace();
        this.q = new double[tree.dof()];
        this.qSolution = new double[tree.dof()];
        variableOfArm = new int[joints.armCount()];
        for (int k = 0; k < variableOfArm.length; k++) {
            variableOfArm[k] = articulation.variableOfDof(joints.armDof(k));
        }
        double t = MAX_TRANSLATION;
        double r = MAX_ROTATION;
        feature = feature(List.of("ee.dx", "ee.dy", "ee.dz", "ee.drx", "ee.dry", "ee.drz"), "m, rad (base frame)",
                new double[] {-t, -t, -t, -r, -r, -r}, new double[] {t, t, t, r, r, r});
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
        tree.forward(q, fk);
        fk.copyPose(ee, target, 0);
    }

    @Override
    public void command(double[] action) {
        target[9] += action[0];
        target[10] += action[1];
        target[11] += action[2];
        double angle = Math.sqrt(action[3] * action[3] + action[4] * action[4] + action[5] * action[5]);
        if (angle > 0) {
            Rotations.axisAngle(action[3] / angle, action[4] / angle, action[5] / angle, angle, delta, 0);
            Rotations.multiply(delta, 0, target, 0, rotated, 0);
            System.arraycopy(rotated, 0, target, 0, 9);
        }
        articulation.configuration(q);
        ik.solve(target, q, q, ikWorkspace, qSolution);
        for (int k = 0; k < variableOfArm.length; k++) {
            drives.setTarget(joints.armDof(k), qSolution[variableOfArm[k]], 0);
        }
        commandGripper(action);
    }
}
