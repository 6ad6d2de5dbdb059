package dev.mantis.sim.scene;

import dev.mantis.robot.spatial.Rotations;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.robot.spec.Action;
import dev.mantis.sim.robot.SimRobot;

/** Drives the end effector in straight lines with pd_ee_delta_pose actions. */
public final class EeMover {
        private final Scene scene;
        private final SimRobot arm;
        private final double[] target;

        public EeMover(Scene scene, SimRobot arm) {
            this.scene = scene;
            this.arm = arm;
            this.target = arm.eePose();
        }

        public void rotateYaw(double yaw, double width) {
            int steps = (int) Math.ceil(Math.abs(yaw) / 0.1) + 1;
            for (int i = 0; i < steps; i++) {
                double d = yaw / steps;
                double[] r = new double[9];
                Rotations.axisAngle(0, 0, 1, d, r, 0);
                double[] out = new double[9];
                Rotations.multiply(r, 0, target, 0, out, 0);
                System.arraycopy(out, 0, target, 0, 9);
                scene.robot(0).act(new Action(0, 0, 0, 0, 0, d, width));
                scene.step();
            }
        }

        public void moveTo(Vec3 p, double width) {
            for (int i = 0; i < 200; i++) {
                double dx = p.x() - target[9];
                double dy = p.y() - target[10];
                double dz = p.z() - target[11];
                double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double s = n > 0.02 ? 0.02 / n : 1;
                target[9] += dx * s;
                target[10] += dy * s;
                target[11] += dz * s;
                arm.act(new Action(dx * s, dy * s, dz * s, 0, 0, 0, width));
                scene.step();
                if (n <= 0.02) {
                    break;
                }
            }
            hold(width, 6);
        }

        public void hold(double width, int steps) {
            for (int i = 0; i < steps; i++) {
                arm.act(new Action(0, 0, 0, 0, 0, 0, width));
                scene.step();
            }
        }
    }
