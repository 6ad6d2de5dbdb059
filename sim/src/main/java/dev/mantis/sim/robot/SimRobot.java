package dev.mantis.sim.robot;

import dev.mantis.robot.Robot;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.kinematics.KinematicsWorkspace;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.ArmObservations;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import dev.mantis.sim.articulation.ArmDynamics;
import dev.mantis.sim.articulation.Articulation;
import dev.mantis.sim.articulation.DriveGains;
import dev.mantis.sim.articulation.JointDrives;
import dev.mantis.sim.control.Controller;
import dev.mantis.sim.control.Controllers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * A simulated robot: a Bullet articulation with joint drives and a controller, seen through the
 * same {@link Robot} interface as hardware. {@link #act} sets the controller's targets; time
 * advances when the scene steps.
 *
 * <p>Observation features: {@code observation.state} (arm joint positions, then the gripper
 * width if any; rad, m), {@code observation.velocity} (rad/s, m/s), {@code observation.effort}
 * (applied joint torques, N·m or N, gripper: its leader's force), {@code observation.ee_pose}
 * (end-effector position in metres and unit quaternion x, y, z, w, in the robot base frame).
 */
public final class SimRobot implements Robot {

    private final String robotType;
    private final Articulation articulation;
    private final RobotProfile profile;
    private final RobotJoints joints;
    private final JointDrives drives;
    private final Controller controller;
    private final KinematicTree tree;
    private final KinematicsWorkspace fk;
    private final int ee;
    private final double[] q;
    private final ObservationSpec observationSpec;
    private final ActionSpec actionSpec;
    private final DoubleSupplier clock;

    /**
     * A robot on {@code articulation}, controlled by the named controller.
     *
     * @param clock simulated time in seconds, for observation timestamps
     */
    public SimRobot(String robotType, Articulation articulation, RobotProfile profile, String controllerName,
            DriveGains gains, DoubleSupplier clock) {
        this.robotType = robotType;
        this.articulation = articulation;
        this.profile = profile;
        this.clock = clock;
        ArmDynamics dynamics = new ArmDynamics(articulation);
        this.tree = dynamics.tree();
        this.fk = tree.newWorkspace();
        this.ee = tree.linkIndex(profile.eeLink());
        this.q = new double[tree.dof()];
        this.joints = new RobotJoints(articulation, profile);
        this.drives = new JointDrives(articulation, dynamics, gains, profile.gripJoints());
        this.controller = Controllers.create(controllerName, articulation, drives, joints, tree, profile.eeLink());
        this.actionSpec = new ActionSpec(controller.name(), controller.actionFeature());
        this.observationSpec = buildObservationSpec();
        if (profile.rest().size() != joints.armCount()) {
            throw new IllegalArgumentException("robot '" + robotType + "' has " + joints.armCount()
                    + " arm joints but its rest pose has " + profile.rest().size() + " values");
        }
    }

    private ObservationSpec buildObservationSpec() {
        List<String> names = new ArrayList<>(joints.armNames());
        int n = names.size() + (joints.hasGripper() ? 1 : 0);
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int k = 0; k < joints.armCount(); k++) {
            lower[k] = drives.lower(joints.armDof(k));
            upper[k] = drives.upper(joints.armDof(k));
        }
        if (joints.hasGripper()) {
            names.add("gripper.width");
            lower[n - 1] = joints.widthScale() * drives.lower(joints.gripperDof());
            upper[n - 1] = joints.widthScale() * drives.upper(joints.gripperDof());
        }
        return ArmObservations.spec(names, lower, upper);
    }

    @Override
    public String robotType() {
        return robotType;
    }

    @Override
    public ObservationSpec observationSpec() {
        return observationSpec;
    }

    @Override
    public ActionSpec actionSpec() {
        return actionSpec;
    }

    /** Simulated robots are connected from the start. */
    @Override
    public void connect() {
    }

    @Override
    public Observation observe() {
        int n = joints.armCount() + (joints.hasGripper() ? 1 : 0);
        double[] position = new double[n];
        double[] velocity = new double[n];
        double[] effort = new double[n];
        for (int k = 0; k < joints.armCount(); k++) {
            int dof = joints.armDof(k);
            position[k] = articulation.position(dof);
            velocity[k] = articulation.velocity(dof);
            effort[k] = drives.appliedTorque(dof);
        }
        if (joints.hasGripper()) {
            int g = joints.gripperDof();
            position[n - 1] = joints.widthScale() * articulation.position(g);
            velocity[n - 1] = joints.widthScale() * articulation.velocity(g);
            effort[n - 1] = drives.appliedTorque(g);
        }
        return new Observation(observationSpec, clock.getAsDouble(), new double[][] {position, velocity, effort,
                ArmObservations.eePose(eePose())});
    }

    /**
     * The observation this robot would give right after {@link #resetTo resetTo(armPositions,
     * gripperWidth)}, bit for bit, computed without moving it (its state, drives and controller
     * are untouched): positions as the reset sets them, velocities and efforts zero, the
     * end-effector pose of that configuration.
     */
    public Observation observeAt(double[] armPositions, double gripperWidth) {
        double[] p = resetPositions(armPositions, gripperWidth);
        int n = joints.armCount() + (joints.hasGripper() ? 1 : 0);
        double[] position = new double[n];
        for (int k = 0; k < joints.armCount(); k++) {
            position[k] = p[joints.armDof(k)];
        }
        if (joints.hasGripper()) {
            position[n - 1] = joints.widthScale() * p[joints.gripperDof()];
        }
        double[] qAt = new double[tree.dof()];
        for (int i = 0; i < p.length; i++) {
            if (articulation.variableOfDof(i) >= 0) {
                qAt[articulation.variableOfDof(i)] = p[i];
            }
        }
        KinematicsWorkspace ws = tree.newWorkspace();
        tree.forward(qAt, ws);
        double[] T_base_ee = new double[12];
        ws.copyPose(ee, T_base_ee, 0);
        return new Observation(observationSpec, clock.getAsDouble(), new double[][] {position, new double[n],
                new double[n], ArmObservations.eePose(T_base_ee)});
    }

    /** The end-effector pose T_base_ee as 12 numbers (rotation row-major, then metres). */
    public double[] eePose() {
        articulation.configuration(q);
        tree.forward(q, fk);
        double[] T = new double[12];
        fk.copyPose(ee, T, 0);
        return T;
    }

    @Override
    public Action act(Action action) {
        FeatureSpec f = actionSpec.action();
        if (action.size() != f.size()) {
            throw new IllegalArgumentException(controller.name() + " action for '" + robotType + "' needs " + f.size()
                    + " values " + f.names() + ", got " + action.size());
        }
        if (!action.isFinite()) {
            throw new IllegalArgumentException(controller.name() + " action has a non-finite value: " + action);
        }
        double[] clamped = new double[f.size()];
        for (int i = 0; i < clamped.length; i++) {
            clamped[i] = Math.max(f.lower(i), Math.min(f.upper(i), action.get(i)));
        }
        controller.command(clamped);
        return new Action(clamped);
    }

    /** Runs the controller and the joint drives before one physics step of {@code dt} seconds. */
    public void beforePhysicsStep(double dt) {
        controller.beforePhysicsStep(dt);
        drives.apply(dt);
    }

    /**
     * Teleports the robot to a configuration at rest: arm joints at {@code armPositions}
     * (clamped into limits), gripper at {@code gripperWidth} metres; targets hold it there.
     */
    public void resetTo(double[] armPositions, double gripperWidth) {
        double[] p = resetPositions(armPositions, gripperWidth);
        for (int k = 0; k < joints.armCount(); k++) {
            articulation.setState(joints.armDof(k), p[joints.armDof(k)], 0);
        }
        if (joints.hasGripper()) {
            articulation.setState(joints.gripperDof(), p[joints.gripperDof()], 0);
        }
        for (int i = 0; i < articulation.dof(); i++) {
            if (articulation.joint(i).isMimic()) {
                articulation.setState(i, p[i], 0);
            }
        }
        articulation.syncColliders();
        drives.releaseGrip();
        drives.clearAppliedTorques();
        controller.reset();
    }

    /**
     * The joint positions, per degree of freedom of {@link #articulation()}, that
     * {@link #resetTo resetTo(armPositions, gripperWidth)} would give, without moving the robot
     * (for drawing it in a goal configuration).
     */
    public double[] dofPositionsAt(double[] armPositions, double gripperWidth) {
        return resetPositions(armPositions, gripperWidth);
    }

    /**
     * Per degree of freedom, the position {@link #resetTo} gives it: arm joints and the gripper
     * clamped into their limits, mimic joints following their leaders, each at the float precision
     * Bullet's joint API keeps; other joints where they are.
     */
    private double[] resetPositions(double[] armPositions, double gripperWidth) {
        if (armPositions.length != joints.armCount()) {
            throw new IllegalArgumentException("robot '" + robotType + "' has " + joints.armCount() + " arm joints, got "
                    + armPositions.length + " positions");
        }
        double[] p = new double[articulation.dof()];
        for (int i = 0; i < p.length; i++) {
            p[i] = articulation.position(i);
        }
        for (int k = 0; k < joints.armCount(); k++) {
            int dof = joints.armDof(k);
            p[dof] = (float) Math.max(drives.lower(dof), Math.min(drives.upper(dof), armPositions[k]));
        }
        if (joints.hasGripper()) {
            int g = joints.gripperDof();
            p[g] = (float) Math.max(drives.lower(g), Math.min(drives.upper(g), gripperWidth / joints.widthScale()));
        }
        for (int i = 0; i < p.length; i++) {
            var j = articulation.joint(i);
            if (j.isMimic()) {
                p[i] = (float) (j.mimic().get().multiplier() * p[indexOf(j.mimic().get().joint())]
                        + j.mimic().get().offset());
            }
        }
        return p;
    }

    /** Re-synchronises the controller with the current joint state (after a snapshot restore). */
    public void resyncController() {
        controller.reset();
    }

    private int indexOf(String jointName) {
        for (int i = 0; i < articulation.dof(); i++) {
            if (articulation.joint(i).name().equals(jointName)) {
                return i;
            }
        }
        throw new IllegalStateException("no joint " + jointName);
    }

    /** Rest positions of the arm joints. */
    public double[] restPositions() {
        return profile.rest().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The articulation (for the scene: state snapshots and checks). */
    public Articulation articulation() {
        return articulation;
    }

    /** The joint grouping (arm joints and gripper). */
    public RobotJoints joints() {
        return joints;
    }

    /** The drives (targets, applied torques). */
    public JointDrives drives() {
        return drives;
    }

    /** The scene owns the native resources; closing a simulated robot does nothing. */
    @Override
    public void close() {
    }
}
