package dev.mantis.robot.ros;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * The connection from one of our publishers to one subscriber, over a non-blocking socket. A frame
 * published while nothing is waiting to be sent is written at once on the publishing thread, as
 * far as the kernel's send buffer takes it (roscpp does the same); whatever the socket cannot take
 * goes to a bounded queue of frames (the oldest dropped when full) that the link's writer thread
 * sends as the socket drains, so a slow subscriber never blocks the publisher. Each small frame is
 * this link's own copy in a direct buffer reused once written, so a steady stream of small messages
 * (joint states, commands) allocates nothing; a frame over 64 KiB (an image) is one array that all
 * subscribers' queues share, and no large array is held once written.
 */
final class OutboundLink {

    /** Frames up to this size are copied into reused buffers; larger ones are shared, not copied. */
    static final int MAX_SPARE_BYTES = 64 << 10;
    /** Written frame buffers kept for reuse. */
    private static final int SPARE_FRAMES = 4;
    private static final int MIN_FRAME_BYTES = 256;
    /** Most bytes of a shared frame handed to the kernel in one call (the JDK copies heap arrays). */
    private static final int WRITE_CHUNK_BYTES = 64 << 10;

    private final SocketChannel channel;
    private final String subscriber;
    private final int capacity;
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private final ArrayDeque<Frame> spare = new ArrayDeque<>();
    private final Runnable onClose;
    private final int id;
    /** The frame the socket has taken part of: it goes out whole before any other. */
    private Frame current;
    private volatile Selector selector;
    private boolean closed;
    private long dropped;

    /**
     * A link over {@code channel}, whose connection header is already answered; the channel is
     * switched to non-blocking mode.
     */
    OutboundLink(int id, SocketChannel channel, String subscriber, int capacity, Runnable onClose) throws IOException {
        this.id = id;
        this.channel = channel;
        this.subscriber = subscriber;
        this.capacity = Math.max(1, capacity);
        this.onClose = onClose;
        channel.configureBlocking(false);
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

    /** A frame: a buffer holding its length prefix and body, this link's own or wrapping a shared array. */
    private static final class Frame {
        final ByteBuffer buffer;
        final boolean own;

        Frame(ByteBuffer buffer, boolean own) {
            this.buffer = buffer;
            this.own = own;
        }
    }

    /**
     * Sends a copy of the frame in {@code frame[0, length)} (its little-endian length prefix
     * included), or queues it behind those not yet sent, dropping the oldest when full.
     */
    void send(byte[] frame, int length) {
        boolean failed;
        synchronized (this) {
            if (closed) {
                return;
            }
            Frame copy = spare.pollLast();
            if (copy == null || copy.buffer.capacity() < length) {
                int bytes = Math.max(length, Math.max(MIN_FRAME_BYTES, Math.min(2 * length, MAX_SPARE_BYTES)));
                copy = new Frame(ByteBuffer.allocateDirect(bytes), true);
            }
            copy.buffer.clear();
            copy.buffer.put(frame, 0, length).flip();
            failed = !offer(copy);
        }
        if (failed) {
            close();
        }
    }

    /** Sends a whole frame array that nobody changes again, or queues it, dropping the oldest when full. */
    void sendShared(byte[] frame) {
        boolean failed;
        synchronized (this) {
            if (closed) {
                return;
            }
            failed = !offer(new Frame(ByteBuffer.wrap(frame), false));
        }
        if (failed) {
            close();
        }
    }

    /** Writes the frame now when nothing is waiting, else queues it; false when the socket failed. */
    private boolean offer(Frame frame) {
        if (current != null || !queue.isEmpty()) {
            if (queue.size() >= capacity) {
                recycle(queue.pollFirst());
                dropped++;
            }
            queue.addLast(frame);
            return true;
        }
        try {
            if (write(frame)) {
                recycle(frame);
            } else {
                current = frame;
                notifyAll();
            }
            return true;
        } catch (IOException e) {
            // the subscriber went away; close() reports nothing: a subscriber leaving is normal
            return false;
        }
    }

    /** Hands the kernel as much of the frame as it takes now; true when all of it is written. */
    private boolean write(Frame frame) throws IOException {
        ByteBuffer b = frame.buffer;
        int end = b.limit();
        try {
            while (b.position() < end) {
                b.limit(Math.min(end, b.position() + WRITE_CHUNK_BYTES));
                if (channel.write(b) == 0) {
                    return false;
                }
            }
            return true;
        } finally {
            b.limit(end);
        }
    }

    private void recycle(Frame frame) {
        if (frame.own && frame.buffer.capacity() <= MAX_SPARE_BYTES && spare.size() < SPARE_FRAMES) {
            spare.addLast(frame);
        }
    }

    synchronized long dropped() {
        return dropped;
    }

    /** The writer thread: sends the queued frames as the socket drains, waiting for it to take more. */
    private void drain() {
        try (Selector s = Selector.open()) {
            selector = s;
            channel.register(s, SelectionKey.OP_WRITE);
            while (true) {
                synchronized (this) {
                    while (current == null && !closed) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                    while (current != null && write(current)) {
                        recycle(current);
                        current = queue.pollFirst();
                    }
                    if (current == null) {
                        notifyAll();
                        continue;
                    }
                }
                s.select();
                s.selectedKeys().clear();
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
        while (current != null && !closed) {
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
            current = null;
            queue.clear();
            notifyAll();
        }
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
        onClose.run();
    }
}
