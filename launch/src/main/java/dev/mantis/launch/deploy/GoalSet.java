package dev.mantis.launch.deploy;

import dev.mantis.launch.InputException;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The goals of a goal set file ({@code mantis collect --autonomous --goals FILE}): one goal state
 * per line, its numbers separated by spaces or commas, in the layout of the task's
 * {@code observation.goal.state} (target points, x y z each, metres, world frame); blank lines and
 * lines starting with {@code #} are skipped. Each episode takes the goal its seed picks.
 */
record GoalSet(Path file, List<double[]> goals) {

    GoalSet {
        goals = List.copyOf(goals);
    }

    /**
     * Reads {@code file} for {@code task}.
     *
     * @throws InputException naming the file and line of anything that is not a goal of the task
     */
    static GoalSet read(Path file, TaskSpec task) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InputException("--goals " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        int size = task.goal().stateSize();
        List<double[]> goals = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("[\\s,]+");
            if (words.length != size) {
                throw new InputException(file + ":" + (i + 1) + ": " + words.length + " values; a goal of task '"
                        + task.id() + "' has " + size + " (target points, x y z each, metres); give one goal per line");
            }
            double[] goal = new double[size];
            for (int k = 0; k < size; k++) {
                try {
                    goal[k] = Double.parseDouble(words[k]);
                } catch (NumberFormatException e) {
                    goal[k] = Double.NaN;
                }
                if (!Double.isFinite(goal[k])) {
                    throw new InputException(file + ":" + (i + 1) + ": '" + words[k] + "' is not a finite number");
                }
            }
            goals.add(goal);
        }
        if (goals.isEmpty()) {
            throw new InputException(file + ": holds no goal; give one goal state per line");
        }
        return new GoalSet(file, goals);
    }

    /** The goal episode seed {@code seed} picks. */
    double[] pick(long seed) {
        return goals.get(new SplittableRandom(seed).nextInt(goals.size())).clone();
    }
}
