package dev.mantis.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.sim.render.SceneRenderer;
import org.junit.jupiter.api.Test;

/** One OpenGL context per process: a viewer and an off-screen renderer exclude each other (no display needed). */
class ContextClaimTest {

    @Test
    void aSecondClaimIsAClearErrorUntilTheFirstIsReleased() {
        Runnable release = SceneRenderer.claimContext("the viewer");
        try {
            var e = assertThrows(IllegalStateException.class, () -> SceneRenderer.claimContext("the viewer"));
            assertEquals("cannot open the viewer: another OpenGL context (a SceneRenderer or a viewer) is open in this "
                    + "process; close it first (one GLFW context per process)", e.getMessage());
        } finally {
            release.run();
        }
        Runnable next = SceneRenderer.claimContext("the next viewer");
        try {
            release.run(); // a second release of the first claim must not free the next one's
            assertThrows(IllegalStateException.class, () -> SceneRenderer.claimContext("a third viewer"));
        } finally {
            next.run();
        }
    }
}
