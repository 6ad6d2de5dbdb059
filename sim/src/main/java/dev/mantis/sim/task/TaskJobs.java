package dev.mantis.sim.task;

/**
 * Hands out a run's episodes (run positions, task-major: position {@code t * episodes + k} is
 * episode k of task t) to worker threads so that each worker keeps to one task while it has
 * episodes left, and a free worker takes a task nobody runs yet, lowest first; only when every
 * task with episodes left has a worker do two share one. Each worker builds a simulator per task
 * it runs, so a task's simulator is built about once per run instead of once per worker (about
 * 35 ms of CPU each for the core suite's scenes).
 *
 * <p>With a window, no position at or past {@code written + window} is handed out, where
 * {@code written} is what {@link #written} last reported; a writer that takes episodes in run
 * order so holds at most {@code window} finished ones. Thread-safe.
 */
public final class TaskJobs {

    /** What {@link #poll} answers when every position left is past the window. */
    public static final int WAIT = -2;
    /** What {@link #poll} and {@link #take} answer when no position is left (or after {@link #close}). */
    public static final int NONE = -1;

    private final int episodes;
    private final int[] nextK;
    private final int[] workersOn;
    private final long window;
    private long limit;
    private int left;
    private boolean closed;

    /**
     * The positions from {@code start} to {@code tasks * episodes - 1}.
     *
     * @param window how far past the last reported written position jobs may run
     *        ({@link Integer#MAX_VALUE}: no limit)
     */
    public TaskJobs(int tasks, int episodes, int start, int window) {
        if (tasks < 0 || episodes < 1 || start < 0 || window < 1) {
            throw new IllegalArgumentException("tasks " + tasks + ", episodes " + episodes + ", start " + start
                    + ", window " + window);
        }
        this.episodes = episodes;
        this.nextK = new int[tasks];
        this.workersOn = new int[tasks];
        this.window = window;
        for (int t = 0; t < tasks; t++) {
            nextK[t] = Math.min(episodes, Math.max(0, start - t * episodes));
            left += episodes - nextK[t];
        }
        this.limit = (long) start + window;
    }

    /**
     * The next position for a worker that last ran task {@code task} (-1 for none), without
     * waiting: {@link #WAIT} when every position left is past the window, {@link #NONE} when none is
     * left. A worker that got {@link #WAIT} runs no task any more: its next call passes -1.
     */
    public synchronized int poll(int task) {
        if (closed || left == 0) {
            leave(task);
            return NONE;
        }
        if (task >= 0 && available(task)) {
            return hand(task);
        }
        leave(task);
        int shared = -1;
        for (int t = 0; t < nextK.length; t++) {
            if (available(t)) {
                if (workersOn[t] == 0) {
                    workersOn[t]++;
                    return hand(t);
                }
                if (shared < 0) {
                    shared = t;
                }
            }
        }
        if (shared < 0) {
            return WAIT;
        }
        workersOn[shared]++;
        return hand(shared);
    }

    /** {@link #poll}, waiting while every position left is past the window. */
    public synchronized int take(int task) throws InterruptedException {
        int job = poll(task);
        while (job == WAIT) {
            wait();
            job = poll(-1);
        }
        return job;
    }

    /** Positions below {@code upTo} are written: the window moves on. */
    public synchronized void written(int upTo) {
        long moved = (long) upTo + window;
        if (moved > limit) {
            limit = moved;
            notifyAll();
        }
    }

    /** Hands out nothing more; waiting workers get {@link #NONE}. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    private boolean available(int t) {
        return nextK[t] < episodes && (long) t * episodes + nextK[t] < limit;
    }

    private int hand(int t) {
        left--;
        return t * episodes + nextK[t]++;
    }

    private void leave(int task) {
        if (task >= 0) {
            workersOn[task]--;
        }
    }
}
