package dev.mantis.sim.record;

import dev.mantis.robot.dataset.DatasetFeature;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.DatasetSpec;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EpisodeBuffer;
import dev.mantis.robot.dataset.EpisodeFrames;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.dataset.parquet.ParquetColumn;
import dev.mantis.robot.dataset.parquet.ParquetType;
import dev.mantis.sim.task.Goal;
import dev.mantis.sim.task.TaskSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hindsight goal relabelling: each recorded episode becomes a successful demonstration of the goal
 * it actually reached. For goals on one object (push, place, lift) the reached goal is the
 * object's final position; the episode is cut where the object came to within
 * {@value #SETTLED} m of it for good (what follows does not reach that goal any more), every
 * frame's {@code observation.goal.state} is set to it, the last frame is the successful end, and
 * the episode is marked successful. Episodes in which the object moved less than a minimum
 * distance (by default the task's own minimum goal distance) teach nothing and are left out.
 */
public final class HindsightRelabel {

    /** How close to its final position the object must stay from the cut on, metres. */
    public static final double SETTLED = 0.005;

    /** What a relabelling did. */
    public record Summary(int read, int written, long frames) {
    }

    private HindsightRelabel() {
    }

    /** The object whose final position is the reached goal of {@code task}'s goal. */
    public static String goalObject(TaskSpec task) {
        Goal g = task.goal();
        if (g instanceof Goal.Push p) {
            return p.object();
        }
        if (g instanceof Goal.Place p) {
            return p.object();
        }
        if (g instanceof Goal.Lift l) {
            return l.object();
        }
        throw new IllegalArgumentException("hindsight relabelling knows goals on one object (push, place, lift); "
                + "task '" + task.id() + "' has a " + g.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + " goal");
    }

    /** The task's own minimum distance between an object's start and its goal, metres (0 if none). */
    public static double defaultMinMove(TaskSpec task) {
        if (task.goal() instanceof Goal.Push p) {
            return p.minDistance();
        }
        if (task.goal() instanceof Goal.Place p) {
            return p.minDistance();
        }
        return 0;
    }

    /**
     * Writes the relabelled episodes of the dataset in {@code in}, recorded for {@code task}, as a
     * new dataset in {@code out}.
     *
     * @param minMove metres the goal object must have moved for its episode to be kept
     */
    public static Summary relabel(Path in, Path out, TaskSpec task, double minMove) throws IOException {
        String object = goalObject(task);
        int slot = task.objects().stream().map(o -> o.name()).toList().indexOf(object);
        DatasetReader reader = DatasetReader.open(in);
        List<DatasetFeature> features = new ArrayList<>();
        for (DatasetFeature f : reader.info().features()) {
            if (DatasetSpec.DEFAULT_FEATURES.stream().noneMatch(d -> d.name().equals(f.name()))) {
                if (!f.isNumeric()) {
                    throw new IllegalArgumentException(in + ": has video feature '" + f.name() + "'; hindsight "
                            + "relabelling copies numeric datasets only");
                }
                features.add(f);
            }
        }
        List<EpisodeRow> rows = reader.episodes();
        List<ParquetColumn> columns = rows.isEmpty() ? TaskRecording.EPISODE_COLUMNS : columns(rows.get(0));
        DatasetSpec spec = new DatasetSpec(reader.info().robotType(), reader.info().fps(), features, columns);
        int written = 0;
        long frames = 0;
        try (DatasetWriter writer = DatasetWriter.create(out, spec)) {
            EpisodeBuffer buffer = writer.newBuffer();
            int goal = buffer.indexOf(TaskRecording.GOAL_STATE);
            int success = buffer.indexOf(TaskRecording.SUCCESS);
            int done = buffer.indexOf(TaskRecording.DONE);
            int[] index = features.stream().mapToInt(f -> buffer.indexOf(f.name())).toArray();
            for (int e = 0; e < rows.size(); e++) {
                EpisodeFrames ep = reader.episode(e);
                int n = ep.length();
                double[] first = ep.get(TaskRecording.ENVIRONMENT_STATE, 0);
                double[] last = ep.get(TaskRecording.ENVIRONMENT_STATE, n - 1);
                double moved = Math.hypot(last[7 * slot] - first[7 * slot], last[7 * slot + 1] - first[7 * slot + 1]);
                if (moved < minMove) {
                    continue;
                }
                double[] reached = new double[ep.get(TaskRecording.GOAL_STATE, 0).length];
                System.arraycopy(last, 7 * slot, reached, 0, 3);
                int settled = n - 1;
                while (settled > 0) {
                    double[] at = ep.get(TaskRecording.ENVIRONMENT_STATE, settled - 1);
                    if (Math.hypot(Math.hypot(at[7 * slot] - reached[0], at[7 * slot + 1] - reached[1]),
                            at[7 * slot + 2] - reached[2]) >= SETTLED) {
                        break;
                    }
                    settled--;
                }
                n = settled + 1;
                buffer.clear();
                for (int f = 0; f < n; f++) {
                    for (int i = 0; i < features.size(); i++) {
                        buffer.put(index[i], ep.get(features.get(i).name(), f));
                    }
                    buffer.put(goal, reached);
                    buffer.put(success, f == n - 1);
                    buffer.put(done, f == n - 1);
                    buffer.endFrame();
                }
                Map<String, Object> extras = new LinkedHashMap<>(rows.get(e).extras());
                extras.put(TaskRecording.EPISODE_SUCCESS, true);
                extras.put(TaskRecording.FAILURE, "");
                writer.writeEpisode(buffer, rows.get(e).tasks().get(0), extras);
                written++;
                frames += n;
            }
            writer.commit();
        }
        return new Summary(rows.size(), written, frames);
    }

    /** The episode table's extra columns, typed by the values of {@code row}. */
    private static List<ParquetColumn> columns(EpisodeRow row) {
        List<ParquetColumn> out = new ArrayList<>();
        for (var e : row.extras().entrySet()) {
            Object v = e.getValue();
            ParquetType type = v instanceof Long || v instanceof long[] ? ParquetType.INT64
                    : v instanceof Double || v instanceof double[] ? ParquetType.DOUBLE
                    : v instanceof Boolean ? ParquetType.BOOLEAN : ParquetType.STRING;
            out.add(new ParquetColumn(e.getKey(), type, v instanceof long[] || v instanceof double[]));
        }
        return out;
    }
}
