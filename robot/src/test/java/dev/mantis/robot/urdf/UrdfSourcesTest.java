package dev.mantis.robot.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.RobotModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading from a path, a URL (a classpath resource in a jar) or a string, and how each names the file. */
class UrdfSourcesTest {

    private static final String ROBOT = "<?xml version=\"1.0\"?>\n"
            + "<robot name=\"one\">\n"
            + "  <link name=\"base\">\n"
            + "    <visual><geometry><mesh filename=\"meshes/part.stl\"/></geometry></visual>\n"
            + "  </link>\n"
            + "</robot>\n";

    private static final String BAD = "<?xml version=\"1.0\"?>\n"
            + "<robot name=\"one\">\n"
            + "  <link name=\"base\"><inertial><mass value=\"-1\"/>"
            + "<inertia ixx=\"1\" ixy=\"0\" ixz=\"0\" iyy=\"1\" iyz=\"0\" izz=\"1\"/></inertial></link>\n"
            + "</robot>\n";

    @TempDir
    Path tmp;

    private Path jarWith(String entry, String text) throws IOException {
        Path jar = tmp.resolve("robots.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry(entry));
            j.write(text.getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    private static URL jarUrl(Path jar, String entry) throws IOException {
        return new URL("jar:" + jar.toUri() + "!/" + entry);
    }

    private Path meshRoot() throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("meshes"));
        Files.writeString(root.resolve("meshes/part.stl"), "solid part\nendsolid part\n");
        return root;
    }

    @Test
    void aJarResourceIsNamedByItsPathInTheJarAndRelativeMeshesUseOnlyTheSearchPath() throws IOException {
        Path root = meshRoot();
        Path jar = jarWith("mantis/robots/one/one.urdf", ROBOT);
        URL url = jarUrl(jar, "mantis/robots/one/one.urdf");

        RobotModel found = new UrdfLoader(new MeshResolver(List.of(root))).load(url);
        assertEquals(url.toString(), found.source());
        Geometry.Mesh mesh = (Geometry.Mesh) found.rootLink().visuals().get(0).geometry();
        assertEquals(Optional.of(root.resolve("meshes/part.stl").toAbsolutePath().normalize()), mesh.resolved());
        assertEquals(List.of(), found.warnings());

        RobotModel missing = new UrdfLoader(new MeshResolver(List.of())).load(url);
        assertEquals(List.of("mantis/robots/one/one.urdf:4: link 'base' <visual> mesh 'meshes/part.stl' not found"
                + " (searched: nowhere: no search path root applies); kinematics works, simulation needs the file:"
                + " add its package root to the search path"), missing.warnings());
    }

    @Test
    void errorsInAJarResourceNameItsPathInTheJar() throws IOException {
        Path jar = jarWith("mantis/robots/bad/bad.urdf", BAD);
        UrdfException e = assertThrows(UrdfException.class,
                () -> new UrdfLoader(new MeshResolver(List.of())).load(jarUrl(jar, "mantis/robots/bad/bad.urdf")));
        assertEquals("mantis/robots/bad/bad.urdf:3: link 'base' <inertial>: mass -1 is negative; mass must be"
                + " >= 0 kg", e.getMessage());
        assertEquals("mantis/robots/bad/bad.urdf", e.file());
    }

    @Test
    void otherUrlsAreNamedInFull() throws IOException {
        Path file = tmp.resolve("bad.urdf");
        Files.writeString(file, BAD);
        URL url = file.toUri().toURL();
        UrdfException e = assertThrows(UrdfException.class,
                () -> new UrdfLoader(new MeshResolver(List.of())).load(url));
        assertEquals(url.toString(), e.file());
        assertEquals(3, e.line());
    }

    @Test
    void aPathIsNamedAsGivenAndRelativeMeshesTryItsDirectoryFirst() throws IOException {
        Path root = meshRoot();
        Path dir = tmp.resolve("desc");
        Files.createDirectories(dir.resolve("meshes"));
        Files.writeString(dir.resolve("meshes/part.stl"), "solid part\nendsolid part\n");
        Files.writeString(dir.resolve("one.urdf"), ROBOT);

        RobotModel m = new UrdfLoader(new MeshResolver(List.of(root))).load(dir.resolve("one.urdf"));
        Geometry.Mesh mesh = (Geometry.Mesh) m.rootLink().visuals().get(0).geometry();
        assertEquals(Optional.of(dir.resolve("meshes/part.stl").toAbsolutePath().normalize()), mesh.resolved());
        assertEquals(dir.resolve("one.urdf").toString(), m.source());
    }

    @Test
    void parseUsesTheGivenNameAndBaseDirectory() throws IOException {
        Path root = meshRoot();
        RobotModel withBase = new UrdfLoader(new MeshResolver(List.of())).parse(ROBOT, "generated", root);
        Geometry.Mesh mesh = (Geometry.Mesh) withBase.rootLink().visuals().get(0).geometry();
        assertEquals(Optional.of(root.resolve("meshes/part.stl").toAbsolutePath().normalize()), mesh.resolved());
        assertEquals("generated", withBase.source());

        UrdfException e = assertThrows(UrdfException.class,
                () -> new UrdfLoader(new MeshResolver(List.of())).parse(BAD, "generated", null));
        assertEquals("generated:3: link 'base' <inertial>: mass -1 is negative; mass must be >= 0 kg",
                e.getMessage());
    }

    @Test
    void aLeadingByteOrderMarkIsAccepted() throws IOException {
        assertEquals("one", new UrdfLoader(new MeshResolver(List.of())).parse("\uFEFF" + ROBOT, "bom", null).name());
        Path file = tmp.resolve("bom.urdf");
        Files.write(file, ("\uFEFF" + ROBOT).getBytes(StandardCharsets.UTF_8));
        assertEquals("one", new UrdfLoader(new MeshResolver(List.of())).load(file).name());
    }

    @Test
    void aMissingFileIsAnErrorAtLineZero() {
        Path file = tmp.resolve("nope.urdf");
        UrdfException e = assertThrows(UrdfException.class,
                () -> new UrdfLoader(new MeshResolver(List.of())).load(file));
        assertEquals(file.toString(), e.file());
        assertEquals(0, e.line());
        assertEquals("cannot read the file (java.nio.file.NoSuchFileException: " + file + "); check the path",
                e.detail());
    }

    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "secret");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE robot [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<robot name=\"&s;\"><link name=\"a\"/></robot>\n";
        UrdfException e = assertThrows(UrdfException.class,
                () -> new UrdfLoader(new MeshResolver(List.of())).parse(xml, "x.urdf", null));
        assertEquals("x.urdf:2: <!DOCTYPE> is not allowed: URDF needs no DTD and entities are not expanded;"
                + " remove the DOCTYPE declaration", e.getMessage());
    }
}
