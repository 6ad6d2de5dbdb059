package dev.mantis.sim.articulation;

import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.kinematics.KinematicsWorkspace;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.util.List;

/**
 * The rigid-body quantities a joint controller needs, computed from the robot model at the
 * articulation's current joint positions: the torque (N·m, or N for prismatic joints) that
 * holds each joint against gravity, and the joint-space mass matrix M(q) (velocity-product
 * terms are neglected). Allocation-free after construction.
 */
public final class ArmDynamics {

    private final KinematicTree tree;
    private final KinematicsWorkspace ws;
    private final int bodies;
    private final int[] bodyLink;
    private final int[] parent;
    private final double[] mass;
    private final double[] comLocal;
    private final double[] comAxes;
    private final double[] moments;
    private final int[] treeVariableOfDof;
    private final boolean[] prismatic;
    private final double[] axisLocal;
    private final double[] q;
    private final double[] com;
    private final double[] subMass;
    private final double[] subCom;
    private final double[] gravityBase = new double[3];
    private final double[] gravityTorque;
    private final int dof;
    /** For each body, the degrees of freedom on its path from the base (whose subtree holds it). */
    private final int[][] ancestorDofs;
    private final double[] jointAxis;
    private final double[] jointOrigin;
    private final double[] linear;
    private final double[] angular;
    private final double[] principal = new double[9];
    private final double[] massMatrix;

    /** Dynamics of {@code articulation}'s robot. */
    public ArmDynamics(Articulation articulation) {
        BodyLayout layout = articulation.layout();
        tree = articulation.tree();
        ws = tree.newWorkspace();
        List<SimBody> list = layout.bodies();
        bodies = list.size();
        bodyLink = new int[bodies];
        parent = new int[bodies];
        mass = new double[bodies];
        comLocal = new double[3 * bodies];
        comAxes = new double[9 * bodies];
        moments = new double[3 * bodies];
        for (int b = 0; b < bodies; b++) {
            SimBody body = list.get(b);
            bodyLink[b] = tree.linkIndex(body.name());
            parent[b] = body.parent();
            mass[b] = body.mass();
            Vec3 c = body.T_body_com().translation();
            comLocal[3 * b] = c.x();
            comLocal[3 * b + 1] = c.y();
            comLocal[3 * b + 2] = c.z();
            for (int i = 0; i < 9; i++) {
                comAxes[9 * b + i] = body.T_body_com().rotation(i / 3, i % 3);
            }
            moments[3 * b] = body.principalInertia().x();
            moments[3 * b + 1] = body.principalInertia().y();
            moments[3 * b + 2] = body.principalInertia().z();
        }
        int dof = articulation.dof();
        treeVariableOfDof = new int[dof];
        prismatic = new boolean[dof];
        axisLocal = new double[3 * dof];
        for (int i = 0; i < dof; i++) {
            var joint = articulation.joint(i);
            treeVariableOfDof[i] = articulation.variableOfDof(i);
            prismatic[i] = joint.type() == dev.mantis.robot.model.JointType.PRISMATIC;
            axisLocal[3 * i] = joint.axis().x();
            axisLocal[3 * i + 1] = joint.axis().y();
            axisLocal[3 * i + 2] = joint.axis().z();
        }
        q = new double[tree.dof()];
        com = new double[3 * bodies];
        subMass = new double[bodies];
        subCom = new double[3 * bodies];
        gravityTorque = new double[dof];
        this.dof = dof;
        jointAxis = new double[3 * dof];
        jointOrigin = new double[3 * dof];
        linear = new double[3 * dof];
        angular = new double[3 * dof];
        massMatrix = new double[dof * dof];
        ancestorDofs = new int[bodies][];
        for (int b = 0; b < bodies; b++) {
            java.util.List<Integer> path = new java.util.ArrayList<>();
            for (int c = b; c > 0; c = parent[c]) {
                path.add(0, c - 1);
            }
            ancestorDofs[b] = path.stream().mapToInt(Integer::intValue).toArray();
        }
        Transform T_world_base = articulation.T_world_base();
        double g = articulation.gravity();
        // gravity (0, 0, g) in the base frame: R_world_base^T * (0, 0, g)
        gravityBase[0] = T_world_base.rotation(2, 0) * g;
        gravityBase[1] = T_world_base.rotation(2, 1) * g;
        gravityBase[2] = T_world_base.rotation(2, 2) * g;
    }

    /**
     * Recomputes gravity torques and the mass matrix for joint positions {@code position}, one per
     * articulation degree of freedom.
     */
    public void update(double[] position) {
        for (int i = 0; i < treeVariableOfDof.length; i++) {
            if (treeVariableOfDof[i] >= 0) {
                q[treeVariableOfDof[i]] = position[i];
            }
        }
        tree.forward(q, ws);
        for (int b = 0; b < bodies; b++) {
            int l = bodyLink[b];
            double cx = comLocal[3 * b];
            double cy = comLocal[3 * b + 1];
            double cz = comLocal[3 * b + 2];
            com[3 * b] = ws.pose(l, 0) * cx + ws.pose(l, 1) * cy + ws.pose(l, 2) * cz + ws.pose(l, 9);
            com[3 * b + 1] = ws.pose(l, 3) * cx + ws.pose(l, 4) * cy + ws.pose(l, 5) * cz + ws.pose(l, 10);
            com[3 * b + 2] = ws.pose(l, 6) * cx + ws.pose(l, 7) * cy + ws.pose(l, 8) * cz + ws.pose(l, 11);
            subMass[b] = mass[b];
            subCom[3 * b] = mass[b] * com[3 * b];
            subCom[3 * b + 1] = mass[b] * com[3 * b + 1];
            subCom[3 * b + 2] = mass[b] * com[3 * b + 2];
        }
        // subtree masses and mass-weighted centres, children before parents
        for (int b = bodies - 1; b > 0; b--) {
            int p = parent[b];
            subMass[p] += subMass[b];
            subCom[3 * p] += subCom[3 * b];
            subCom[3 * p + 1] += subCom[3 * b + 1];
            subCom[3 * p + 2] += subCom[3 * b + 2];
        }
        for (int i = 0; i < gravityTorque.length; i++) {
            int b = i + 1;
            int l = bodyLink[b];
            // joint axis and origin in the base frame (the child link frame is the joint frame)
            double ax = ws.pose(l, 0) * axisLocal[3 * i] + ws.pose(l, 1) * axisLocal[3 * i + 1]
                    + ws.pose(l, 2) * axisLocal[3 * i + 2];
            double ay = ws.pose(l, 3) * axisLocal[3 * i] + ws.pose(l, 4) * axisLocal[3 * i + 1]
                    + ws.pose(l, 5) * axisLocal[3 * i + 2];
            double az = ws.pose(l, 6) * axisLocal[3 * i] + ws.pose(l, 7) * axisLocal[3 * i + 1]
                    + ws.pose(l, 8) * axisLocal[3 * i + 2];
            double ox = ws.pose(l, 9);
            double oy = ws.pose(l, 10);
            double oz = ws.pose(l, 11);
            double m = subMass[b];
            if (prismatic[i]) {
                gravityTorque[i] = -m * (ax * gravityBase[0] + ay * gravityBase[1] + az * gravityBase[2]);
            } else {
                // -(a . ((c - o) x m g)) with m (c - o) = subCom - m o
                double rx = subCom[3 * b] - m * ox;
                double ry = subCom[3 * b + 1] - m * oy;
                double rz = subCom[3 * b + 2] - m * oz;
                double tx = ry * gravityBase[2] - rz * gravityBase[1];
                double ty = rz * gravityBase[0] - rx * gravityBase[2];
                double tz = rx * gravityBase[1] - ry * gravityBase[0];
                gravityTorque[i] = -(ax * tx + ay * ty + az * tz);
            }
            jointAxis[3 * i] = ax;
            jointAxis[3 * i + 1] = ay;
            jointAxis[3 * i + 2] = az;
            jointOrigin[3 * i] = ox;
            jointOrigin[3 * i + 1] = oy;
            jointOrigin[3 * i + 2] = oz;
        }
        computeMassMatrix();
    }

    /** M = sum over bodies of m Jv^T Jv + Jw^T I Jw, with the Jacobians of each body's centre of mass. */
    private void computeMassMatrix() {
        java.util.Arrays.fill(massMatrix, 0);
        for (int b = 1; b < bodies; b++) {
            int[] dofs = ancestorDofs[b];
            double cx = com[3 * b];
            double cy = com[3 * b + 1];
            double cz = com[3 * b + 2];
            for (int i : dofs) {
                double ax = jointAxis[3 * i];
                double ay = jointAxis[3 * i + 1];
                double az = jointAxis[3 * i + 2];
                if (prismatic[i]) {
                    linear[3 * i] = ax;
                    linear[3 * i + 1] = ay;
                    linear[3 * i + 2] = az;
                    angular[3 * i] = 0;
                    angular[3 * i + 1] = 0;
                    angular[3 * i + 2] = 0;
                } else {
                    double rx = cx - jointOrigin[3 * i];
                    double ry = cy - jointOrigin[3 * i + 1];
                    double rz = cz - jointOrigin[3 * i + 2];
                    linear[3 * i] = ay * rz - az * ry;
                    linear[3 * i + 1] = az * rx - ax * rz;
                    linear[3 * i + 2] = ax * ry - ay * rx;
                    angular[3 * i] = ax;
                    angular[3 * i + 1] = ay;
                    angular[3 * i + 2] = az;
                }
            }
            int l = bodyLink[b];
            for (int k = 0; k < 3; k++) {
                // principal axis k in the base frame: R_base_link * column k of R_link_com
                for (int r = 0; r < 3; r++) {
                    principal[3 * k + r] = ws.pose(l, 3 * r) * comAxes[9 * b + k]
                            + ws.pose(l, 3 * r + 1) * comAxes[9 * b + 3 + k]
                            + ws.pose(l, 3 * r + 2) * comAxes[9 * b + 6 + k];
                }
            }
            double m = mass[b];
            for (int x = 0; x < dofs.length; x++) {
                int i = dofs[x];
                for (int y = x; y < dofs.length; y++) {
                    int j = dofs[y];
                    double v = m * (linear[3 * i] * linear[3 * j] + linear[3 * i + 1] * linear[3 * j + 1]
                            + linear[3 * i + 2] * linear[3 * j + 2]);
                    for (int k = 0; k < 3; k++) {
                        double pi = principal[3 * k] * angular[3 * i] + principal[3 * k + 1] * angular[3 * i + 1]
                                + principal[3 * k + 2] * angular[3 * i + 2];
                        double pj = principal[3 * k] * angular[3 * j] + principal[3 * k + 1] * angular[3 * j + 1]
                                + principal[3 * k + 2] * angular[3 * j + 2];
                        v += moments[3 * b + k] * pi * pj;
                    }
                    massMatrix[i * dof + j] += v;
                    if (i != j) {
                        massMatrix[j * dof + i] += v;
                    }
                }
            }
        }
    }

    /** The torque that holds degree of freedom {@code i} against gravity, from the last update. */
    public double gravityTorque(int i) {
        return gravityTorque[i];
    }

    /** Effective inertia of degree of freedom {@code i} (kg·m² or kg): the mass matrix diagonal. */
    public double inertia(int i) {
        return massMatrix[i * dof + i];
    }

    /** Entry (i, j) of the joint-space mass matrix, from the last update. */
    public double mass(int i, int j) {
        return massMatrix[i * dof + j];
    }

    /** The kinematic tree of the robot (for controllers that need kinematics). */
    public KinematicTree tree() {
        return tree;
    }
}
