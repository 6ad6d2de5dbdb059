package dev.mantis.sim.render;

/** Rendering is impossible or failed: no display or OpenGL context, or an OpenGL error. */
public final class RenderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
