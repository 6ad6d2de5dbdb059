package dev.mantis.launch.deploy;

import dev.mantis.robot.ros.msg.mantis_msgs.TaskStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Success from a person ({@code --success key}, semi-autonomous collection): each episode runs to
 * its horizon (or a failure or safety stop), then {@code episode N: success? [y/n]} is asked on
 * standard error and a line read: y, yes or s is a success, n, no or f a failure (any case), anything
 * else asks again. A person is certain: the confidence is 1 or 0. An episode the cell reports as
 * failed is not asked about. When the input ends, {@link LabelsEnded} stops the run.
 */
final class KeyPressDetector implements SuccessDetector {

    private final BufferedReader in;
    private final PrintWriter err;
    private Label label;

    KeyPressDetector(BufferedReader in, PrintWriter err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public boolean succeeded(TaskStatus status, boolean failed) {
        boolean success = !failed && ask(status.episode);
        label = new Label(success, success ? 1.0 : 0.0, status.success);
        return success;
    }

    private boolean ask(int episode) {
        while (true) {
            err.printf(Locale.ROOT, "%nepisode %d: success? [y/n] ", episode);
            err.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("reading the label of episode " + episode + " from standard input", e);
            }
            if (line == null) {
                throw new LabelsEnded("standard input ended before episode " + episode + " was labelled");
            }
            switch (line.strip().toLowerCase(Locale.ROOT)) {
                case "y", "yes", "s":
                    return true;
                case "n", "no", "f":
                    return false;
                default:
                    err.print("answer y (yes, s) or n (no, f)");
            }
        }
    }

    @Override
    public Label take() {
        Label l = label;
        label = null;
        return l;
    }
}
