package dev.mantis.sim.task;

/**
 * Seed of every episode, derived from (run seed, task id, episode index) alone, so episode k of a
 * run can be replayed by itself and gives the same result.
 */
public final class EpisodeSeeds {

    private EpisodeSeeds() {
    }

    /** The seed of episode {@code episode} of task {@code taskId} in a run seeded {@code runSeed}. */
    public static long of(long runSeed, String taskId, int episode) {
        long h = mix(runSeed ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < taskId.length(); i++) {
            h = mix(h ^ taskId.charAt(i));
        }
        return mix(h ^ episode);
    }

    /** splitmix64's finaliser. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
