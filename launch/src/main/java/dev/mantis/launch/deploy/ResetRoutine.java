package dev.mantis.launch.deploy;

/**
 * What the robot does between episodes to bring the scene back toward its start ({@code --reset
 * scripted} or {@code --reset FILE.onnx}); the cell then starts the episode with its objects where
 * the routine left them, and the start-region check judges the result.
 */
interface ResetRoutine {

    /** How a control tick is waited for: null when the robot's state came, else why not. */
    interface Ticks {
        String await(double stamp) throws InterruptedException;
    }

    /**
     * What a run of the routine did: the control ticks it commanded, and why it stopped early
     * (what {@link Ticks} said, or {@link dev.mantis.sim.task.EpisodeResult#SAFETY_STOP}), or null
     * when it finished.
     */
    record Outcome(int ticks, String stop) {
    }

    /** Runs the routine before the episode of {@code seed}; nothing more is commanded after a stop. */
    Outcome run(long seed, Ticks ticks) throws InterruptedException;
}
