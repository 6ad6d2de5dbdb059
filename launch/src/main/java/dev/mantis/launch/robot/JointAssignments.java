package dev.mantis.launch.robot;

import dev.mantis.launch.InputException;
import dev.mantis.robot.kinematics.KinematicTree;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code NAME=VALUE} joint assignments from the command line into a configuration. */
final class JointAssignments {

    private JointAssignments() {
    }

    /**
     * The configuration with every named variable set (radians or metres) and all others at 0.
     * Mimic joints cannot be set directly: they follow their leader.
     */
    static double[] parse(List<String> assignments, KinematicTree tree) {
        double[] q = new double[tree.dof()];
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0 || eq == assignment.length() - 1) {
                throw new InputException("--q '" + assignment + "': expected NAME=VALUE, e.g. --q "
                        + (tree.dof() > 0 ? tree.variableName(0) : "joint") + "=0.5");
            }
            String name = assignment.substring(0, eq).trim();
            String text = assignment.substring(eq + 1).trim();
            int v = tree.variableIndex(name);
            if (v < 0) {
                var joint = tree.model().joint(name);
                if (joint.isPresent() && joint.get().isMimic()) {
                    throw new InputException("--q " + name + ": joint '" + name + "' mimics '"
                            + joint.get().mimic().get().joint() + "'; set that joint instead");
                }
                List<String> names = new ArrayList<>();
                for (int i = 0; i < tree.dof(); i++) {
                    names.add(tree.variableName(i));
                }
                throw new InputException("--q " + name + ": robot '" + tree.model().name()
                        + "' has no such joint; its joints: " + String.join(", ", names));
            }
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new InputException("--q " + name + "=" + text + ": not a number; give radians or metres");
            }
            if (!Double.isFinite(value)) {
                throw new InputException("--q " + name + "=" + text + ": must be finite");
            }
            q[v] = value;
        }
        return q;
    }
}
