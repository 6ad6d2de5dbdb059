package dev.mantis.robot.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.robot.model.Link;
import dev.mantis.robot.model.RobotModel;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A loaded model cannot be changed through the collections it hands out. */
class RobotModelImmutabilityTest {

    @Test
    void listsAndMapsAreUnmodifiable() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/urdf/good/arm.urdf").toURI());
        Path packages = Path.of(getClass().getResource("/urdf/packages").toURI());
        RobotModel m = new UrdfLoader(new MeshResolver(List.of(packages))).load(file);
        Link base = m.link("base_link").orElseThrow();
        int links = m.links().size();

        assertThrows(UnsupportedOperationException.class, () -> m.links().add(base));
        assertThrows(UnsupportedOperationException.class, () -> m.links().clear());
        assertThrows(UnsupportedOperationException.class, () -> m.joints().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> m.warnings().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> m.materials().clear());
        assertThrows(UnsupportedOperationException.class, () -> m.childJoints("base_link").clear());
        assertThrows(UnsupportedOperationException.class, () -> base.visuals().clear());
        assertThrows(UnsupportedOperationException.class, () -> base.collisions().clear());
        assertEquals(links, m.links().size());
        assertEquals(1, m.warnings().size());
    }
}
