package dev.mantis.robot.dataset.parquet;

import java.util.List;
import java.util.Random;

/** A LeRobot-like frame table: a 9-float state list, an 8-float action list, 3 floats and 5 int64 columns. */
final class LeRobotFrames {

    static final ParquetSchema SCHEMA = ParquetSchema.of(
            new ParquetColumn("observation.state", ParquetType.FLOAT, true),
            new ParquetColumn("action", ParquetType.FLOAT, true),
            new ParquetColumn("timestamp", ParquetType.FLOAT, false),
            new ParquetColumn("next.reward", ParquetType.FLOAT, false),
            new ParquetColumn("complementary_info.discount", ParquetType.FLOAT, false),
            new ParquetColumn("frame_index", ParquetType.INT64, false),
            new ParquetColumn("episode_index", ParquetType.INT64, false),
            new ParquetColumn("index", ParquetType.INT64, false),
            new ParquetColumn("task_index", ParquetType.INT64, false),
            new ParquetColumn("stats/episode", ParquetType.INT64, false));

    private LeRobotFrames() {
    }

    /** {@code rows} frames of smooth random motion (seeded). */
    static List<ColumnValues> rowGroup(int rows) {
        Random rng = new Random(42);
        float[] state = new float[rows * 9];
        float[] action = new float[rows * 8];
        for (int i = 0; i < state.length; i++) {
            state[i] = (float) Math.sin(i * 0.01 + rng.nextGaussian() * 1e-3);
        }
        for (int i = 0; i < action.length; i++) {
            action[i] = (float) Math.cos(i * 0.01 + rng.nextGaussian() * 1e-3);
        }
        float[] t = new float[rows];
        float[] reward = new float[rows];
        float[] discount = new float[rows];
        long[] frame = new long[rows];
        long[] episode = new long[rows];
        long[] index = new long[rows];
        long[] task = new long[rows];
        long[] statsEpisode = new long[rows];
        for (int r = 0; r < rows; r++) {
            t[r] = r / 30f;
            reward[r] = r == rows - 1 ? 1 : 0;
            discount[r] = 0.99f;
            frame[r] = r;
            episode[r] = 3;
            index[r] = 1000 + r;
            task[r] = 1;
            statsEpisode[r] = 3;
        }
        return List.of(ColumnValues.ofFloatLists(state, offsets(rows, 9)),
                ColumnValues.ofFloatLists(action, offsets(rows, 8)), ColumnValues.ofFloats(t),
                ColumnValues.ofFloats(reward), ColumnValues.ofFloats(discount), ColumnValues.ofLongs(frame),
                ColumnValues.ofLongs(episode), ColumnValues.ofLongs(index), ColumnValues.ofLongs(task),
                ColumnValues.ofLongs(statsEpisode));
    }

    static int[] offsets(int rows, int width) {
        int[] o = new int[rows + 1];
        for (int r = 0; r <= rows; r++) {
            o[r] = r * width;
        }
        return o;
    }
}
