package dev.mantis.launch.robot;

import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.kinematics.KinematicsWorkspace;
import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.JointType;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.spatial.Vec3;
import java.io.PrintWriter;
import java.util.Locale;

/** The human-readable report of {@code mantis robot inspect}. */
final class InspectText {

    private final RobotModel model;
    private final KinematicTree tree;
    private final KinematicsWorkspace ws;
    private final double[] q;

    InspectText(RobotModel model, KinematicTree tree, KinematicsWorkspace ws, double[] q) {
        this.model = model;
        this.tree = tree;
        this.ws = ws;
        this.q = q;
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "robot %s  (%s)%n", model.name(), model.source());
        out.printf(Locale.ROOT, "%d links, %d joints, %d degrees of freedom%n%n", model.links().size(),
                model.joints().size(), tree.dof());
        out.println("tree:");
        printTree(out, model.rootLink().name(), "  ");
        out.println();
        out.println("joints (radians or metres; rad/s or m/s; N·m or N):");
        out.printf(Locale.ROOT, "  %-24s %-10s %10s %10s %9s %9s %10s  %s%n", "name", "type", "lower", "upper",
                "velocity", "effort", "value", "mimic");
        for (Joint j : model.joints()) {
            String value = j.type().dof() == 1 ? num(tree.jointValue(j.name(), q)) : "-";
            String mimic = j.mimic().map(m -> m.joint() + " x" + num(m.multiplier()) + " + " + num(m.offset()))
                    .orElse("");
            boolean oneDof = j.type().dof() == 1;
            out.printf(Locale.ROOT, "  %-24s %-10s %10s %10s %9s %9s %10s  %s%n", j.name(), j.type().urdfName(),
                    oneDof ? num(j.limits().lower()) : "-", oneDof ? num(j.limits().upper()) : "-",
                    oneDof ? num(j.limits().velocity()) : "-", oneDof ? num(j.limits().effort()) : "-", value,
                    mimic);
        }
        out.println();
        out.printf(Locale.ROOT, "link poses in %s (x y z in metres; roll pitch yaw in radians):%n",
                model.rootLink().name());
        for (int l = 0; l < tree.linkCount(); l++) {
            var pose = ws.pose(l);
            Vec3 p = pose.translation();
            Vec3 rpy = pose.rpy();
            out.printf(Locale.ROOT, "  %-24s %9s %9s %9s   %8s %8s %8s%n", tree.linkName(l), num(p.x()), num(p.y()),
                    num(p.z()), num(rpy.x()), num(rpy.y()), num(rpy.z()));
        }
    }

    private void printTree(PrintWriter out, String link, String indent) {
        out.println(indent + link);
        var children = model.childJoints(link);
        for (int i = 0; i < children.size(); i++) {
            Joint j = children.get(i);
            boolean last = i == children.size() - 1;
            String kind = j.type() == JointType.FIXED ? "fixed" : j.type().urdfName() + (j.isMimic() ? ", mimic" : "");
            out.println(indent + (last ? "└─ " : "├─ ") + j.name() + " (" + kind + ")");
            printTree(out, j.child(), indent + (last ? "   " : "│  "));
        }
    }

    private static String num(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        // print tiny values and -0 as 0.0000 rather than -0.0000
        return String.format(Locale.ROOT, "%.4f", Math.abs(v) < 5e-5 ? 0.0 : v);
    }
}
