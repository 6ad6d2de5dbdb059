package dev.mantis.robot.dataset;

import dev.mantis.robot.dataset.parquet.ColumnValues;
import dev.mantis.robot.dataset.parquet.ParquetCompression;
import dev.mantis.robot.dataset.parquet.ParquetEncoder;
import dev.mantis.robot.dataset.parquet.ParquetSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes episodes' recorded frames for a dataset (see {@link DatasetWriter#newEncoder()}): the
 * Parquet column chunks of each frame feature and the episode's statistics, which are most of the
 * work of writing an episode. Encoding where an episode was simulated (one encoder per worker
 * thread) leaves the writer's thread only the index columns, the files and the commits. Not
 * thread-safe; reusable.
 */
public final class EpisodeEncoder {

    private final List<DatasetFeature> features;
    private final ParquetEncoder encoder;

    /** An encoder of the numeric features {@code features} (a spec's {@link DatasetSpec#frameFeatures()}). */
    public EpisodeEncoder(List<DatasetFeature> features) {
        this.features = List.copyOf(features);
        this.encoder = new ParquetEncoder(schema(this.features), ParquetCompression.SNAPPY);
    }

    /** The Parquet schema of {@code features}' columns. */
    static ParquetSchema schema(List<DatasetFeature> features) {
        return new ParquetSchema(features.stream().map(DatasetFeature::column).toList());
    }

    /**
     * Encodes the frames of {@code frames}, which may be reused once this returns.
     *
     * @throws IllegalArgumentException if the buffer has no frame or other features than this encoder's
     */
    public EncodedEpisode encode(EpisodeBuffer frames) {
        int n = frames.length();
        if (n < 1) {
            throw new IllegalArgumentException("an episode needs at least one frame");
        }
        if (!frames.features().equals(features)) {
            throw new IllegalArgumentException("the buffer's features differ from the dataset's; use newBuffer()");
        }
        List<ColumnValues> columns = new ArrayList<>(features.size());
        Map<String, FeatureStats> stats = new LinkedHashMap<>();
        for (int i = 0; i < features.size(); i++) {
            DatasetFeature f = features.get(i);
            columns.add(column(f, frames.values(i), n));
            stats.put(f.name(), FeatureStats.of(frames.values(i), n, f.size()));
        }
        return new EncodedEpisode(features, n, encoder.encode(columns), Collections.unmodifiableMap(stats));
    }

    /** The first {@code n} frames of feature {@code f}'s stored values as the column its dtype gives. */
    static ColumnValues column(DatasetFeature f, double[] values, int n) {
        int dim = f.size();
        int count = n * dim;
        boolean list = dim != 1;
        int[] offsets = null;
        if (list) {
            offsets = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                offsets[i] = i * dim;
            }
        }
        switch (f.dtype()) {
            case "float32": {
                float[] v = new float[count];
                for (int i = 0; i < count; i++) {
                    v[i] = (float) values[i];
                }
                return list ? ColumnValues.ofFloatLists(v, offsets) : ColumnValues.ofFloats(v);
            }
            case "float64": {
                double[] v = Arrays.copyOf(values, count);
                return list ? ColumnValues.ofDoubleLists(v, offsets) : ColumnValues.ofDoubles(v);
            }
            case "int64": {
                long[] v = new long[count];
                for (int i = 0; i < count; i++) {
                    v[i] = (long) values[i];
                }
                return list ? ColumnValues.ofLongLists(v, offsets) : ColumnValues.ofLongs(v);
            }
            default: {
                boolean[] v = new boolean[count];
                for (int i = 0; i < count; i++) {
                    v[i] = values[i] != 0;
                }
                return list ? ColumnValues.ofBooleanLists(v, offsets) : ColumnValues.ofBooleans(v);
            }
        }
    }
}
