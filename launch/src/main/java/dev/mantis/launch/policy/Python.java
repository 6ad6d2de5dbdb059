package dev.mantis.launch.policy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Python interpreter the training scripts run with: Debian's (where python3-torch installs), else PATH's. */
public final class Python {

    private static final Path DEBIAN = Path.of("/usr/bin/python3");

    private Python() {
    }

    /** {@code /usr/bin/python3} if present (another python3 on PATH cannot import Debian's torch), else "python3". */
    public static String executable() {
        return Files.isExecutable(DEBIAN) ? DEBIAN.toString() : "python3";
    }
}
