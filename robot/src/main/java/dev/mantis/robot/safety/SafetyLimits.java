package dev.mantis.robot.safety;

import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.JointLimits;
import dev.mantis.robot.model.JointType;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.model.SafetyController;
import dev.mantis.robot.spatial.Vec3;
import java.util.List;
import java.util.Optional;

/**
 * The limits {@link SafeRobot} enforces for one robot: per commanded joint its position range
 * (the URDF limits, or the tighter {@code safety_controller} soft limits, shrunk by the margin),
 * velocity and acceleration; the end-effector link and workspace box; and the settings they came
 * from (rates, timeouts, end-effector speeds). Immutable.
 */
public final class SafetyLimits {

    private final List<String> joints;
    private final double[] lower;
    private final double[] upper;
    private final double[] velocity;
    private final double[] acceleration;
    private final String eeLink;
    private final Optional<WorkspaceBox> workspace;
    private final SafetySettings settings;

    private SafetyLimits(List<String> joints, double[] lower, double[] upper, double[] velocity,
            double[] acceleration, String eeLink, Optional<WorkspaceBox> workspace, SafetySettings settings) {
        this.joints = List.copyOf(joints);
        this.lower = lower;
        this.upper = upper;
        this.velocity = velocity;
        this.acceleration = acceleration;
        this.eeLink = eeLink;
        this.workspace = workspace;
        this.settings = settings;
    }

    /**
     * The limits of the named joints of {@code model} under {@code settings}; the workspace box is
     * the settings' one or, without one, the box around the reach of {@code eeLink} above the base
     * plane (none when the end-effector is the base link).
     *
     * @throws IllegalArgumentException for an unknown joint or link, or a margin wider than a joint's range
     */
    public static SafetyLimits of(RobotModel model, String eeLink, List<String> joints, SafetySettings settings) {
        int n = joints.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] velocity = new double[n];
        double[] acceleration = new double[n];
        for (int k = 0; k < n; k++) {
            String name = joints.get(k);
            Joint j = model.joint(name).orElseThrow(() -> new IllegalArgumentException("robot '" + model.name()
                    + "' has no joint '" + name + "' for the safety limits"));
            JointLimits l = j.limits();
            double lo = l.lower();
            double hi = l.upper();
            if (j.safetyController().isPresent()) {
                SafetyController sc = j.safetyController().get();
                lo = Math.max(lo, sc.softLowerLimit());
                hi = Math.min(hi, sc.softUpperLimit());
            }
            lower[k] = lo + settings.positionMargin();
            upper[k] = hi - settings.positionMargin();
            if (lower[k] > upper[k]) {
                throw new IllegalArgumentException("joint '" + name + "' range [" + lo + ", " + hi
                        + "] is narrower than twice the safety position margin " + settings.positionMargin()
                        + "; use a smaller position_margin");
            }
            velocity[k] = l.velocity() > 0 ? l.velocity() * settings.velocityScale() : Double.POSITIVE_INFINITY;
            acceleration[k] = settings.acceleration();
        }
        if (model.link(eeLink).isEmpty()) {
            throw new IllegalArgumentException("robot '" + model.name() + "' has no end-effector link '" + eeLink + "'");
        }
        Optional<WorkspaceBox> box = settings.workspace();
        if (box.isEmpty()) {
            double r = reach(model, eeLink);
            if (r > 0) {
                box = Optional.of(new WorkspaceBox(new Vec3(-r, -r, 0), new Vec3(r, r, r)));
            }
        }
        return new SafetyLimits(joints, lower, upper, velocity, acceleration, eeLink, box, settings);
    }

    /**
     * An upper bound of the distance from the base to {@code link}: the joint offsets along the
     * chain plus the prismatic strokes, metres.
     */
    static double reach(RobotModel model, String link) {
        double r = 0;
        String at = link;
        for (Optional<Joint> j = model.parentJoint(at); j.isPresent(); j = model.parentJoint(at)) {
            r += j.get().origin().translation().norm();
            if (j.get().type() == JointType.PRISMATIC) {
                r += Math.max(Math.abs(j.get().limits().lower()), Math.abs(j.get().limits().upper()));
            }
            at = j.get().parent();
        }
        return r;
    }

    /** The commanded joints, in action order. */
    public List<String> joints() {
        return joints;
    }

    /** Lowest commanded position of joint {@code k}, rad or m. */
    public double lower(int k) {
        return lower[k];
    }

    /** Highest commanded position of joint {@code k}, rad or m. */
    public double upper(int k) {
        return upper[k];
    }

    /** Speed limit of joint {@code k}, rad/s or m/s. */
    public double velocity(int k) {
        return velocity[k];
    }

    /** Acceleration limit of joint {@code k}, rad/s² or m/s². */
    public double acceleration(int k) {
        return acceleration[k];
    }

    /** The end-effector link. */
    public String eeLink() {
        return eeLink;
    }

    /** The end-effector box in the base frame, if any. */
    public Optional<WorkspaceBox> workspace() {
        return workspace;
    }

    /** The settings these limits came from. */
    public SafetySettings settings() {
        return settings;
    }
}
