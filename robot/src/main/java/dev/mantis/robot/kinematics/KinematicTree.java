package dev.mantis.robot.kinematics;

import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.JointType;
import dev.mantis.robot.model.Link;
import dev.mantis.robot.model.Mimic;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A robot model compiled for kinematics: links indexed in parent-before-child order and every
 * joint broken into elementary one-axis motions, each driven by one configuration variable.
 *
 * <p>The configuration vector {@code q} holds one variable per independent degree of freedom:
 * one per revolute, continuous or prismatic joint that is not a mimic joint; six per floating
 * joint (named {@code JOINT/x, /y, /z}: translation along the joint frame axes, then
 * {@code /rx, /ry, /rz}: successive rotations about the moving x, y and z axes); three per
 * planar joint ({@code JOINT/x, /y}: translations along two unit vectors spanning the plane
 * normal to the axis, then {@code JOINT/theta}: rotation about the axis). Mimic joints add no
 * variable: their motion is {@code multiplier * q[leader] + offset}, resolved through chains.
 *
 * <p>Immutable and shared; per-call scratch lives in a {@link KinematicsWorkspace}.
 */
public final class KinematicTree {

    /** Kind of an elementary motion. */
    enum MotionKind { ROTATION, TRANSLATION }

    private final RobotModel model;
    private final String[] linkNames;
    private final Map<String, Integer> linkIndex = new HashMap<>();
    private final int[] parentLink;
    /** Fixed part T_parent_joint of the joint above each link (12 numbers per link). */
    private final double[] jointOrigins;
    /** Index range [motionStart[l], motionStart[l+1]) of the motions of the joint above link l. */
    private final int[] motionStart;
    private final MotionKind[] motionKind;
    private final double[] motionAxis;
    private final int[] motionVariable;
    private final double[] motionMultiplier;
    private final double[] motionOffset;
    /** For each link, the motions on its path from the root (ancestors first). */
    private final int[][] pathMotions;
    private final String[] variableNames;
    private final Map<String, Integer> variableIndex = new HashMap<>();
    private final double[] lower;
    private final double[] upper;
    private final boolean[] angular;

    private KinematicTree(RobotModel model) {
        this.model = model;
        List<Link> links = model.links();
        int n = links.size();
        linkNames = new String[n];
        parentLink = new int[n];
        jointOrigins = new double[12 * n];
        motionStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            linkNames[i] = links.get(i).name();
            linkIndex.put(linkNames[i], i);
        }

        List<String> names = new ArrayList<>();
        List<double[]> limits = new ArrayList<>();
        Map<String, Integer> firstVariableOfJoint = new HashMap<>();
        for (Joint j : model.joints()) {
            if (j.isMimic() || j.type().dof() == 0) {
                continue;
            }
            firstVariableOfJoint.put(j.name(), names.size());
            switch (j.type()) {
                case FLOATING -> {
                    for (String s : new String[] {"x", "y", "z", "rx", "ry", "rz"}) {
                        names.add(j.name() + "/" + s);
                        limits.add(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
                    }
                }
                case PLANAR -> {
                    for (String s : new String[] {"x", "y", "theta"}) {
                        names.add(j.name() + "/" + s);
                        limits.add(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
                    }
                }
                default -> {
                    names.add(j.name());
                    limits.add(new double[] {j.limits().lower(), j.limits().upper()});
                }
            }
        }
        variableNames = names.toArray(String[]::new);
        lower = new double[variableNames.length];
        upper = new double[variableNames.length];
        for (int v = 0; v < variableNames.length; v++) {
            variableIndex.put(variableNames[v], v);
            lower[v] = limits.get(v)[0];
            upper[v] = limits.get(v)[1];
        }

        List<MotionKind> kinds = new ArrayList<>();
        List<double[]> axes = new ArrayList<>();
        List<Integer> vars = new ArrayList<>();
        List<double[]> affine = new ArrayList<>();
        parentLink[0] = -1;
        Transform.IDENTITY.writeTo(jointOrigins, 0);
        for (int i = 1; i < n; i++) {
            Joint j = model.parentJoint(linkNames[i]).orElseThrow();
            parentLink[i] = linkIndex.get(j.parent());
            j.origin().writeTo(jointOrigins, 12 * i);
            motionStart[i] = kinds.size();
            double[] a = j.axis().toArray();
            switch (j.type()) {
                case FIXED -> { }
                case REVOLUTE, CONTINUOUS, PRISMATIC -> {
                    Coupling coupling = resolveMimic(j);
                    kinds.add(j.type() == JointType.PRISMATIC ? MotionKind.TRANSLATION : MotionKind.ROTATION);
                    axes.add(a);
                    vars.add(firstVariableOfJoint.get(coupling.leader()));
                    affine.add(new double[] {coupling.multiplier(), coupling.offset()});
                }
                case FLOATING -> {
                    int v0 = firstVariableOfJoint.get(j.name());
                    double[][] unit = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
                    for (int k = 0; k < 6; k++) {
                        kinds.add(k < 3 ? MotionKind.TRANSLATION : MotionKind.ROTATION);
                        axes.add(unit[k % 3]);
                        vars.add(v0 + k);
                        affine.add(new double[] {1, 0});
                    }
                }
                case PLANAR -> {
                    int v0 = firstVariableOfJoint.get(j.name());
                    double[][] plane = planeBasis(j.axis());
                    kinds.add(MotionKind.TRANSLATION);
                    axes.add(plane[0]);
                    vars.add(v0);
                    affine.add(new double[] {1, 0});
                    kinds.add(MotionKind.TRANSLATION);
                    axes.add(plane[1]);
                    vars.add(v0 + 1);
                    affine.add(new double[] {1, 0});
                    kinds.add(MotionKind.ROTATION);
                    axes.add(a);
                    vars.add(v0 + 2);
                    affine.add(new double[] {1, 0});
                }
                default -> throw new IllegalStateException("unhandled joint type " + j.type());
            }
        }
        motionStart[n] = kinds.size();
        int m = kinds.size();
        angular = new boolean[variableNames.length];
        for (int k = 0; k < m; k++) {
            angular[vars.get(k)] |= kinds.get(k) == MotionKind.ROTATION;
        }
        motionKind = kinds.toArray(MotionKind[]::new);
        motionAxis = new double[3 * m];
        motionVariable = new int[m];
        motionMultiplier = new double[m];
        motionOffset = new double[m];
        for (int k = 0; k < m; k++) {
            System.arraycopy(axes.get(k), 0, motionAxis, 3 * k, 3);
            motionVariable[k] = vars.get(k);
            motionMultiplier[k] = affine.get(k)[0];
            motionOffset[k] = affine.get(k)[1];
        }
        pathMotions = new int[n][];
        pathMotions[0] = new int[0];
        for (int i = 1; i < n; i++) {
            int[] up = pathMotions[parentLink[i]];
            int own = motionStart[i + 1] - motionStart[i];
            int[] path = java.util.Arrays.copyOf(up, up.length + own);
            for (int k = 0; k < own; k++) {
                path[up.length + k] = motionStart[i] + k;
            }
            pathMotions[i] = path;
        }
    }

    /**
     * Compiles a model. Mimic chains must end at a one-dof joint and must not loop (the URDF
     * loader checks both).
     */
    public static KinematicTree of(RobotModel model) {
        return new KinematicTree(model);
    }

    /** A joint's value as {@code multiplier * value(leader) + offset}, the leader at the end of its mimic chain. */
    private record Coupling(String leader, double multiplier, double offset) {
    }

    /** Follows the mimic chain of {@code j} to its leader (j itself if it mimics nothing). */
    private Coupling resolveMimic(Joint j) {
        double mul = 1;
        double off = 0;
        Joint cur = j;
        int guard = 0;
        while (cur.isMimic()) {
            Mimic mm = cur.mimic().get();
            // value(cur) = m * value(next) + o, and value(next) = mul' * q + off'
            off = off + mul * mm.offset();
            mul = mul * mm.multiplier();
            cur = model.joint(mm.joint()).orElseThrow();
            if (++guard > model.joints().size()) {
                throw new IllegalArgumentException("mimic chain of joint '" + j.name() + "' loops");
            }
        }
        return new Coupling(cur.name(), mul, off);
    }

    /** Two orthonormal vectors spanning the plane normal to the unit vector {@code n}. */
    private static double[][] planeBasis(Vec3 n) {
        double[] a = n.toArray();
        double[] helper = Math.abs(a[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
        double d = helper[0] * a[0] + helper[1] * a[1] + helper[2] * a[2];
        double[] u = {helper[0] - d * a[0], helper[1] - d * a[1], helper[2] - d * a[2]};
        double un = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        u[0] /= un;
        u[1] /= un;
        u[2] /= un;
        double[] v = {a[1] * u[2] - a[2] * u[1], a[2] * u[0] - a[0] * u[2], a[0] * u[1] - a[1] * u[0]};
        return new double[][] {u, v};
    }

    /** The model this tree was compiled from. */
    public RobotModel model() {
        return model;
    }

    /** Number of configuration variables. */
    public int dof() {
        return variableNames.length;
    }

    /** Number of links. */
    public int linkCount() {
        return linkNames.length;
    }

    /** Name of the link at {@code index} (parent-before-child order, root first). */
    public String linkName(int index) {
        return linkNames[index];
    }

    /** Index of the named link. */
    public int linkIndex(String name) {
        Integer i = linkIndex.get(name);
        if (i == null) {
            throw new IllegalArgumentException("robot '" + model.name() + "' has no link '" + name + "'; links: "
                    + String.join(", ", linkNames));
        }
        return i;
    }

    /** Index of the parent link, or -1 for the root. */
    public int parentLink(int link) {
        return parentLink[link];
    }

    /** Name of configuration variable {@code v}. */
    public String variableName(int v) {
        return variableNames[v];
    }

    /** Index of the named configuration variable, or -1 if there is none. */
    public int variableIndex(String name) {
        return variableIndex.getOrDefault(name, -1);
    }

    /** Lower position limit of variable {@code v} (radians or metres; -inf if unbounded). */
    public double lower(int v) {
        return lower[v];
    }

    /** Upper position limit of variable {@code v} (radians or metres; +inf if unbounded). */
    public double upper(int v) {
        return upper[v];
    }

    /** Whether variable {@code v} is an angle (radians) rather than a length (metres). */
    public boolean isAngular(int v) {
        return angular[v];
    }

    /** A new workspace sized for this tree. */
    public KinematicsWorkspace newWorkspace() {
        return new KinematicsWorkspace(linkNames.length, motionKind.length);
    }

    /**
     * The value of a one-dof joint (mimic joints included) for configuration {@code q}; for
     * floating and planar joints use the variables directly.
     */
    public double jointValue(String jointName, double[] q) {
        Joint j = model.joint(jointName).orElseThrow(
                () -> new IllegalArgumentException("robot '" + model.name() + "' has no joint '" + jointName + "'"));
        if (j.type().dof() != 1) {
            throw new IllegalArgumentException("joint '" + jointName + "' is " + j.type().urdfName()
                    + ", not a one-dof joint");
        }
        int k = motionStart[linkIndex(j.child())];
        return motionMultiplier[k] * q[motionVariable[k]] + motionOffset[k];
    }

    /**
     * Forward kinematics: the pose of every link in the root link's frame for configuration
     * {@code q}, written into {@code ws}. Allocation-free.
     */
    public void forward(double[] q, KinematicsWorkspace ws) {
        if (q.length != variableNames.length) {
            throw new IllegalArgumentException("q has " + q.length + " values, robot '" + model.name() + "' has "
                    + variableNames.length + " degrees of freedom");
        }
        double[] poses = ws.poses;
        double[] cur = ws.current;
        double[] tmp = ws.temp;
        Transform.IDENTITY.writeTo(poses, 0);
        for (int l = 1; l < linkNames.length; l++) {
            compose(poses, 12 * parentLink[l], jointOrigins, 12 * l, cur, 0);
            for (int k = motionStart[l]; k < motionStart[l + 1]; k++) {
                // record the motion axis and origin in the root frame (needed by the Jacobian)
                double ax = motionAxis[3 * k];
                double ay = motionAxis[3 * k + 1];
                double az = motionAxis[3 * k + 2];
                ws.axes[3 * k] = cur[0] * ax + cur[1] * ay + cur[2] * az;
                ws.axes[3 * k + 1] = cur[3] * ax + cur[4] * ay + cur[5] * az;
                ws.axes[3 * k + 2] = cur[6] * ax + cur[7] * ay + cur[8] * az;
                ws.origins[3 * k] = cur[9];
                ws.origins[3 * k + 1] = cur[10];
                ws.origins[3 * k + 2] = cur[11];
                double value = motionMultiplier[k] * q[motionVariable[k]] + motionOffset[k];
                if (motionKind[k] == MotionKind.ROTATION) {
                    dev.mantis.robot.spatial.Rotations.axisAngle(ax, ay, az, value, tmp, 0);
                    dev.mantis.robot.spatial.Rotations.multiply(cur, 0, tmp, 0, tmp, 9);
                    System.arraycopy(tmp, 9, cur, 0, 9);
                } else {
                    cur[9] += ws.axes[3 * k] * value;
                    cur[10] += ws.axes[3 * k + 1] * value;
                    cur[11] += ws.axes[3 * k + 2] * value;
                }
            }
            System.arraycopy(cur, 0, poses, 12 * l, 12);
        }
    }

    /** {@code out = a * b} for 12-number transforms at offsets; {@code out} must not alias. */
    private static void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        dev.mantis.robot.spatial.Rotations.multiply(a, ao, b, bo, out, oo);
        double bx = b[bo + 9];
        double by = b[bo + 10];
        double bz = b[bo + 11];
        out[oo + 9] = a[ao] * bx + a[ao + 1] * by + a[ao + 2] * bz + a[ao + 9];
        out[oo + 10] = a[ao + 3] * bx + a[ao + 4] * by + a[ao + 5] * bz + a[ao + 10];
        out[oo + 11] = a[ao + 6] * bx + a[ao + 7] * by + a[ao + 8] * bz + a[ao + 11];
    }

    /**
     * The geometric Jacobian of link {@code link}'s frame origin, in the root frame, for the
     * configuration last passed to {@link #forward} with the same workspace. Written row-major
     * into {@code J} (6 x dof): rows 0-2 map qdot to linear velocity (m/s), rows 3-5 to angular
     * velocity (rad/s). Allocation-free.
     */
    public void jacobian(KinematicsWorkspace ws, int link, double[] J) {
        int n = variableNames.length;
        if (J.length != 6 * n) {
            throw new IllegalArgumentException("J needs 6 x " + n + " = " + (6 * n) + " entries, got " + J.length);
        }
        java.util.Arrays.fill(J, 0);
        double px = ws.poses[12 * link + 9];
        double py = ws.poses[12 * link + 10];
        double pz = ws.poses[12 * link + 11];
        for (int k : pathMotions[link]) {
            int v = motionVariable[k];
            double m = motionMultiplier[k];
            double ax = ws.axes[3 * k];
            double ay = ws.axes[3 * k + 1];
            double az = ws.axes[3 * k + 2];
            if (motionKind[k] == MotionKind.ROTATION) {
                double rx = px - ws.origins[3 * k];
                double ry = py - ws.origins[3 * k + 1];
                double rz = pz - ws.origins[3 * k + 2];
                J[v] += m * (ay * rz - az * ry);
                J[n + v] += m * (az * rx - ax * rz);
                J[2 * n + v] += m * (ax * ry - ay * rx);
                J[3 * n + v] += m * ax;
                J[4 * n + v] += m * ay;
                J[5 * n + v] += m * az;
            } else {
                J[v] += m * ax;
                J[n + v] += m * ay;
                J[2 * n + v] += m * az;
            }
        }
    }

    /** Convenience, allocating: the pose of the named link in the root frame at {@code q}. */
    public Transform linkPose(double[] q, String link) {
        KinematicsWorkspace ws = newWorkspace();
        forward(q, ws);
        return ws.pose(linkIndex(link));
    }

    /** A configuration with every variable at 0 clamped into its limits. */
    public double[] neutralConfiguration() {
        double[] q = new double[variableNames.length];
        for (int v = 0; v < q.length; v++) {
            q[v] = Math.max(lower[v], Math.min(upper[v], 0));
        }
        return q;
    }
}
