package dev.mantis.sim.scene;

/** Whether the scene is still running or has diverged (and must be reset). */
public enum StepStatus {
    /** Every state variable is finite and within sane bounds. */
    OK,
    /** A position or velocity became NaN, infinite or exploded; the episode ends with reason "diverged". */
    DIVERGED
}
