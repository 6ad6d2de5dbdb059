package dev.mantis.launch.ros;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.launch.InputException;
import dev.mantis.robot.ros.RosException;
import dev.mantis.robot.ros.RosNode;
import dev.mantis.robot.ros.ServiceClient;
import dev.mantis.robot.ros.msg.JsonMessage;
import dev.mantis.robot.ros.msg.JsonMessageCodec;
import dev.mantis.robot.ros.msg.MessageFormatException;
import dev.mantis.robot.ros.msg.MessageTypes;
import dev.mantis.robot.ros.msg.ServiceType;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mantis ros service}: list and call services, like rosservice. */
@Command(name = "service", mixinStandardHelpOptions = true, description = "Services of the ROS graph, like rosservice.",
        footer = {"", "Examples:", "  mantis ros service list", "  mantis ros service call /arm/enable '{\"data\": true}'"})
public final class RosServiceCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb; see 'mantis ros service --help'");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Services and the nodes providing them.")
    int list(@Mixin MasterOption master) {
        try (RosNode node = master.start()) {
            PrintWriter out = spec.commandLine().getOut();
            for (String s : new TreeSet<>(node.master().getSystemState().services().keySet())) {
                out.println(s);
            }
            out.flush();
        }
        return 0;
    }

    @Command(name = "call", mixinStandardHelpOptions = true,
            description = "Call a service with a JSON request (field names as in the .srv; missing fields are zero) "
                    + "and print the response as JSON.")
    int call(@Mixin MasterOption master, @Parameters(index = "0", paramLabel = "SERVICE") String service,
            @Parameters(index = "1", paramLabel = "JSON", defaultValue = "{}") String request) throws Exception {
        try (RosNode node = master.start()) {
            ServiceClient<JsonMessage, JsonMessage> probe;
            Map<String, String> header;
            try {
                header = node.serviceClient(service, probeType()).probe();
            } catch (RosException e) {
                throw new InputException(e.getMessage());
            }
            String typeName = header.get("type");
            ServiceType<?, ?> known = typeName == null ? null : MessageTypes.service(typeName);
            if (known == null) {
                throw new InputException("service " + service + " has type '" + typeName
                        + "', which is not among Mantis's service types: " + String.join(", ", MessageTypes.serviceNames()));
            }
            JsonMessageCodec codec = JsonMessageCodec.builtIn();
            ServiceType<JsonMessage, JsonMessage> type = new ServiceType<>(known.name(), known.md5(),
                    JsonMessage.type(codec, known.request().name()), JsonMessage.type(codec, known.response().name()));
            probe = node.serviceClient(service, type);
            JsonMessage q = type.request().create().json(RosTopicCommand.parseJson("request for " + service, request));
            JsonMessage r;
            try {
                r = probe.call(q);
            } catch (MessageFormatException e) {
                throw new InputException("request for " + service + " does not fit " + known.request().name() + ": "
                        + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(JSON.writeValueAsString(r.json()));
            out.flush();
        }
        return 0;
    }

    private static ServiceType<JsonMessage, JsonMessage> probeType() {
        JsonMessageCodec codec = JsonMessageCodec.builtIn();
        return new ServiceType<>("*", "*", JsonMessage.type(codec, "std_msgs/Empty"), JsonMessage.type(codec, "std_msgs/Empty"));
    }
}
