package dev.mantis.launch.ros;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.launch.InputException;
import dev.mantis.robot.ros.RosNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mantis ros param}: get, set and list parameters, like rosparam; values are JSON. */
@Command(name = "param", mixinStandardHelpOptions = true, description = "The ROS parameter server, like rosparam.",
        footer = {"", "Examples:", "  mantis ros param set /arm/gains '{\"kp\": 120.0, \"kd\": 8}'",
            "  mantis ros param get /arm/gains/kp", "  mantis ros param list /arm"})
public final class RosParamCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing verb; see 'mantis ros param --help'");
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print a parameter (a namespace as an object) as JSON.")
    int get(@Mixin MasterOption master, @Parameters(paramLabel = "KEY") String key) throws Exception {
        try (RosNode node = master.start()) {
            String full = node.resolveName(key);
            if (!node.params().has(full)) {
                throw new InputException("parameter " + full + " is not set; see 'mantis ros param list'");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(JSON.writeValueAsString(node.params().get(full)));
            out.flush();
        }
        return 0;
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a parameter to a JSON value (text that is not JSON is set as a string).")
    int set(@Mixin MasterOption master, @Parameters(index = "0", paramLabel = "KEY") String key,
            @Parameters(index = "1", paramLabel = "VALUE") String value) {
        Object parsed;
        try {
            parsed = toXmlRpc(JSON.readTree(value), key);
        } catch (java.io.IOException e) {
            parsed = value;
        }
        try (RosNode node = master.start()) {
            node.params().set(key, parsed);
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Parameter names, optionally under a namespace.")
    int list(@Mixin MasterOption master, @Parameters(paramLabel = "NAMESPACE", arity = "0..1") String namespace) {
        try (RosNode node = master.start()) {
            String prefix = namespace == null ? "/" : node.resolveName(namespace);
            PrintWriter out = spec.commandLine().getOut();
            for (String name : new TreeSet<>(node.params().names())) {
                if (prefix.equals("/") || name.equals(prefix) || name.startsWith(prefix + "/")) {
                    out.println(name);
                }
            }
            out.flush();
        }
        return 0;
    }

    /** A JSON value as the XML-RPC value the parameter server stores. */
    static Object toXmlRpc(JsonNode v, String where) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToInt()) {
                throw new InputException(where + ": integer " + v + " does not fit ROS parameters' 32 bits");
            }
            return v.intValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode e : v) {
                list.add(toXmlRpc(e, where));
            }
            return list;
        }
        if (v.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                map.put(e.getKey(), toXmlRpc(e.getValue(), where + "/" + e.getKey()));
            }
            return map;
        }
        throw new InputException(where + ": ROS parameters cannot hold null");
    }
}
