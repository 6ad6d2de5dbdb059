package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.RowGroupBlob;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded frames of one episode, already encoded by an {@link EpisodeEncoder}: the Parquet
 * column chunks of the dataset's recorded features and their per-episode statistics, ready for
 * {@link DatasetWriter#writeEpisode(EncodedEpisode, String, Map)}, which only adds the index
 * columns that depend on the episode's place in the dataset. Immutable.
 */
public final class EncodedEpisode {

    private final List<DatasetFeature> features;
    private final int length;
    private final RowGroupBlob columns;
    private final Map<String, FeatureStats> stats;

    EncodedEpisode(List<DatasetFeature> features, int length, RowGroupBlob columns, Map<String, FeatureStats> stats) {
        this.features = features;
        this.length = length;
        this.columns = columns;
        this.stats = stats;
    }

    /**
     * Writes the episode for {@link #readFrom} in another process (e.g. a Spark executor's staged
     * episodes for the driver): its frame count, column chunks and per-feature statistics.
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(length);
        columns.writeTo(out);
        for (DatasetFeature f : features) {
            FeatureStats s = stats.get(f.name());
            writeDoubles(out, s.min());
            writeDoubles(out, s.max());
            writeDoubles(out, s.mean());
            writeDoubles(out, s.std());
            out.writeInt(s.quantiles().length);
            for (double[] q : s.quantiles()) {
                writeDoubles(out, q);
            }
            out.writeLong(s.count());
        }
    }

    /**
     * Reads an episode that {@link #writeTo} wrote for the frame features {@code features} (a
     * dataset spec's {@link DatasetSpec#frameFeatures()}).
     *
     * @throws IOException if the input ends early or holds another shape of episode
     */
    public static EncodedEpisode readFrom(DataInput in, List<DatasetFeature> features) throws IOException {
        int length = in.readInt();
        RowGroupBlob columns = RowGroupBlob.readFrom(in, EpisodeEncoder.schema(features));
        if (length != columns.rowCount()) {
            throw new IOException("a staged episode of " + length + " frames holds " + columns.rowCount() + " rows");
        }
        Map<String, FeatureStats> stats = new LinkedHashMap<>();
        for (DatasetFeature f : features) {
            double[] min = readDoubles(in, f);
            double[] max = readDoubles(in, f);
            double[] mean = readDoubles(in, f);
            double[] std = readDoubles(in, f);
            int levels = in.readInt();
            if (levels != FeatureStats.QUANTILES.length) {
                throw new IOException("staged statistics of '" + f.name() + "' have " + levels + " quantiles, not "
                        + FeatureStats.QUANTILES.length);
            }
            double[][] quantiles = new double[levels][];
            for (int i = 0; i < levels; i++) {
                quantiles[i] = readDoubles(in, f);
            }
            stats.put(f.name(), new FeatureStats(min, max, mean, std, quantiles, in.readLong()));
        }
        return new EncodedEpisode(List.copyOf(features), length, columns, Collections.unmodifiableMap(stats));
    }

    private static void writeDoubles(DataOutput out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInput in, DatasetFeature f) throws IOException {
        int n = in.readInt();
        if (n != f.size()) {
            throw new IOException("staged statistics of '" + f.name() + "' have " + n + " elements, not " + f.size());
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    /** The recorded features it holds, in column order. */
    public List<DatasetFeature> features() {
        return features;
    }

    /** Number of frames. */
    public int length() {
        return length;
    }

    /** The encoded column chunks of {@link #features()}. */
    RowGroupBlob columns() {
        return columns;
    }

    /** Per feature, the statistics of the episode's frames, in column order. */
    Map<String, FeatureStats> stats() {
        return stats;
    }
}
