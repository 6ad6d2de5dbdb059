package dev.mantis.launch.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mantis.launch.InputException;
import dev.mantis.robot.ros.Publisher;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.master.SystemState;
import dev.mantis.robot.ros.master.TopicType;
import dev.mantis.robot.ros.msg.JsonMessage;
import dev.mantis.robot.ros.msg.JsonMessageCodec;
import dev.mantis.robot.ros.msg.MessageFormatException;
import dev.mantis.robot.ros.msg.MessageType;
import dev.mantis.robot.ros.msg.MessageTypes;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mantis ros topic}: list, info, echo, pub and hz, like rostopic. */
@Command(name = "topic", mixinStandardHelpOptions = true, description = "Topics of the ROS graph, like rostopic.",
        footer = {"", "Examples:", "  mantis ros topic info /joint_states",
            "  mantis ros topic echo /joint_states --count 5 --json",
            "  mantis ros topic pub /cmd std_msgs/Float64MultiArray '{\"data\": [0.1, 0.2]}' --rate 10 --count 50",
            "  mantis ros topic hz /joint_states --count 200"})
public final class RosTopicCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb; see 'mantis ros topic --help'");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Topics with a publisher or subscriber.")
    int list(@Mixin MasterOption master,
            @Option(names = {"-v", "--verbose"}, description = "Also print each topic's type.") boolean verbose) {
        try (RosNode node = master.start()) {
            SystemState state = node.master().getSystemState();
            TreeSet<String> topics = new TreeSet<>(state.publishers().keySet());
            topics.addAll(state.subscribers().keySet());
            Map<String, String> types = verbose ? types(node) : Map.of();
            for (String t : topics) {
                out().println(verbose ? t + " " + types.getOrDefault(t, "?") : t);
            }
        }
        out().flush();
        return 0;
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "A topic's type, publishers and subscribers.")
    int info(@Mixin MasterOption master, @Parameters(paramLabel = "TOPIC") String topic) {
        try (RosNode node = master.start()) {
            String name = node.resolveName(topic);
            SystemState state = node.master().getSystemState();
            List<String> pubs = state.publishers().getOrDefault(name, List.of());
            List<String> subs = state.subscribers().getOrDefault(name, List.of());
            if (pubs.isEmpty() && subs.isEmpty()) {
                throw new InputException("topic " + name + " has no publishers or subscribers; see 'mantis ros topic list'");
            }
            PrintWriter out = out();
            out.println("Type: " + types(node).getOrDefault(name, "?"));
            out.println();
            out.println("Publishers:" + (pubs.isEmpty() ? " None" : ""));
            for (String n : pubs) {
                out.println(" * " + n + " (" + uri(node, n) + ")");
            }
            out.println();
            out.println("Subscribers:" + (subs.isEmpty() ? " None" : ""));
            for (String n : subs) {
                out.println(" * " + n + " (" + uri(node, n) + ")");
            }
        }
        out().flush();
        return 0;
    }

    @Command(name = "echo", mixinStandardHelpOptions = true,
            description = "Print a topic's messages (field names as in the .msg definition).")
    int echo(@Mixin MasterOption master, @Parameters(paramLabel = "TOPIC") String topic,
            @Option(names = "--count", paramLabel = "N", description = "Stop after N messages.") Integer count,
            @Option(names = "--json", description = "One JSON object per line instead of indented blocks.") boolean json,
            @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "0",
                    description = "Give up when no message arrives for this long (0: wait forever).") double timeout)
            throws IOException, InterruptedException {
        try (RosNode node = master.start()) {
            String name = node.resolveName(topic);
            MessageType<JsonMessage> type = jsonType(typeOf(node, name));
            BlockingQueue<JsonMessage> received = new LinkedBlockingQueue<>();
            node.subscribe(name, type, received::add, 1000);
            ObjectMapper printer = json ? JSON : JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);
            for (int n = 0; count == null || n < count; n++) {
                JsonMessage m = timeout > 0 ? received.poll((long) (timeout * 1e3), TimeUnit.MILLISECONDS) : received.take();
                if (m == null) {
                    throw new InputException("no message on " + name + " within " + timeout + " s");
                }
                out().println(printer.writeValueAsString(m.json()));
                if (!json) {
                    out().println("---");
                }
                out().flush();
            }
        }
        return 0;
    }

    @Command(name = "pub", mixinStandardHelpOptions = true,
            description = "Publish a message given as JSON (field names as in the .msg; missing fields are zero).")
    int pub(@Mixin MasterOption master, @Parameters(index = "0", paramLabel = "TOPIC") String topic,
            @Parameters(index = "1", paramLabel = "TYPE") String typeName,
            @Parameters(index = "2", paramLabel = "JSON") String body,
            @Option(names = "--rate", paramLabel = "HZ", description = "Publish repeatedly at this rate.") Double rate,
            @Option(names = "--count", paramLabel = "N",
                    description = "Messages to publish (default 1, or until stopped with --rate).") Integer count,
            @Option(names = "--latch", description = "Latch: subscribers that connect later get the last message, "
                    + "for --linger seconds after it (default: until stopped).") boolean latch,
            @Option(names = "--linger", paramLabel = "SECONDS",
                    description = "With --latch: how long to keep serving the last message.") Double linger,
            @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "3",
                    description = "Before the first message, wait this long for the topic's known subscribers to connect.")
            double wait) throws InterruptedException {
        MessageType<JsonMessage> type = jsonType(typeName);
        JsonMessage message = type.create();
        try {
            message.json(JSON.readTree(body));
            type.toBytes(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException("message for " + topic + " is not JSON: " + e.getOriginalMessage());
        } catch (MessageFormatException e) {
            throw new InputException("message for " + topic + " does not fit " + typeName + ": " + e.getMessage());
        }
        if (rate != null && !(rate > 0)) {
            throw new InputException("--rate must be positive, got " + rate);
        }
        int n = count != null ? count : rate == null ? 1 : Integer.MAX_VALUE;
        try (RosNode node = master.start()) {
            Publisher<JsonMessage> pub = node.publisher(topic, type, latch, 100);
            int expected = node.master().getSystemState().subscribers().getOrDefault(pub.topic(), List.of()).size();
            long deadline = System.nanoTime() + (long) (wait * 1e9);
            while (pub.subscriberCount() < expected && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            long periodNanos = rate == null ? 0 : (long) (1e9 / rate);
            long next = System.nanoTime();
            for (int i = 0; i < n; i++) {
                pub.publish(message);
                if (i + 1 < n && periodNanos > 0) {
                    next += periodNanos;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        TimeUnit.NANOSECONDS.sleep(sleep);
                    }
                }
            }
            pub.awaitSent(Duration.ofSeconds(5));
            out().println("published " + n + " message" + (n == 1 ? "" : "s") + " on " + pub.topic());
            out().flush();
            if (latch) {
                if (linger == null) {
                    out().println("latched; Ctrl-C to stop");
                    out().flush();
                    new java.util.concurrent.CountDownLatch(1).await();
                }
                TimeUnit.MILLISECONDS.sleep((long) (linger * 1e3));
            }
        }
        return 0;
    }

    @Command(name = "hz", mixinStandardHelpOptions = true, description = "Measure a topic's publishing rate.")
    int hz(@Mixin MasterOption master, @Parameters(paramLabel = "TOPIC") String topic,
            @Option(names = "--count", paramLabel = "N", defaultValue = "100",
                    description = "Measure over N messages, then print the rate and stop.") int count,
            @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
                    description = "Give up when no message arrives for this long.") double timeout)
            throws InterruptedException {
        if (count < 2) {
            throw new InputException("--count must be at least 2 to measure a rate, got " + count);
        }
        try (RosNode node = master.start()) {
            String name = node.resolveName(topic);
            MessageType<JsonMessage> type = jsonType(typeOf(node, name));
            BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
            node.subscribe(name, type, m -> arrivals.add(System.nanoTime()), 10_000);
            long[] t = new long[count];
            for (int i = 0; i < count; i++) {
                Long at = arrivals.poll((long) (timeout * 1e3), TimeUnit.MILLISECONDS);
                if (at == null) {
                    throw new InputException("no message on " + name + " within " + timeout + " s (got " + i + ")");
                }
                t[i] = at;
            }
            double mean = (t[count - 1] - t[0]) / 1e9 / (count - 1);
            double min = Double.MAX_VALUE;
            double max = 0;
            double var = 0;
            for (int i = 1; i < count; i++) {
                double d = (t[i] - t[i - 1]) / 1e9;
                min = Math.min(min, d);
                max = Math.max(max, d);
                var += (d - mean) * (d - mean);
            }
            out().printf("average rate: %.3f Hz%n\tmin: %.6f s max: %.6f s std dev: %.6f s window: %d%n",
                    1 / mean, min, max, Math.sqrt(var / (count - 1)), count);
        }
        out().flush();
        return 0;
    }

    /** The message type of a topic as the master knows it. */
    static String typeOf(RosNode node, String topic) {
        String type = types(node).get(topic);
        if (type == null) {
            throw new InputException("topic " + topic + " is unknown to the master; see 'mantis ros topic list'");
        }
        return type;
    }

    private static Map<String, String> types(RosNode node) {
        Map<String, String> types = new java.util.HashMap<>();
        for (TopicType t : node.master().getTopicTypes()) {
            types.put(t.topic(), t.type());
        }
        return types;
    }

    private static String uri(RosNode node, String nodeName) {
        try {
            return node.master().lookupNode(nodeName);
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** The JSON form of a message type generated into Mantis. */
    static MessageType<JsonMessage> jsonType(String name) {
        if (MessageTypes.message(name) == null) {
            throw new InputException("message type '" + name + "' is not among Mantis's message types: "
                    + String.join(", ", MessageTypes.messageNames()));
        }
        return JsonMessage.type(JsonMessageCodec.builtIn(), name);
    }

    /** Parses a JSON argument. */
    static JsonNode parseJson(String what, String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new InputException(what + " is not JSON: " + text);
        }
    }
}
