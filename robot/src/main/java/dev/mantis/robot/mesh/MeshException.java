package dev.mantis.robot.mesh;

/** A mesh file that cannot be read: the message names the file, where, what and what to do. */
public final class MeshException extends RuntimeException {

    /** An error about {@code file}. */
    public MeshException(String file, String detail) {
        super(file + ": " + detail);
    }
}
