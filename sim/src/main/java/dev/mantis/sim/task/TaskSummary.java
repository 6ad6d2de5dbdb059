package dev.mantis.sim.task;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Episodes of one task summarised: success rate with its 95% Wilson score interval, mean steps,
 * mean summed reward, failures by reason and safety events by kind.
 */
public record TaskSummary(String id, int episodes, int successes, double successRate, double ci95Low,
        double ci95High, double meanSteps, double meanReward, Map<String, Integer> failures,
        Map<String, Integer> safetyEvents) {

    /** The summary of {@code results}, all of task {@code id}. */
    public static TaskSummary of(String id, List<EpisodeResult> results) {
        int n = results.size();
        int ok = (int) results.stream().filter(EpisodeResult::success).count();
        Map<String, Integer> failures = new TreeMap<>();
        results.stream().filter(r -> !r.success()).forEach(r -> failures.merge(r.failure(), 1, Integer::sum));
        double p = n == 0 ? 0 : (double) ok / n;
        double[] ci = wilson(ok, n);
        double steps = results.stream().mapToInt(EpisodeResult::steps).average().orElse(0);
        double reward = results.stream().mapToDouble(EpisodeResult::reward).average().orElse(0);
        Map<String, Integer> safety = new TreeMap<>();
        results.forEach(r -> r.safetyEvents().forEach((kind, count) -> safety.merge(kind, count, Integer::sum)));
        return new TaskSummary(id, n, ok, p, ci[0], ci[1], steps, reward, failures, safety);
    }

    public TaskSummary {
        failures = Collections.unmodifiableMap(new TreeMap<>(failures));
        safetyEvents = Collections.unmodifiableMap(new TreeMap<>(safetyEvents));
    }

    /** The 95% Wilson score interval of a binomial proportion. */
    static double[] wilson(int successes, int n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double z = 1.959963984540054;
        double p = (double) successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
