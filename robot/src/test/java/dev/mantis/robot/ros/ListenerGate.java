package dev.mantis.robot.ros;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a subscriber's listener inside one message until the test releases it: for tests of what
 * reaches a listener that is busy while more messages arrive.
 */
final class ListenerGate {

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Called by the listener: says the message arrived, then waits for {@link #release()}. */
    void hold() {
        held.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to 10 s for the listener to be held; false if it never was. */
    boolean awaitHeld() throws InterruptedException {
        return held.await(10, TimeUnit.SECONDS);
    }

    /** Lets the held listener return. */
    void release() {
        release.countDown();
    }
}
