package dev.mantis.sim.view;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the playback's work on the thread that built it: Bullet's physics space belongs to its
 * creating thread, while jME draws on a thread of its own. Until {@link #serve} starts, work runs
 * directly on the calling thread (an application built but never started, in tests); once it
 * serves, jME's thread hands each piece of work over and waits for it.
 */
final class SimThread {

    private static final long POLL_MS = 20;

    private final SynchronousQueue<Runnable> requests = new SynchronousQueue<>();
    private final SynchronousQueue<Object> replies = new SynchronousQueue<>();
    private volatile boolean handOff;
    private volatile boolean closed;

    /** Runs {@code work} on the simulation thread and waits for it; its exceptions are rethrown here. */
    void run(Runnable work) {
        if (!handOff) {
            work.run();
            return;
        }
        Object reply;
        try {
            while (!requests.offer(work, POLL_MS, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IllegalStateException("the simulation thread no longer serves the viewer");
                }
            }
            reply = replies.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulation thread", e);
        }
        if (reply instanceof RuntimeException e) {
            throw e;
        }
        if (reply instanceof Error e) {
            throw e;
        }
    }

    /** From now on {@link #run} hands work over to the thread calling {@link #serve}. */
    void handOff() {
        handOff = true;
    }

    /**
     * On the simulation thread: runs the work handed over until {@code until} counts down or
     * {@code timeoutMs} pass (negative: no limit).
     *
     * @return whether {@code until} counted down
     */
    boolean serve(CountDownLatch until, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (until.getCount() > 0) {
            if (timeoutMs >= 0 && System.nanoTime() > end) {
                return false;
            }
            Runnable work = requests.poll(POLL_MS, TimeUnit.MILLISECONDS);
            if (work == null) {
                continue;
            }
            Object reply = Boolean.TRUE;
            try {
                work.run();
            } catch (RuntimeException | Error t) {
                reply = t;
            }
            replies.put(reply);
        }
        return true;
    }

    /** No more serving: work handed over from now on fails instead of waiting forever. */
    void close() {
        closed = true;
    }
}
