package dev.mantis.sim.task;

import dev.mantis.robot.spec.Action;
import dev.mantis.sim.scene.Scene;

/** A scripted expert: the next action from privileged scene state (all object poses). */
public interface Oracle {

    /** The action for the current control step. */
    Action act(Scene scene);
}
