package dev.mantis.robot.urdf;

import java.nio.file.Path;

/**
 * Where a description being loaded came from: {@code label} names the file in messages and
 * {@code baseDir} is the directory relative mesh names are resolved against first (null for
 * descriptions that are not files, such as classpath resources).
 */
record UrdfSource(String label, Path baseDir) {

    /** An error located at {@code element}'s start tag. */
    UrdfException error(XmlElement element, String detail) {
        return new UrdfException(label, element.line(), detail);
    }

    /** A warning in the same {@code FILE:LINE: WHAT} form as errors. */
    String warning(XmlElement element, String detail) {
        return label + ":" + element.line() + ": " + detail;
    }
}
