package dev.mantis.launch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One run of the {@code mantis} command line in the test's JVM: its exit code and what it printed
 * on standard output and standard error.
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code mantis ARGS}. */
    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MantisCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code mantis ARGS}. */
    public static CliRun of(List<String> args) {
        return of(args.toArray(new String[0]));
    }
}
