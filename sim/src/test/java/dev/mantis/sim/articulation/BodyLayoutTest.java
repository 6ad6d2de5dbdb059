package dev.mantis.sim.articulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import dev.mantis.sim.TestModels;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fixed-joint welding, mass properties and refusals of the body layout. */
class BodyLayoutTest {

    @Test
    void pandaWeldsItsHandToTheLastLinkAndKeepsTotalMass() {
        BodyLayout layout = BodyLayout.of(TestModels.load("panda"));
        // base + 7 arm links + 2 fingers; flange, hand and tcp are welded to link 7
        assertEquals(10, layout.bodies().size());
        SimBody link7 = layout.bodies().get(7);
        assertEquals("panda_link7", link7.name());
        assertTrue(link7.links().keySet().containsAll(List.of("panda_link8", "panda_hand", "panda_hand_tcp")));
        assertEquals(0.735522 + 0.73, link7.mass(), 1e-9);
        double total = layout.bodies().stream().mapToDouble(SimBody::mass).sum();
        double urdf = TestModels.load("panda").links().stream()
                .mapToDouble(l -> l.inertial().map(i -> i.mass()).orElse(0.0)).sum();
        assertEquals(urdf, total, 1e-9);
        assertTrue(layout.warnings().isEmpty(), layout.warnings().toString());
    }

    @Test
    void principalAxesReconstructTheTensor() {
        Random rng = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            double[] a = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j <= i; j++) {
                    a[3 * i + j] = a[3 * j + i] = rng.nextGaussian() + (i == j ? 4 : 0);
                }
            }
            PrincipalAxes p = new PrincipalAxes(a[0], a[1], a[2], a[4], a[5], a[8]);
            double[] r = p.rotation;
            double det = r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6])
                    + r[2] * (r[3] * r[7] - r[4] * r[6]);
            assertEquals(1, det, 1e-9, "a proper rotation");
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double v = 0;
                    for (int k = 0; k < 3; k++) {
                        v += r[3 * i + k] * p.moments[k] * r[3 * j + k];
                    }
                    assertEquals(a[3 * i + j], v, 1e-9);
                }
            }
        }
    }

    @Test
    void missingMeshIsAnErrorForSimulationAndMasslessMovingLinksAWarning() {
        String urdf = """
                <robot name="r">
                  <link name="base"/>
                  <link name="arm">COLLISION</link>
                  <link name="tip"/>
                  <joint name="j1" type="revolute"><parent link="base"/><child link="arm"/>
                    <limit lower="-1" upper="1" effort="1" velocity="1"/></joint>
                  <joint name="j2" type="revolute"><parent link="arm"/><child link="tip"/>
                    <limit lower="-1" upper="1" effort="1" velocity="1"/></joint>
                </robot>
                """;
        String mesh = "<collision><geometry><mesh filename=\"package://nowhere/arm.stl\"/></geometry></collision>";
        var model = new UrdfLoader(new MeshResolver(List.of())).parse(urdf.replace("COLLISION", mesh), "r.urdf", null);
        var e = assertThrows(IllegalArgumentException.class, () -> BodyLayout.of(model));
        assertEquals("r.urdf: simulation needs every mesh file, not found: arm: package://nowhere/arm.stl; add the "
                + "package roots to the mesh search path", e.getMessage());
        var massless = new UrdfLoader(new MeshResolver(List.of())).parse(urdf.replace("COLLISION", ""), "r.urdf", null);
        BodyLayout layout = BodyLayout.of(massless);
        assertEquals(List.of("link 'arm' has no mass; simulating it as 0.01 kg",
                "link 'tip' has no mass; simulating it as 0.01 kg"), layout.warnings());
    }
}
