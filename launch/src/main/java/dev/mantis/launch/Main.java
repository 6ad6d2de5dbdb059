package dev.mantis.launch;

/** Entry point of the {@code mantis} executable. */
public final class Main {

    private Main() {
    }

    /** Runs the command line and exits with its status (0 ok, 1 failure, 2 bad input). */
    public static void main(String[] args) {
        System.exit(MantisCommand.run(args, System.out, System.err));
    }
}
