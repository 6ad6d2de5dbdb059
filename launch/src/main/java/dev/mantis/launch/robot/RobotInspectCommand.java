package dev.mantis.launch.robot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mantis.robot.kinematics.KinematicTree;
import dev.mantis.robot.kinematics.KinematicsWorkspace;
import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.RobotModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mantis robot inspect}: tree, degrees of freedom, limits and link poses of a robot. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a robot's link tree, degrees of freedom, joint limits and the pose of every link "
                + "in the root link's frame.",
        footer = {"", "Examples:", "  mantis robot inspect panda --q panda_joint2=-0.3,panda_joint4=-2.0",
            "  mantis robot inspect path/to/robot.urdf --package-path ~/ws/src --json"})
public final class RobotInspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE|ID", description = "A URDF file or a bundled robot id "
            + "(panda, ur5e, allegro_right).")
    String robot;

    @Option(names = "--q", split = ",", paramLabel = "NAME=VALUE",
            description = "Joint values in radians or metres; unnamed joints are 0, mimic joints follow.")
    List<String> q = new ArrayList<>();

    @Option(names = "--package-path", paramLabel = "DIR",
            description = "Directory to search for package:// and relative meshes (repeatable; "
                    + "ROS_PACKAGE_PATH is searched after these).")
    List<Path> packagePath = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RobotModel model = RobotSource.load(robot, packagePath, System.getenv("ROS_PACKAGE_PATH"));
        KinematicTree tree = KinematicTree.of(model);
        double[] config = JointAssignments.parse(q, tree);
        KinematicsWorkspace ws = tree.newWorkspace();
        tree.forward(config, ws);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String w : model.warnings()) {
            err.println("warning: " + w);
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(jsonReport(model, tree, ws)));
        } else {
            new InspectText(model, tree, ws, config).print(out);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> jsonReport(RobotModel model, KinematicTree tree, KinematicsWorkspace ws) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("robot", model.name());
        root.put("dof", tree.dof());
        List<Map<String, Object>> joints = new ArrayList<>();
        for (Joint j : model.joints()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", j.name());
            o.put("type", j.type().urdfName());
            o.put("parent", j.parent());
            o.put("child", j.child());
            o.put("lower", finiteOrNull(j.limits().lower()));
            o.put("upper", finiteOrNull(j.limits().upper()));
            o.put("velocity", finiteOrNull(j.limits().velocity()));
            o.put("effort", finiteOrNull(j.limits().effort()));
            o.put("mimic", j.mimic().map(m -> {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("joint", m.joint());
                mm.put("multiplier", m.multiplier());
                mm.put("offset", m.offset());
                return (Object) mm;
            }).orElse(null));
            joints.add(o);
        }
        root.put("joints", joints);
        Map<String, Object> links = new LinkedHashMap<>();
        double[] pose = new double[12];
        for (int l = 0; l < tree.linkCount(); l++) {
            ws.copyPose(l, pose, 0);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("xyz", new double[] {pose[9], pose[10], pose[11]});
            o.put("R", java.util.Arrays.copyOf(pose, 9));
            links.put(tree.linkName(l), o);
        }
        root.put("links", links);
        return root;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
