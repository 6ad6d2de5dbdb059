package dev.mantis.robot.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How mesh names map to files on the search path. */
class MeshResolverTest {

    @TempDir
    Path tmp;

    private Path first;
    private Path second;
    private Path urdfDir;

    @BeforeEach
    void layout() throws IOException {
        first = tmp.resolve("ws1");
        second = tmp.resolve("ws2");
        urdfDir = tmp.resolve("desc");
        touch(second.resolve("arm_description/meshes/a.stl"));
        touch(first.resolve("arm_description/meshes/b.stl"));
        touch(second.resolve("arm_description/meshes/b.stl"));
        touch(tmp.resolve("gripper/meshes/g.stl"));
        touch(urdfDir.resolve("meshes/rel.stl"));
        touch(second.resolve("meshes/rel.stl"));
        touch(second.resolve("meshes/only_on_path.stl"));
        Files.createDirectories(second.resolve("arm_description/meshes/dir.stl"));
    }

    private static void touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "solid x\nendsolid x\n");
    }

    private static Optional<Path> abs(Path p) {
        return Optional.of(p.toAbsolutePath().normalize());
    }

    @Test
    void packageUrlsSearchTheRootsInOrder() {
        MeshResolver r = new MeshResolver(List.of(first, second));
        assertEquals(abs(second.resolve("arm_description/meshes/a.stl")),
                r.resolve("package://arm_description/meshes/a.stl", null));
        assertEquals(abs(first.resolve("arm_description/meshes/b.stl")),
                r.resolve("package://arm_description/meshes/b.stl", urdfDir));
        assertEquals(Optional.empty(), r.resolve("package://arm_description/meshes/c.stl", null));
        assertEquals(Optional.empty(), r.resolve("package://arm_description/meshes/dir.stl", null));
        assertEquals(Optional.empty(), r.resolve("package://arm_description", null));
    }

    @Test
    void aRootNamedAfterThePackageIsThePackage() {
        MeshResolver r = new MeshResolver(List.of(first, tmp.resolve("gripper")));
        assertEquals(abs(tmp.resolve("gripper/meshes/g.stl")), r.resolve("package://gripper/meshes/g.stl", null));
        assertEquals(List.of(first.resolve("gripper/meshes/g.stl"), tmp.resolve("gripper/gripper/meshes/g.stl"),
                tmp.resolve("gripper/meshes/g.stl")).stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                r.candidates("package://gripper/meshes/g.stl", null));
    }

    @Test
    void relativeNamesTryTheUrdfDirectoryThenTheRoots() {
        MeshResolver r = new MeshResolver(List.of(first, second));
        assertEquals(abs(urdfDir.resolve("meshes/rel.stl")), r.resolve("meshes/rel.stl", urdfDir));
        assertEquals(abs(second.resolve("meshes/rel.stl")), r.resolve("meshes/rel.stl", null));
        assertEquals(abs(second.resolve("meshes/only_on_path.stl")), r.resolve("meshes/only_on_path.stl", urdfDir));
        assertEquals(abs(urdfDir.resolve("meshes/rel.stl")), r.resolve("../desc/meshes/rel.stl", urdfDir));
    }

    @Test
    void fileUrlsAndAbsolutePathsAreTakenAsTheyAre() {
        MeshResolver r = new MeshResolver(List.of());
        Path g = tmp.resolve("gripper/meshes/g.stl").toAbsolutePath();
        assertEquals(abs(g), r.resolve(g.toUri().toString(), null));
        assertEquals(abs(g), r.resolve("file://" + g, null));
        assertEquals(abs(g), r.resolve(g.toString(), urdfDir));
        assertEquals(Optional.empty(), r.resolve(g + ".missing", urdfDir));
    }

    @Test
    void otherSchemesAndMalformedNamesAreNotFound() {
        MeshResolver r = new MeshResolver(List.of(first, second));
        assertEquals(List.of(), r.candidates("http://example.com/a.stl", urdfDir));
        assertEquals(List.of(), r.candidates("model://arm/a.stl", urdfDir));
        assertEquals(List.of(), r.candidates("package:///meshes/a.stl", urdfDir));
        assertEquals(List.of(), r.candidates("file://host/a.stl", urdfDir));
        assertEquals(Optional.empty(), r.resolve("package://arm_description/", null));
    }

    @Test
    void theSearchPathIsCopied() {
        List<Path> roots = new java.util.ArrayList<>(List.of(first));
        MeshResolver r = new MeshResolver(roots);
        roots.add(second);
        assertEquals(List.of(first), r.searchPath());
    }
}
