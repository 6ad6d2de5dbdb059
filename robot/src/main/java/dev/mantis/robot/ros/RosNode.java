package dev.mantis.robot.ros;

import dev.mantis.robot.ros.master.MasterClient;
import dev.mantis.robot.ros.msg.Message;
import dev.mantis.robot.ros.msg.MessageType;
import dev.mantis.robot.ros.msg.RosTime;
import dev.mantis.robot.ros.msg.ServiceType;
import dev.mantis.robot.ros.msg.rosgraph_msgs.Clock;
import dev.mantis.robot.ros.msg.rosgraph_msgs.Log;
import dev.mantis.robot.ros.xmlrpc.XmlRpcClient;
import dev.mantis.robot.ros.xmlrpc.XmlRpcServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A ROS 1 node: registers with the master, serves the slave API over XML-RPC and TCPROS on its own
 * ports, and makes publishers, subscribers, service servers and clients. It logs to
 * {@code /rosout}, follows {@code /clock} when the parameter {@code /use_sim_time} is true, and
 * re-registers everything when the master restarts: it keeps a connection to the master open and
 * checks the master's pid as soon as that connection closes, at least every
 * {@value #MASTER_IDLE_CHECK_MILLIS} ms, and every {@value #MASTER_CHECK_MILLIS} ms while the
 * master is unreachable. Protocol problems with peers (wrong MD5 sum, malformed messages or
 * headers, XML-RPC faults) drop that connection and are reported to the problem listeners; the
 * node keeps serving.
 *
 * <pre>{@code
 * try (RosNode node = RosNode.start(RosNodeConfig.fromEnvironment("arm_bridge", List.of(args)))) {
 *     Publisher<JointState> pub = node.publisher("joint_states", JointState.TYPE, false, 10);
 *     node.subscribe("command", Float64MultiArray.TYPE, msg -> apply(msg.data), 1);
 * }
 * }</pre>
 */
public final class RosNode implements AutoCloseable {

    /**
     * Least time between two checks whether the master restarted, and the time between checks
     * while it is unreachable or closes its connection after each call, in milliseconds.
     */
    public static final int MASTER_CHECK_MILLIS = 250;
    /** Longest time between two checks while the master keeps its connection open, in milliseconds. */
    public static final int MASTER_IDLE_CHECK_MILLIS = 2000;

    private final RosNodeConfig config;
    private final XmlRpcClient xmlrpc;
    private final MasterClient master;
    private final XmlRpcServer slave;
    private final TcpRosServer tcpros;
    private final URI uri;
    private final Parameters params;
    private final Map<String, Publisher<?>> publishers = new ConcurrentHashMap<>();
    private final Map<String, List<Subscriber<?>>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, ServiceServer<?, ?>> services = new ConcurrentHashMap<>();
    private final List<Consumer<String>> problemListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> shutdownListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final MasterWatch masterWatch;
    private final Thread masterWatchThread;
    private final Publisher<Log> rosout;
    private volatile RosTime simTime;
    private volatile boolean closed;
    private int masterPid;
    private boolean masterDown;

    private RosNode(RosNodeConfig config) throws IOException {
        this.config = config;
        this.xmlrpc = new XmlRpcClient(config.timeoutMillis());
        this.master = new MasterClient(config.masterUri(), config.nodeName(), xmlrpc);
        this.tcpros = new TcpRosServer(this);
        this.slave = new XmlRpcServer(new InetSocketAddress(0), new SlaveApi(this), this::problem);
        this.uri = URI.create("http://" + config.host() + ":" + slave.port() + "/");
        this.params = new Parameters(this);
        this.masterPid = master.getPid();
        this.rosout = publisher("/rosout", Log.TYPE, false, 100);
        if (Boolean.TRUE.equals(params.get("/use_sim_time", false))) {
            simTime = RosTime.ZERO;
            subscribe("/clock", Clock.TYPE, c -> simTime = c.clock, 1);
        }
        this.masterWatch = new MasterWatch(config.masterUri(), config.nodeName(), config.timeoutMillis());
        this.masterWatchThread = new Thread(this::watchMaster, "ros-master-watch" + config.nodeName());
        masterWatchThread.setDaemon(true);
        masterWatchThread.start();
    }

    /**
     * Starts a node and checks that the master answers.
     *
     * @throws RosException when the master cannot be reached (the message names its URI)
     */
    public static RosNode start(RosNodeConfig config) {
        try {
            return new RosNode(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ROS node's ports: " + e.getMessage(), e);
        }
    }

    /** The node's full name, e.g. {@code /arm_bridge}. */
    public String name() {
        return config.nodeName();
    }

    /** The node's namespace. */
    public String namespace() {
        return config.names().namespace();
    }

    /** The node's configuration. */
    public RosNodeConfig config() {
        return config;
    }

    /** The master's URI. */
    public URI masterUri() {
        return config.masterUri();
    }

    /** This node's slave API URI. */
    public URI uri() {
        return uri;
    }

    /** The master API, called as this node. */
    public MasterClient master() {
        return master;
    }

    /** The parameter server. */
    public Parameters params() {
        return params;
    }

    /** A name resolved in this node's namespace and remapped. */
    public String resolveName(String name) {
        return config.names().resolve(name);
    }

    /** Registers a listener told about every problem with a peer (one line each). */
    public void onProblem(Consumer<String> listener) {
        problemListeners.add(listener);
    }

    /** Registers a listener called when the master or a peer asks this node to shut down. */
    public void onShutdownRequest(Consumer<String> listener) {
        shutdownListeners.add(listener);
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The current ROS time: the last {@code /clock} message when {@code /use_sim_time} was true at
     * start (zero until the first arrives), else the wall clock.
     */
    public RosTime now() {
        RosTime sim = simTime;
        if (sim != null) {
            return sim;
        }
        Instant t = Instant.now();
        return new RosTime((int) t.getEpochSecond(), t.getNano());
    }

    /** True when the node follows {@code /clock}. */
    public boolean usesSimTime() {
        return simTime != null;
    }

    /**
     * Advertises a topic.
     *
     * @param topic name, resolved and remapped
     * @param latch send the last message to each new subscriber
     * @param queueSize messages queued per subscriber before the oldest is dropped
     * @throws RosException when the master refuses or this node already publishes the topic
     */
    public <T extends Message> Publisher<T> publisher(String topic, MessageType<T> type, boolean latch, int queueSize) {
        String name = resolveName(topic);
        Publisher<T> publisher = new Publisher<>(this, name, type, latch, queueSize);
        if (publishers.putIfAbsent(name, publisher) != null) {
            throw new RosException("node " + name() + " already publishes " + name + "; share that publisher");
        }
        try {
            master.registerPublisher(name, type.name(), uri.toString());
        } catch (RosException e) {
            publishers.remove(name);
            throw e;
        }
        return publisher;
    }

    /**
     * Subscribes to a topic.
     *
     * @param listener called on the subscription's thread with each message
     * @param queueSize messages kept while the listener is busy before the oldest is dropped
     */
    public <T extends Message> Subscriber<T> subscribe(String topic, MessageType<T> type, MessageListener<T> listener,
            int queueSize) {
        String name = resolveName(topic);
        Subscriber<T> subscriber = new Subscriber<>(this, name, type, listener, queueSize);
        subscribers.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(subscriber);
        try {
            subscriber.updatePublishers(master.registerSubscriber(name, type.name(), uri.toString()));
        } catch (RosException e) {
            subscriber.close();
            throw e;
        }
        return subscriber;
    }

    /** Provides a service. */
    public <Q extends Message, R extends Message> ServiceServer<Q, R> serviceServer(String service,
            ServiceType<Q, R> type, ServiceHandler<Q, R> handler) {
        String name = resolveName(service);
        ServiceServer<Q, R> server = new ServiceServer<>(this, name, type, handler);
        if (services.putIfAbsent(name, server) != null) {
            throw new RosException("node " + name() + " already provides " + name);
        }
        try {
            master.registerService(name, serviceUri(), uri.toString());
        } catch (RosException e) {
            services.remove(name);
            throw e;
        }
        return server;
    }

    /** A client of a service (looked up at each call). */
    public <Q extends Message, R extends Message> ServiceClient<Q, R> serviceClient(String service, ServiceType<Q, R> type) {
        return new ServiceClient<>(this, resolveName(service), type);
    }

    /** Publishes a line on {@code /rosout} at a level of {@link Log} (DEBUG, INFO, WARN, ERROR, FATAL). */
    public void log(byte level, String text) {
        if (closed) {
            return;
        }
        Log log = new Log();
        log.header.stamp = now();
        log.level = level;
        log.name = name();
        log.msg = text;
        log.topics = publishers.keySet().toArray(new String[0]);
        rosout.publish(log);
    }

    /** {@link #log} at INFO. */
    public void logInfo(String text) {
        log(Log.INFO, text);
    }

    /** {@link #log} at WARN. */
    public void logWarn(String text) {
        log(Log.WARN, text);
    }

    /** {@link #log} at ERROR. */
    public void logError(String text) {
        log(Log.ERROR, text);
    }

    /** Unregisters everything from the master (best effort) and closes all connections. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        masterWatch.close();
        masterWatchThread.interrupt();
        for (List<Subscriber<?>> list : subscribers.values()) {
            for (Subscriber<?> s : list) {
                s.close();
            }
        }
        for (ServiceServer<?, ?> s : new ArrayList<>(services.values())) {
            s.close();
        }
        for (Publisher<?> p : new ArrayList<>(publishers.values())) {
            p.close();
        }
        tcpros.close();
        slave.close();
    }

    // ---- used by the node's parts ----

    XmlRpcClient xmlrpc() {
        return xmlrpc;
    }

    int tcpPort() {
        return tcpros.port();
    }

    int nextConnectionId() {
        return connectionIds.incrementAndGet();
    }

    private String serviceUri() {
        return "rosrpc://" + config.host() + ":" + tcpros.port();
    }

    void problem(String line) {
        if (problemListeners.isEmpty()) {
            System.err.println("[ros " + name() + "] " + line);
        }
        for (Consumer<String> l : problemListeners) {
            l.accept(line);
        }
        if (!closed && rosout != null) {
            try {
                log(Log.ERROR, line);
            } catch (RuntimeException e) {
                // logging must not fail the caller
            }
        }
    }

    void shutdownRequested(String reason) {
        for (Consumer<String> l : shutdownListeners) {
            l.accept(reason);
        }
    }

    Publisher<?> publisherFor(String topic) {
        return publishers.get(topic);
    }

    ServiceServer<?, ?> serviceFor(String service) {
        return services.get(service);
    }

    boolean publishes(String topic) {
        return publishers.containsKey(topic);
    }

    void publisherUpdate(String topic, List<String> uris) {
        for (Subscriber<?> s : subscribers.getOrDefault(topic, List.of())) {
            s.updatePublishers(uris);
        }
    }

    /** Connections open now (to subscribers of its topics and from publishers it listens to). */
    public int connectionCount() {
        return busInfo().size();
    }

    List<BusLink> busInfo() {
        List<BusLink> out = new ArrayList<>();
        publishers.values().forEach(p -> out.addAll(p.busInfo()));
        subscribers.values().forEach(list -> list.forEach(s -> out.addAll(s.busInfo())));
        return out;
    }

    List<List<String>> publications() {
        List<List<String>> out = new ArrayList<>();
        publishers.values().forEach(p -> out.add(List.of(p.topic(), p.type().name())));
        return out;
    }

    List<List<String>> subscriptions() {
        List<List<String>> out = new ArrayList<>();
        subscribers.forEach((topic, list) -> {
            if (!list.isEmpty()) {
                out.add(List.of(topic, list.get(0).type().name()));
            }
        });
        return out;
    }

    void removePublisher(Publisher<?> publisher) {
        if (publishers.remove(publisher.topic(), publisher)) {
            try {
                master.unregisterPublisher(publisher.topic(), uri.toString());
            } catch (RosException e) {
                // the master is gone: nothing to unregister from
            }
        }
    }

    void removeSubscriber(Subscriber<?> subscriber) {
        List<Subscriber<?>> list = subscribers.get(subscriber.topic());
        if (list != null && list.remove(subscriber) && list.isEmpty()) {
            subscribers.remove(subscriber.topic(), list);
            try {
                master.unregisterSubscriber(subscriber.topic(), uri.toString());
            } catch (RosException e) {
                // the master is gone: nothing to unregister from
            }
        }
    }

    void removeService(ServiceServer<?, ?> server) {
        if (services.remove(server.service(), server)) {
            try {
                master.unregisterService(server.service(), serviceUri());
            } catch (RosException e) {
                // the master is gone: nothing to unregister from
            }
        }
    }

    /** The master watch thread: checks the master whenever its connection closes, and now and then. */
    private void watchMaster() {
        long checked = System.nanoTime();
        while (!closed) {
            if (!masterDown) {
                masterWatch.awaitClose(MASTER_IDLE_CHECK_MILLIS);
            }
            long left = MASTER_CHECK_MILLIS - (System.nanoTime() - checked) / 1_000_000;
            if (left > 0) {
                try {
                    Thread.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (closed) {
                return;
            }
            checked = System.nanoTime();
            checkMaster();
        }
    }

    private void checkMaster() {
        int pid;
        try {
            pid = masterWatch.getPid();
        } catch (RuntimeException e) {
            masterDown = true;
            return;
        }
        if (masterDown || pid != masterPid) {
            try {
                reregister();
                masterPid = pid;
                masterDown = false;
                logInfo("re-registered with the ROS master at " + masterUri() + " (it restarted)");
            } catch (RuntimeException e) {
                masterDown = true;
            }
        }
    }

    private void reregister() {
        for (Publisher<?> p : publishers.values()) {
            master.registerPublisher(p.topic(), p.type().name(), uri.toString());
        }
        for (Map.Entry<String, List<Subscriber<?>>> e : subscribers.entrySet()) {
            if (!e.getValue().isEmpty()) {
                List<String> uris = master.registerSubscriber(e.getKey(), e.getValue().get(0).type().name(), uri.toString());
                publisherUpdate(e.getKey(), uris);
            }
        }
        for (ServiceServer<?, ?> s : services.values()) {
            master.registerService(s.service(), serviceUri(), uri.toString());
        }
        for (String key : params.subscribedKeys()) {
            master.subscribeParam(uri.toString(), key.substring(0, key.length() - 1));
        }
    }
}
