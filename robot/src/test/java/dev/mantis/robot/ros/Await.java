package dev.mantis.robot.ros;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline (a condition with no event to block on). */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every few milliseconds until true; fails with {@code what} at the deadline. */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout + ": " + what.get());
            }
            Thread.sleep(5);
        }
    }
}
