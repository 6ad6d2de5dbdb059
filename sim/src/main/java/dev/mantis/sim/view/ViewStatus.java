package dev.mantis.sim.view;

/**
 * What the viewer's overlay says about the frame shown.
 *
 * @param task task id
 * @param source where the frames come from: the policy ("oracle", "model.onnx") or the dataset
 *     episode ("data/core episode 3")
 * @param episode episode index
 * @param seed episode seed
 * @param step control steps taken so far (the frame index)
 * @param steps the episode's length when known (recorded), else the task's horizon
 * @param reward reward summed over the steps taken
 * @param success whether the task's success predicate held after the last step
 * @param ended why the episode ended ("success", "timeout", "diverged", "unplaceable"), empty while it runs
 */
public record ViewStatus(String task, String source, int episode, long seed, int step, int steps, double reward,
        boolean success, String ended) {
}
