package dev.mantis.sim.task;

import dev.mantis.sim.scene.Scene;

/** Makes the policy that acts in one episode, right after the scene and task were reset. */
public interface PolicyFactory {

    /** The task's scripted oracle. */
    PolicyFactory ORACLE = (task, scene, seed) -> task.oracle(scene);

    /**
     * The policy for the episode of {@code task} just reset in {@code scene} with {@code seed}.
     * Called on the worker thread that runs the episode.
     */
    Oracle create(Task task, Scene scene, long seed);
}
