package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real ROS 1 the interoperability tests run against (Debian's roscore and rospy). When a piece
 * is missing the test fails if the environment variable CI is set, and is skipped with a message
 * otherwise.
 */
public final class RosInstallation {

    /** The Python that can import rospy (Debian's; another python3 on PATH cannot). */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private RosInstallation() {
    }

    /** Fails (CI) or skips (locally) unless roscore and rospy are installed. */
    public static void require() {
        String missing = null;
        if (!RoscoreProcess.installed()) {
            missing = "roscore (apt-get install ros-core)";
        } else if (!Files.isExecutable(PYTHON) || !pythonImports("rospy, std_msgs.msg, sensor_msgs.msg")) {
            missing = "rospy for /usr/bin/python3 (apt-get install python3-rospy python3-std-msgs python3-sensor-msgs)";
        }
        if (missing == null) {
            return;
        }
        String message = "ROS 1 is not installed: " + missing + "; scripts/install-deps.sh installs it";
        if (System.getenv("CI") != null) {
            fail(message + " (CI is set, so this fails instead of skipping)");
        }
        Assumptions.abort(message + " (skipped because CI is unset)");
    }

    /**
     * Fails (CI) or skips (locally) unless ROS 1 is installed and {@code /usr/bin/python3} imports
     * these modules (e.g. "actionlib"), which the Debian packages named install.
     */
    public static void requirePython(String modules, String debianPackages) {
        require();
        if (pythonImports(modules)) {
            return;
        }
        String message = "/usr/bin/python3 cannot import " + modules + " (apt-get install " + debianPackages
                + "); scripts/install-deps.sh installs it";
        if (System.getenv("CI") != null) {
            fail(message + " (CI is set, so this fails instead of skipping)");
        }
        Assumptions.abort(message + " (skipped because CI is unset)");
    }

    /** Fails (CI) or skips (locally) unless g++ and roscpp's development files are installed. */
    public static void requireRoscpp() {
        require();
        boolean ok = findOnPath("g++") != null && findOnPath("pkg-config") != null;
        if (ok) {
            try {
                Process p = new ProcessBuilder("pkg-config", "--exists", "roscpp").start();
                ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                ok = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ok = false;
            }
        }
        if (ok) {
            return;
        }
        String message = "g++ or roscpp's development files are missing (apt-get install g++ pkg-config libroscpp-dev"
                + " libstd-msgs-dev); scripts/install-deps.sh installs them";
        if (System.getenv("CI") != null) {
            fail(message + " (CI is set, so this fails instead of skipping)");
        }
        Assumptions.abort(message + " (skipped because CI is unset)");
    }

    /** The executable of this name on PATH, or null. */
    public static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean pythonImports(String modules) {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + modules)
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a short Python program with rospy's interpreter and returns its stdout lines. */
    public static List<String> runPython(String program) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", program).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("python failed: " + err);
        }
        return out.lines().toList();
    }
}
