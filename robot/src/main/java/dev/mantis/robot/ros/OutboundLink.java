package dev.mantis.robot.ros;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;

/**
 * The connection from one of our publishers to one subscriber: a bounded queue of serialized
 * frames (the oldest dropped when full) drained by its own writer thread. Each queued frame is
 * this link's own copy in an array reused once written, so a steady stream of small messages
 * (joint states, commands) allocates nothing; a frame over 64 KiB (an image) is one array that all
 * subscribers' queues share, and no large array is held once written.
 */
final class OutboundLink {

    /** Frames up to this size are copied into reused arrays; larger ones are shared, not copied. */
    static final int MAX_SPARE_BYTES = 64 << 10;
    /** Written frame arrays kept for reuse. */
    private static final int SPARE_FRAMES = 4;
    private static final int MIN_FRAME_BYTES = 256;

    private final Socket socket;
    private final String subscriber;
    private final int capacity;
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private final ArrayDeque<Frame> spare = new ArrayDeque<>();
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

    /** A queued frame: an array starting with its length prefix, this link's own or shared. */
    private static final class Frame {
        final byte[] bytes;
        final boolean own;

        Frame(byte[] bytes, boolean own) {
            this.bytes = bytes;
            this.own = own;
        }

        /** The frame's length: its 4-byte little-endian prefix plus 4. */
        int length() {
            return 4 + ((bytes[0] & 0xff) | (bytes[1] & 0xff) << 8 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 24);
        }
    }

    /**
     * Queues a copy of the frame in {@code frame[0, length)} (its little-endian length prefix
     * included), dropping the oldest when full.
     */
    synchronized void enqueue(byte[] frame, int length) {
        if (closed) {
            return;
        }
        Frame copy = spare.pollLast();
        if (copy == null || copy.bytes.length < length) {
            copy = new Frame(new byte[Math.max(length, Math.max(MIN_FRAME_BYTES, Math.min(2 * length, MAX_SPARE_BYTES)))],
                    true);
        }
        System.arraycopy(frame, 0, copy.bytes, 0, length);
        add(copy);
    }

    /** Queues a whole frame array that nobody changes again, dropping the oldest when full. */
    synchronized void enqueueShared(byte[] frame) {
        if (!closed) {
            add(new Frame(frame, false));
        }
    }

    private void add(Frame frame) {
        if (queue.size() >= capacity) {
            recycle(queue.pollFirst());
            dropped++;
        }
        queue.addLast(frame);
        notifyAll();
    }

    private void recycle(Frame frame) {
        if (frame.own && frame.bytes.length <= MAX_SPARE_BYTES && spare.size() < SPARE_FRAMES) {
            spare.addLast(frame);
        }
    }

    synchronized long dropped() {
        return dropped;
    }

    private void drain() {
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                Frame frame;
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
                out.write(frame.bytes, 0, frame.length());
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
