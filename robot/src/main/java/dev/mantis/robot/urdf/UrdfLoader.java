package dev.mantis.robot.urdf;

import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.Link;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.model.RobotModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xml.sax.InputSource;

/**
 * Loads URDF robot descriptions into immutable {@link RobotModel}s. Every problem is reported as
 * a {@link UrdfException} naming the file, the line and the fix; mesh files that cannot be found
 * become warnings on the model instead, since kinematics does not need them.
 *
 * <p>Unknown elements ({@code <gazebo>}, {@code <transmission>}, {@code <ros2_control>}, ...) and
 * unknown attributes are ignored. A DOCTYPE is refused.
 */
public final class UrdfLoader {

    private final MeshResolver meshes;

    /** A loader that finds mesh files with {@code meshes}. */
    public UrdfLoader(MeshResolver meshes) {
        this.meshes = meshes;
    }

    /** Loads a URDF file; relative mesh names resolve against its directory first. */
    public RobotModel load(Path file) {
        String label = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UrdfException(label, 0, "cannot read the file (" + e + "); check the path");
        }
        Path baseDir = file.toAbsolutePath().normalize().getParent();
        return build(inputOf(bytes), new UrdfSource(label, baseDir), label);
    }

    /**
     * Loads a URDF from a URL, for example a classpath resource inside a jar. Relative mesh names
     * resolve against the search path only. Messages name a {@code jar:} resource by its path in
     * the jar ({@code mantis/robots/panda/panda.urdf}) and any other URL in full.
     */
    public RobotModel load(URL url) {
        String label = labelOf(url);
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UrdfException(label, 0, "cannot read the resource (" + e + "); check the URL");
        }
        return build(inputOf(bytes), new UrdfSource(label, null), url.toString());
    }

    /**
     * Parses URDF text. {@code sourceName} names it in messages; relative mesh names resolve
     * against {@code baseDirOrNull} first when it is not null.
     */
    public RobotModel parse(String xml, String sourceName, Path baseDirOrNull) {
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml; // a byte-order mark left by a decoder
        return build(new InputSource(new StringReader(text)), new UrdfSource(sourceName, baseDirOrNull), sourceName);
    }

    private static InputSource inputOf(byte[] bytes) {
        return new InputSource(new ByteArrayInputStream(bytes));
    }

    /** The name of a URL in messages: the path inside a jar, or the whole URL. */
    static String labelOf(URL url) {
        String s = url.toString();
        int bang = s.lastIndexOf("!/");
        return url.getProtocol().equals("jar") && bang >= 0 ? s.substring(bang + 2) : s;
    }

    private RobotModel build(InputSource input, UrdfSource source, String modelSource) {
        XmlElement robot = new XmlTreeReader(source.label()).read(input);
        if (!robot.name().equals("robot")) {
            throw source.error(robot, "root element is <" + robot.name() + ">, not <robot>; a URDF file holds one"
                    + " <robot name=\"...\"> element");
        }
        String name = robot.attribute("name").filter(n -> !n.isBlank()).orElseThrow(() -> source.error(robot,
                "<robot> has no name; add name=\"...\""));
        if (robot.children("link").isEmpty()) {
            throw source.error(robot, "robot '" + name + "' has no <link>; declare at least one <link name=\"...\">");
        }
        UrdfNumbers numbers = new UrdfNumbers(source);
        MaterialMapper materialMapper = new MaterialMapper(source, numbers);
        Map<String, Material> materials = materialMapper.topLevel(robot);
        UrdfStructure structure = new UrdfStructure(source);

        Map<String, XmlElement> linkElements = structure.declarations(robot.children("link"), "link");
        GeometryMapper geometry = new GeometryMapper(source, numbers, meshes);
        LinkMapper linkMapper = new LinkMapper(source, numbers, materialMapper, materials, geometry);
        List<Link> links = new ArrayList<>();
        linkElements.forEach((linkName, e) -> links.add(linkMapper.map(e, linkName)));

        Map<String, XmlElement> jointElements = structure.declarations(robot.children("joint"), "joint");
        JointMapper jointMapper = new JointMapper(source, numbers);
        List<Joint> joints = new ArrayList<>();
        jointElements.forEach((jointName, e) -> joints.add(jointMapper.map(e, jointName)));

        structure.checkTree(linkElements, joints, jointElements);
        structure.checkMimics(joints, jointElements);
        return new RobotModel(name, modelSource, links, joints, materials, geometry.warnings());
    }
}
