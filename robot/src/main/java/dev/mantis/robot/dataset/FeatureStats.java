package dev.mantis.robot.dataset;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistics of one numeric feature over a set of frames, per element: min, max, mean, std
 * (population), the quantiles {@link #QUANTILES} and the frame count, as LeRobot's
 * {@code stats.json} and per-episode {@code stats/FEATURE/STAT} columns carry them. Quantiles
 * interpolate linearly between order statistics (numpy's default). Treat the arrays as read-only.
 */
public record FeatureStats(double[] min, double[] max, double[] mean, double[] std, double[][] quantiles,
        long count) {

    /** The quantile levels, in the order of {@link #quantiles()}. */
    public static final double[] QUANTILES = {0.01, 0.10, 0.50, 0.90, 0.99};
    /** Their names in stats files. */
    public static final List<String> QUANTILE_NAMES = List.of("q01", "q10", "q50", "q90", "q99");
    /** Every stat name, in the order they are written. */
    public static final List<String> NAMES = List.of("min", "max", "mean", "std", "count", "q01", "q10", "q50", "q90",
            "q99");

    /**
     * Exact statistics of {@code rows} frames of {@code dim} elements each, stored row-major in
     * {@code values} (frame r, element j at {@code r * dim + j}).
     */
    public static FeatureStats of(double[] values, int rows, int dim) {
        if (rows < 1) {
            throw new IllegalArgumentException("statistics need at least one frame");
        }
        double[] min = new double[dim];
        double[] max = new double[dim];
        double[] mean = new double[dim];
        double[] std = new double[dim];
        double[][] q = new double[QUANTILES.length][dim];
        double[] column = new double[rows];
        for (int j = 0; j < dim; j++) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                column[r] = values[r * dim + j];
                sum += column[r];
            }
            double m = sum / rows;
            double squares = 0;
            for (int r = 0; r < rows; r++) {
                double d = column[r] - m;
                squares += d * d;
            }
            Arrays.sort(column);
            min[j] = column[0];
            max[j] = column[rows - 1];
            mean[j] = m;
            std[j] = Math.sqrt(squares / rows);
            for (int k = 0; k < QUANTILES.length; k++) {
                q[k][j] = quantile(column, rows, QUANTILES[k]);
            }
        }
        return new FeatureStats(min, max, mean, std, q, rows);
    }

    /** Quantile {@code level} of the first {@code n} sorted values, linear between order statistics. */
    static double quantile(double[] sorted, int n, double level) {
        double h = (n - 1) * level;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Combines the statistics of disjoint frame sets: min, max, mean, std and count exactly (up to
     * rounding); quantiles as the count-weighted mean of the parts' quantiles, an approximation
     * (as LeRobot aggregates them). Exact quantiles need the frames: see {@link #of}.
     */
    public static FeatureStats aggregate(List<FeatureStats> parts) {
        int dim = parts.get(0).mean.length;
        double[] min = new double[dim];
        double[] max = new double[dim];
        double[] mean = new double[dim];
        double[] std = new double[dim];
        double[][] q = new double[QUANTILES.length][dim];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        long total = parts.stream().mapToLong(FeatureStats::count).sum();
        for (FeatureStats p : parts) {
            double w = (double) p.count / total;
            for (int j = 0; j < dim; j++) {
                min[j] = Math.min(min[j], p.min[j]);
                max[j] = Math.max(max[j], p.max[j]);
                mean[j] += w * p.mean[j];
                for (int k = 0; k < QUANTILES.length; k++) {
                    q[k][j] += w * p.quantiles[k][j];
                }
            }
        }
        for (FeatureStats p : parts) {
            double w = (double) p.count / total;
            for (int j = 0; j < dim; j++) {
                double d = p.mean[j] - mean[j];
                std[j] += w * (p.std[j] * p.std[j] + d * d);
            }
        }
        for (int j = 0; j < dim; j++) {
            std[j] = Math.sqrt(std[j]);
        }
        return new FeatureStats(min, max, mean, std, q, total);
    }

    /** The value of stat {@code name} (one of {@link #NAMES}); count as a one-element array. */
    public double[] get(String name) {
        switch (name) {
            case "min":
                return min;
            case "max":
                return max;
            case "mean":
                return mean;
            case "std":
                return std;
            case "count":
                return new double[] {count};
            default:
                int k = QUANTILE_NAMES.indexOf(name);
                if (k < 0) {
                    throw new IllegalArgumentException("unknown stat '" + name + "'; known: " + NAMES);
                }
                return quantiles[k];
        }
    }

    /** The statistics as stats.json writes them: stat name to a list of numbers. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : NAMES) {
            out.put(name, name.equals("count") ? new long[] {count} : get(name));
        }
        return out;
    }
}
