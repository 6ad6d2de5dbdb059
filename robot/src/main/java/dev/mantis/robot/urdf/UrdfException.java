package dev.mantis.robot.urdf;

/**
 * A URDF description that cannot be loaded. The message is one line, {@code FILE:LINE: WHAT; FIX}:
 * the file as the caller named it, the line of the offending element (0 when no line applies,
 * for example an unreadable file) and what is wrong with how to fix it.
 */
public final class UrdfException extends RuntimeException {

    private final String file;
    private final int line;
    private final String detail;

    /** An error in {@code file} at {@code line}; line breaks in {@code detail} become spaces. */
    public UrdfException(String file, int line, String detail) {
        super(file + ":" + line + ": " + oneLine(detail));
        this.file = file;
        this.line = line;
        this.detail = oneLine(detail);
    }

    /** The file as the caller named it: a path as given, a resource path or a URL. */
    public String file() {
        return file;
    }

    /** The 1-based line of the offending element, or 0 when no line applies. */
    public int line() {
        return line;
    }

    /** What is wrong and how to fix it: the message after {@code FILE:LINE: }. */
    public String detail() {
        return detail;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
