package dev.mantis.launch.deploy;

import dev.mantis.launch.InputException;
import dev.mantis.robot.kinematics.DeltaPoseTarget;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.model.JointLimits;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.ros.driver.ResetMove;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.robot.ros.driver.RosRobot;
import dev.mantis.sim.task.EpisodeResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A profile's scripted reset routine ({@code --reset scripted}), run on the robot between
 * episodes: each move drives the joints in a straight line in joint space, one target per control
 * tick, from where the robot is to the move's targets: the joints it names, or for a lift the arm
 * configuration (inverse kinematics) with the end effector that much higher. A move is stretched
 * beyond its seconds when that would exceed a joint's velocity limit (the URDF's, times
 * {@value #VELOCITY_SCALE}). Targets outside a joint's position limits are refused when the
 * routine is loaded.
 */
final class ScriptedReset implements ResetRoutine {

    /** The share of each joint's URDF velocity limit a reset move may use. */
    static final double VELOCITY_SCALE = 0.5;
    /** Ticks held at the end of the routine so the robot settles before the scene is checked. */
    static final int SETTLE_TICKS = 4;

    private final RosRobot robot;
    private final List<ResetMove> moves;
    private final double[] velocityLimit;
    private final double period;
    private final KinematicTree tree;
    private final DeltaPoseTarget eeTarget;
    /** Per joint of the robot, its variable in {@link #tree} (-1: none). */
    private final int[] variable;

    /**
     * The routine of {@code profile} for {@code robot} (of model {@code model}), ticking at
     * {@code controlHz}.
     *
     * @param velocityScale the share of each joint's URDF velocity limit a move may use (0..1]
     * @throws InputException if the profile has no routine, or a target lies outside its joint's limits
     */
    ScriptedReset(RosProfile profile, RosRobot robot, RobotModel model, String eeLink, double velocityScale,
            double controlHz) {
        if (profile.reset().isEmpty()) {
            throw new InputException("--reset scripted: profile '" + profile.name() + "' has no reset routine; add "
                    + "'reset:' moves to it (see the bundled franka profile), or use --reset cell");
        }
        this.robot = robot;
        this.moves = profile.reset();
        this.period = 1 / controlHz;
        List<String> joints = robot.joints();
        this.tree = KinematicTree.of(model);
        this.eeTarget = new DeltaPoseTarget(tree, eeLink);
        this.variable = new int[joints.size()];
        this.velocityLimit = new double[joints.size()];
        for (int i = 0; i < joints.size(); i++) {
            JointLimits l = model.joint(joints.get(i)).orElseThrow().limits();
            velocityLimit[i] = l.velocity() > 0 ? l.velocity() * velocityScale : Double.POSITIVE_INFINITY;
            variable[i] = tree.variableIndex(joints.get(i));
        }
        for (int m = 0; m < moves.size(); m++) {
            for (Map.Entry<String, Double> e : moves.get(m).joints().entrySet()) {
                JointLimits l = model.joint(e.getKey()).orElseThrow().limits();
                if (l.boundedPosition() && (e.getValue() < l.lower() || e.getValue() > l.upper())) {
                    throw new InputException(String.format(Locale.ROOT, "profile '%s': reset move %d sends %s to %.4f, "
                            + "outside its limits [%.4f, %.4f]; fix the profile's reset routine", profile.name(), m + 1,
                            e.getKey(), e.getValue(), l.lower(), l.upper()));
                }
            }
        }
    }

    /** Runs the moves from the robot's observed state (the same for every seed). */
    @Override
    public Outcome run(long seed, Ticks ticks) throws InterruptedException {
        int done = 0;
        List<String> joints = robot.joints();
        double[] from = robot.jointPositions();
        double[] to = from.clone();
        double[] q = new double[from.length];
        for (ResetMove move : moves) {
            if (move.lift() > 0) {
                lift(from, move.lift(), to);
            }
            double seconds = move.seconds();
            for (Map.Entry<String, Double> e : move.joints().entrySet()) {
                to[joints.indexOf(e.getKey())] = e.getValue();
            }
            for (int i = 0; i < to.length; i++) {
                seconds = Math.max(seconds, Math.abs(to[i] - from[i]) / velocityLimit[i]);
            }
            int n = (int) Math.ceil(seconds / period - 1e-9);
            for (int k = 1; k <= n + (move == moves.get(moves.size() - 1) ? SETTLE_TICKS : 0); k++) {
                double s = Math.min(1.0, (double) k / n);
                for (int i = 0; i < q.length; i++) {
                    q[i] = from[i] + s * (to[i] - from[i]);
                }
                if (robot.estop().engaged()) {
                    return new Outcome(done, EpisodeResult.SAFETY_STOP);
                }
                double next = robot.stateStamp() + period;
                robot.commandJoints(q);
                done++;
                String why = ticks.await(next - period / 2);
                if (why != null) {
                    return new Outcome(done, why);
                }
            }
            System.arraycopy(to, 0, from, 0, from.length);
        }
        return new Outcome(done, null);
    }

    /**
     * Writes into {@code to} the joints {@code from} with the arm moved so that the end effector is
     * {@code lift} metres higher (inverse kinematics, in a few steps, within the joint limits).
     */
    private void lift(double[] from, double lift, double[] to) {
        double[] q = tree.neutralConfiguration();
        for (int i = 0; i < from.length; i++) {
            if (variable[i] >= 0) {
                q[variable[i]] = from[i];
            }
        }
        eeTarget.reset(q);
        double[] solved = new double[q.length];
        int steps = 10;
        for (int k = 0; k < steps; k++) {
            eeTarget.step(new double[] {0, 0, lift / steps, 0, 0, 0}, q, solved);
            System.arraycopy(solved, 0, q, 0, q.length);
        }
        for (int i = 0; i < from.length; i++) {
            to[i] = variable[i] >= 0 ? q[variable[i]] : from[i];
        }
    }
}
