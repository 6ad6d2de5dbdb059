package dev.mantis.sim.articulation;

import dev.mantis.robot.model.Joint;

/**
 * Position/velocity drives of every simulated joint, applied as joint torques at the physics
 * rate: {@code tau = M(q) a + g(q)} where each joint's desired acceleration {@code a} is an
 * implicit (stable at any gain) second-order response toward its target, so every joint
 * behaves like a decoupled mass-spring-damper of the configured frequency; torques are clamped
 * to the URDF effort limits. Outside the position limits a stiff one-sided spring pushes a joint
 * back. Mimic joints track {@code multiplier * leader + offset}. Targets are clamped into the
 * joint's position and velocity limits.
 */
public final class JointDrives {

    private final Articulation articulation;
    private final ArmDynamics dynamics;
    private final DriveGains gains;
    private final int dof;
    private final int[] leader;
    private final double[] multiplier;
    private final double[] offset;
    private final double[] lower;
    private final double[] upper;
    private final double[] effort;
    private final double[] maxVelocity;
    private final double[] damping;
    private final double[] targetPosition;
    private final double[] targetVelocity;
    private final double[] appliedTorque;
    private final double[] desiredAcceleration;
    /** Joint positions and velocities read once per physics step (each read is a native call). */
    private final double[] position;
    private final double[] velocity;
    /** Grip force per joint (N): non-zero for the fingers of a force-limited gripper. */
    private final double[] gripForce;
    /** Per finger: the sign of its squeeze while it grips an object, 0 while it does not. */
    private final double[] gripping;
    /** Per finger: its target when last seen, and seconds since that target last changed. */
    private final double[] lastTarget;
    private final double[] steady;
    private final boolean[] prismatic;

    /**
     * Drives for every joint of {@code articulation}, holding the current positions. The joints
     * named in {@code gripJoints} and their mimic followers squeeze with
     * {@link DriveGains#gripForce()} (capped by their effort limit) once blocked, and such
     * followers track their leader's target rather than its position, like fingers on one motor.
     */
    public JointDrives(Articulation articulation, ArmDynamics dynamics, DriveGains gains,
            java.util.Collection<String> gripJoints) {
        this.articulation = articulation;
        this.dynamics = dynamics;
        this.gains = gains;
        dof = articulation.dof();
        leader = new int[dof];
        multiplier = new double[dof];
        offset = new double[dof];
        lower = new double[dof];
        upper = new double[dof];
        effort = new double[dof];
        maxVelocity = new double[dof];
        damping = new double[dof];
        targetPosition = new double[dof];
        targetVelocity = new double[dof];
        appliedTorque = new double[dof];
        desiredAcceleration = new double[dof];
        position = new double[dof];
        velocity = new double[dof];
        gripForce = new double[dof];
        gripping = new double[dof];
        lastTarget = new double[dof];
        java.util.Arrays.fill(lastTarget, Double.NaN);
        steady = new double[dof];
        prismatic = new boolean[dof];
        for (int i = 0; i < dof; i++) {
            Joint j = articulation.joint(i);
            leader[i] = -1;
            if (j.isMimic()) {
                for (int k = 0; k < dof; k++) {
                    if (articulation.joint(k).name().equals(j.mimic().get().joint())) {
                        leader[i] = k;
                    }
                }
                multiplier[i] = j.mimic().get().multiplier();
                offset[i] = j.mimic().get().offset();
            }
            lower[i] = j.limits().lower();
            upper[i] = j.limits().upper();
            effort[i] = j.limits().effort();
            maxVelocity[i] = j.limits().velocity();
            damping[i] = j.dynamics().damping();
            targetPosition[i] = articulation.position(i);
            prismatic[i] = j.type() == dev.mantis.robot.model.JointType.PRISMATIC;
            boolean finger = gripJoints.contains(j.name())
                    || (j.isMimic() && gripJoints.contains(j.mimic().get().joint()));
            gripForce[i] = finger ? Math.min(gains.gripForce(), effort[i]) : 0;
        }
    }

    /** Number of driven joints. */
    public int dof() {
        return dof;
    }

    /**
     * Sets joint {@code i}'s target position (radians or metres) and velocity; both are clamped
     * into the joint's limits.
     *
     * @throws IllegalArgumentException if a value is not finite
     */
    public void setTarget(int i, double position, double velocity) {
        if (!Double.isFinite(position) || !Double.isFinite(velocity)) {
            throw new IllegalArgumentException("joint '" + articulation.joint(i).name() + "' target must be finite, got "
                    + position + ", " + velocity);
        }
        targetPosition[i] = Math.max(lower[i], Math.min(upper[i], position));
        targetVelocity[i] = Math.max(-maxVelocity[i], Math.min(maxVelocity[i], velocity));
    }

    /** Forgets any grip in progress (after teleporting the robot). */
    public void releaseGrip() {
        java.util.Arrays.fill(gripping, 0);
        java.util.Arrays.fill(lastTarget, Double.NaN); // every finger starts its settling afresh
        java.util.Arrays.fill(steady, 0);
    }

    /**
     * Counts every finger's current target as settled long ago, so that a finger blocked short of
     * it grips from the next physics step: for a robot teleported with its fingers on an object
     * it is to hold (nothing else keeps the object up while a grip would settle).
     */
    public void settleGrip() {
        for (int i = 0; i < dof; i++) {
            if (gripForce[i] > 0) {
                lastTarget[i] = fingerTarget(i);
                steady[i] = 3 / gains.frequency();
            }
        }
    }

    /** A finger's target: its own, or for a mimic follower its leader's mapped through the mimic. */
    private double fingerTarget(int i) {
        int l = leader[i];
        return l >= 0 ? multiplier[i] * targetPosition[l] + offset[i] : targetPosition[i];
    }

    /** Forgets the torques of the last physics step (a reset robot has applied none yet). */
    public void clearAppliedTorques() {
        java.util.Arrays.fill(appliedTorque, 0);
    }

    /** Target position of joint {@code i}. */
    public double targetPosition(int i) {
        return targetPosition[i];
    }

    /** Lower position limit of joint {@code i}. */
    public double lower(int i) {
        return lower[i];
    }

    /** Upper position limit of joint {@code i}. */
    public double upper(int i) {
        return upper[i];
    }

    /** Velocity limit of joint {@code i}. */
    public double maxVelocity(int i) {
        return maxVelocity[i];
    }

    /** The torque (N·m or N) applied to joint {@code i} in the last physics step. */
    public double appliedTorque(int i) {
        return appliedTorque[i];
    }

    /**
     * The squeeze of a finger held back from its target by an object. A finger starts gripping
     * when it is more than {@link #BLOCKED_GAP} short of its target and nearly still although its
     * target has not changed for the drive's settling time (3 / w): its drive has had time to
     * bring it there. (A finger is also still the instant it is sent a new target; gripping then
     * would throw its tiny mass at the object at metres per second.) It keeps
     * the full grip force toward the target until it gets within half that gap (the object is
     * gone), the target moves to its other side (the gripper opens) or it runs away faster than
     * {@link #RUNAWAY_SPEED}. (A finger's own drive is scaled by its tiny inertia and could not
     * hold an object.)
     */
    private double grip(int i, double v, double target, double dt) {
        if (target != lastTarget[i]) {
            lastTarget[i] = target;
            steady[i] = 0;
        } else {
            steady[i] += dt;
        }
        double gap = target - position[i];
        double blockedGap = prismatic[i] ? BLOCKED_GAP : BLOCKED_ANGLE;
        if (gripping[i] != 0 && (Math.abs(gap) < blockedGap / 2 || Math.signum(gap) != gripping[i]
                || Math.abs(v) > RUNAWAY_SPEED)) {
            gripping[i] = 0;
        } else if (gripping[i] == 0 && Math.abs(gap) > blockedGap && Math.abs(v) < BLOCKED_SPEED
                && steady[i] >= 3 / gains.frequency()) {
            gripping[i] = Math.signum(gap);
        }
        return gripping[i] * gripForce[i];
    }

    /**
     * Angle (rad) a revolute finger joint must be short of its target to count as blocked: well
     * above its tracking error in free motion, so only an object holds it back that far.
     */
    static final double BLOCKED_ANGLE = 0.05;

    /** Speed (m/s or rad/s) at which a gripping finger is taken to have lost its object. */
    static final double RUNAWAY_SPEED = 0.5;
    /** Distance (m) a prismatic finger must be short of its target to count as blocked. */
    static final double BLOCKED_GAP = 0.002;
    /** Speed (m/s or rad/s) below which a finger short of its target counts as blocked. */
    static final double BLOCKED_SPEED = 0.05;

    /** Computes and applies the joint torques for one physics step of {@code dt} seconds. */
    public void apply(double dt) {
        for (int i = 0; i < dof; i++) {
            position[i] = articulation.position(i);
            velocity[i] = articulation.velocity(i);
        }
        dynamics.update(position);
        double w = gains.frequency();
        double z = gains.dampingRatio();
        double wl = gains.limitFrequency();
        double scale = 1 / (1 + w * w * dt * dt + 2 * z * w * dt);
        double limitScale = 1 / (1 + wl * wl * dt * dt + 2 * wl * dt);
        for (int i = 0; i < dof; i++) {
            double q = position[i];
            double v = velocity[i];
            double qTarget = targetPosition[i];
            double vTarget = targetVelocity[i];
            int l = leader[i];
            if (l >= 0 && gripForce[i] > 0) {
                qTarget = multiplier[i] * targetPosition[l] + offset[i];
                vTarget = 0;
            } else if (l >= 0) {
                qTarget = multiplier[i] * position[l] + offset[i];
                vTarget = multiplier[i] * velocity[l];
            }
            // implicit second-order response: evaluated at the end of the step, stable at any gain
            desiredAcceleration[i] = (w * w * (qTarget - q - dt * v) + 2 * z * w * (vTarget - v)) * scale;
        }
        for (int i = 0; i < dof; i++) {
            double v = velocity[i];
            double torque = dynamics.gravityTorque(i) - damping[i] * v;
            for (int j = 0; j < dof; j++) {
                torque += dynamics.mass(i, j) * desiredAcceleration[j];
            }
            if (gripForce[i] > 0) {
                torque += grip(i, v, fingerTarget(i), dt);
            }
            torque = Math.max(-effort[i], Math.min(effort[i], torque));
            // a stiff one-sided spring outside the position limits (a mechanical stop: not effort-limited)
            double inertia = Math.max(dynamics.inertia(i), 1e-6);
            double predicted = position[i] + dt * v;
            if (predicted < lower[i]) {
                torque += inertia * (wl * wl * (lower[i] - predicted) - 2 * wl * v) * limitScale;
            } else if (predicted > upper[i]) {
                torque += inertia * (wl * wl * (upper[i] - predicted) - 2 * wl * v) * limitScale;
            }
            appliedTorque[i] = torque;
            articulation.addTorque(i, torque);
        }
    }
}
