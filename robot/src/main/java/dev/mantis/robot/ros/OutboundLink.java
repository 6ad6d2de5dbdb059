package dev.mantis.robot.ros;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;

/**
 * The connection from one of our publishers to one subscriber: a bounded queue of serialized
 * frames (the oldest dropped when full) drained by its own writer thread. Each queued frame is
 * this link's own copy in an array that is reused once written, so a steady stream of messages
 * allocates nothing.
 */
final class OutboundLink {

    /** Written frame arrays kept for reuse. */
    private static final int SPARE_FRAMES = 8;
    private static final int MIN_FRAME_BYTES = 256;

    private final Socket socket;
    private final String subscriber;
    private final int capacity;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private final Runnable onClose;
    private final int id;
    private boolean closed;
    private boolean writing;
    private long dropped;

    OutboundLink(int id, Socket socket, String subscriber, int capacity, Runnable onClose) {
        this.id = id;
        this.socket = socket;
        this.subscriber = subscriber;
        this.capacity = Math.max(1, capacity);
        this.onClose = onClose;
    }

    int id() {
        return id;
    }

    String subscriber() {
        return subscriber;
    }

    void start(String topic) {
        Thread t = new Thread(this::drain, "ros-pub" + topic + "->" + subscriber);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Queues a copy of the frame in {@code frame[0, length)} (its little-endian length prefix
     * included), dropping the oldest when full.
     */
    synchronized void enqueue(byte[] frame, int length) {
        if (closed) {
            return;
        }
        if (queue.size() >= capacity) {
            recycle(queue.pollFirst());
            dropped++;
        }
        byte[] copy = spare.pollLast();
        if (copy == null || copy.length < length) {
            copy = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(MIN_FRAME_BYTES, 2L * length))];
        }
        System.arraycopy(frame, 0, copy, 0, length);
        queue.addLast(copy);
        notifyAll();
    }

    private void recycle(byte[] frame) {
        if (spare.size() < SPARE_FRAMES) {
            spare.addLast(frame);
        }
    }

    /** A queued frame's length: its 4-byte little-endian prefix plus 4. */
    private static int frameLength(byte[] frame) {
        return 4 + ((frame[0] & 0xff) | (frame[1] & 0xff) << 8 | (frame[2] & 0xff) << 16 | (frame[3] & 0xff) << 24);
    }

    synchronized long dropped() {
        return dropped;
    }

    private void drain() {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                byte[] frame;
                synchronized (this) {
                    while (queue.isEmpty() && !closed) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    frame = queue.pollFirst();
                    writing = true;
                }
                out.write(frame, 0, frameLength(frame));
                synchronized (this) {
                    writing = false;
                    recycle(frame);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the subscriber went away; close() reports nothing: a subscriber leaving is normal
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Waits until every queued frame is written (or the link closes); false at the deadline. */
    synchronized boolean awaitSent(long deadlineNanos) throws InterruptedException {
        while ((!queue.isEmpty() || writing) && !closed) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            notifyAll();
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        onClose.run();
    }
}
