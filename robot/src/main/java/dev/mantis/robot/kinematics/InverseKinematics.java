package dev.mantis.robot.kinematics;

import dev.mantis.robot.spatial.Rotations;

/**
 * Damped-least-squares inverse kinematics for one link's pose (position and orientation, in
 * the root frame), respecting joint limits, with a null-space pull toward a rest posture.
 *
 * <p>Each iteration takes {@code dq = J^T (J J^T + lambda^2 I)^-1 e} plus the damped null-space
 * projection of {@code k (q_rest - q)}, limits the step to {@code maxStep} and clamps {@code q}
 * into the joint limits. The damping grows with the error (large far away for stability, small
 * near the goal for exact convergence). An attempt that stalls is restarted from a seeded random
 * in-limit configuration; the best configuration found is returned with an honest result.
 */
public final class InverseKinematics {

    private final KinematicTree tree;
    private final int link;
    private final IkSettings settings;

    /** IK for the frame of link {@code tipLink} of {@code tree}. */
    public InverseKinematics(KinematicTree tree, String tipLink, IkSettings settings) {
        this.tree = tree;
        this.link = tree.linkIndex(tipLink);
        this.settings = settings;
    }

    /** A new workspace for this solver. */
    public IkWorkspace newWorkspace() {
        return new IkWorkspace(tree);
    }

    /** The tree this solver works on. */
    public KinematicTree tree() {
        return tree;
    }

    /**
     * Solves for the target pose {@code T_root_target} (12 numbers: rotation row-major then
     * position in metres). Starts at {@code qStart}, pulls toward {@code qRest} in the null
     * space, writes the best configuration found into {@code qOut} (always within limits).
     * Never throws for unreachable targets: the result says it did not converge.
     */
    public IkResult solve(double[] T_root_target, double[] qStart, double[] qRest, IkWorkspace ws, double[] qOut) {
        int n = tree.dof();
        if (T_root_target.length != 12 || qStart.length != n || qRest.length != n || qOut.length != n) {
            throw new IllegalArgumentException("IK expects a 12-number target and configurations of " + n
                    + " values");
        }
        for (double v : T_root_target) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("IK target has a non-finite entry");
            }
        }
        ws.rng = settings.seed() * 0x9E3779B97F4A7C15L + 1;
        double bestCost = Double.POSITIVE_INFINITY;
        double bestPos = Double.POSITIVE_INFINITY;
        double bestRot = Double.POSITIVE_INFINITY;
        int iterations = 0;
        int attempt = 0;
        for (; attempt <= settings.restarts(); attempt++) {
            if (attempt == 0) {
                for (int v = 0; v < n; v++) {
                    ws.q[v] = clamp(v, qStart[v]);
                }
            } else {
                randomConfiguration(ws, qStart);
            }
            double prevCost = Double.POSITIVE_INFINITY;
            int stalled = 0;
            for (int it = 0; it < settings.maxIterations(); it++) {
                iterations++;
                tree.forward(ws.q, ws.fk);
                error(T_root_target, ws);
                double pos = Math.sqrt(ws.e[0] * ws.e[0] + ws.e[1] * ws.e[1] + ws.e[2] * ws.e[2]);
                double rot = settings.orientationWeight() == 0 ? 0 : Math.sqrt(ws.rotErr[0] * ws.rotErr[0]
                        + ws.rotErr[1] * ws.rotErr[1] + ws.rotErr[2] * ws.rotErr[2]);
                double cost = pos / settings.positionTolerance() + rot / settings.orientationTolerance();
                if (cost < bestCost) {
                    bestCost = cost;
                    bestPos = pos;
                    bestRot = rot;
                    System.arraycopy(ws.q, 0, ws.best, 0, n);
                }
                if (pos < settings.positionTolerance() && rot < settings.orientationTolerance()) {
                    System.arraycopy(ws.best, 0, qOut, 0, n);
                    return new IkResult(true, bestPos, bestRot, iterations, attempt + 1);
                }
                stalled = cost > 0.999 * prevCost ? stalled + 1 : 0;
                if (stalled >= 8) {
                    break;
                }
                prevCost = Math.min(prevCost, cost);
                step(qRest, ws);
            }
        }
        System.arraycopy(ws.best, 0, qOut, 0, n);
        return new IkResult(false, bestPos, bestRot, iterations, Math.min(attempt, settings.restarts() + 1));
    }

    /** e = weighted [p_target - p; w * log(R_target R^T)], all in the root frame. */
    private void error(double[] target, IkWorkspace ws) {
        double[] poses = ws.fk.poses;
        int o = 12 * link;
        ws.e[0] = target[9] - poses[o + 9];
        ws.e[1] = target[10] - poses[o + 10];
        ws.e[2] = target[11] - poses[o + 11];
        double w = settings.orientationWeight();
        if (w == 0) {
            ws.rotErr[0] = 0;
            ws.rotErr[1] = 0;
            ws.rotErr[2] = 0;
        } else {
            Rotations.rotationError(target, 0, poses, o, ws.rotErr);
        }
        ws.e[3] = w * ws.rotErr[0];
        ws.e[4] = w * ws.rotErr[1];
        ws.e[5] = w * ws.rotErr[2];
    }

    private void step(double[] qRest, IkWorkspace ws) {
        int n = tree.dof();
        double[] J = ws.jacobian;
        tree.jacobian(ws.fk, link, J);
        double w = settings.orientationWeight();
        for (int c = 3 * n; c < 6 * n; c++) {
            J[c] *= w;
        }
        double errSq = 0;
        for (int i = 0; i < 6; i++) {
            errSq += ws.e[i] * ws.e[i];
        }
        double lambdaSq = settings.damping() * settings.damping() + 0.5 * errSq;
        // A = J J^T + lambda^2 I, factorised in place (Cholesky)
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += J[i * n + k] * J[j * n + k];
                }
                ws.a[6 * i + j] = s + (i == j ? lambdaSq : 0);
            }
        }
        cholesky(ws.a);
        // primary step: dq = J^T A^-1 e
        System.arraycopy(ws.e, 0, ws.y, 0, 6);
        choleskySolve(ws.a, ws.y);
        multiplyTransposed(J, ws.y, ws.dq, n);
        // null-space term: z - J^T A^-1 J z, with z = k (q_rest - q)
        double k = settings.nullSpaceGain();
        if (k > 0) {
            for (int v = 0; v < n; v++) {
                ws.z[v] = Double.isFinite(qRest[v]) ? k * (qRest[v] - ws.q[v]) : 0;
            }
            for (int i = 0; i < 6; i++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += J[i * n + c] * ws.z[c];
                }
                ws.y[i] = s;
            }
            choleskySolve(ws.a, ws.y);
            for (int v = 0; v < n; v++) {
                double s = 0;
                for (int i = 0; i < 6; i++) {
                    s += J[i * n + v] * ws.y[i];
                }
                ws.dq[v] += ws.z[v] - s;
            }
        }
        double largest = 0;
        for (int v = 0; v < n; v++) {
            largest = Math.max(largest, Math.abs(ws.dq[v]));
        }
        double scale = largest > settings.maxStep() ? settings.maxStep() / largest : 1;
        for (int v = 0; v < n; v++) {
            ws.q[v] = clamp(v, ws.q[v] + scale * ws.dq[v]);
        }
    }

    private static void multiplyTransposed(double[] J, double[] y, double[] out, int n) {
        for (int v = 0; v < n; v++) {
            double s = 0;
            for (int i = 0; i < 6; i++) {
                s += J[i * n + v] * y[i];
            }
            out[v] = s;
        }
    }

    /** In-place Cholesky of the symmetric positive-definite 6x6 matrix (lower triangle used). */
    private static void cholesky(double[] a) {
        for (int j = 0; j < 6; j++) {
            double d = a[6 * j + j];
            for (int k = 0; k < j; k++) {
                d -= a[6 * j + k] * a[6 * j + k];
            }
            d = Math.sqrt(d);
            a[6 * j + j] = d;
            for (int i = j + 1; i < 6; i++) {
                double s = a[6 * i + j];
                for (int k = 0; k < j; k++) {
                    s -= a[6 * i + k] * a[6 * j + k];
                }
                a[6 * i + j] = s / d;
            }
        }
    }

    /** Solves L L^T x = b in place. */
    private static void choleskySolve(double[] l, double[] b) {
        for (int i = 0; i < 6; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[6 * i + k] * b[k];
            }
            b[i] = s / l[6 * i + i];
        }
        for (int i = 5; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < 6; k++) {
                s -= l[6 * k + i] * b[k];
            }
            b[i] = s / l[6 * i + i];
        }
    }

    private double clamp(int v, double value) {
        return Math.max(tree.lower(v), Math.min(tree.upper(v), value));
    }

    /** A uniform in-limit configuration (variables without finite limits keep qStart's value). */
    private void randomConfiguration(IkWorkspace ws, double[] qStart) {
        for (int v = 0; v < tree.dof(); v++) {
            double lo = tree.lower(v);
            double hi = tree.upper(v);
            if (Double.isFinite(lo) && Double.isFinite(hi)) {
                ws.q[v] = lo + (hi - lo) * nextUniform(ws);
            } else if (tree.isAngular(v) && !Double.isFinite(lo) && !Double.isFinite(hi)) {
                // continuous rotation: any angle within pi of the start is as good as another
                ws.q[v] = qStart[v] + Math.PI * (2 * nextUniform(ws) - 1);
            } else {
                ws.q[v] = clamp(v, qStart[v]);
            }
        }
    }

    /** splitmix64 step; uniform in [0, 1). */
    private static double nextUniform(IkWorkspace ws) {
        long z = (ws.rng += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
