package dev.mantis.robot.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Inertia;
import dev.mantis.robot.model.Joint;
import dev.mantis.robot.model.JointDynamics;
import dev.mantis.robot.model.JointLimits;
import dev.mantis.robot.model.JointType;
import dev.mantis.robot.model.Link;
import dev.mantis.robot.model.Material;
import dev.mantis.robot.model.Mimic;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.model.SafetyController;
import dev.mantis.robot.model.Visual;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads {@code urdf/good/arm.urdf}, a xacro-style file using every supported feature, and checks each value. */
class UrdfLoaderTest {

    private static final double HALF_PI = 1.5707963267948966;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static Path file;
    private static Path packages;
    private static RobotModel model;

    @BeforeAll
    static void load() throws URISyntaxException {
        file = resource("/urdf/good/arm.urdf");
        packages = resource("/urdf/packages");
        model = new UrdfLoader(new MeshResolver(List.of(packages))).load(file);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(UrdfLoaderTest.class.getResource(name).toURI());
    }

    private static Link link(String name) {
        return model.link(name).orElseThrow();
    }

    private static Joint joint(String name) {
        return model.joint(name).orElseThrow();
    }

    private static Transform origin(double x, double y, double z, double roll, double pitch, double yaw) {
        return Transform.fromXyzRpy(new Vec3(x, y, z), new Vec3(roll, pitch, yaw));
    }

    @Test
    void robotLinksAndJointsInTreeOrder() {
        assertEquals("test_arm", model.name());
        assertEquals(file.toString(), model.source());
        assertEquals(List.of("world", "base_link", "mount", "link1", "link2", "wheel", "slider", "finger_left",
                "finger_right", "cart"), model.links().stream().map(Link::name).toList());
        assertEquals(List.of("world_to_base", "base_mount", "shoulder", "elbow", "wheel_joint", "slide",
                "finger_left_joint", "finger_right_joint", "cart_plane"),
                model.joints().stream().map(Joint::name).toList());
        assertEquals("world", model.rootLink().name());
    }

    @Test
    void unknownElementsAndAttributesAreIgnored() {
        // <gazebo> holds a <link>, <transmission> and <ros2_control> hold <joint>s: none of them count
        assertTrue(model.link("not_a_link").isEmpty());
        assertEquals(10, model.links().size());
        assertEquals(9, model.joints().size());
        assertEquals(List.of("blue", "textured"), List.copyOf(model.materials().keySet()));
    }

    @Test
    void inertialsIncludingOddNumberForms() {
        var base = link("base_link").inertial().orElseThrow();
        assertEquals(origin(0, 0, 0.05, 0, 0, 0), base.origin());
        assertEquals(4.0, base.mass());
        assertEquals(new Inertia(0.0125, 0, 0, 0.0125, 0, 0.02), base.inertia());

        // xyz="0&#9;0&#10;0.15", mass "+1.5e0", ixx "1e-2", iyy ".01"
        var l1 = link("link1").inertial().orElseThrow();
        assertEquals(origin(0, 0, 0.15, 0, 0, 0), l1.origin());
        assertEquals(1.5, l1.mass());
        assertEquals(new Inertia(0.01, 0, 0, 0.01, 0, 0.005), l1.inertia());

        // mass 0 with an all-zero inertia is allowed; links without <inertial> have none
        var wheel = link("wheel").inertial().orElseThrow();
        assertEquals(0.0, wheel.mass());
        assertEquals(new Inertia(0, 0, 0, 0, 0, 0), wheel.inertia());
        assertEquals(Optional.empty(), link("world").inertial());
        assertEquals(Optional.empty(), link("link2").inertial());
    }

    @Test
    void geometryAndMaterials() {
        Visual baseVisual = link("base_link").visuals().get(0);
        assertEquals(Optional.empty(), baseVisual.name());
        assertEquals(Transform.IDENTITY, baseVisual.origin());
        assertEquals(new Geometry.Box(new Vec3(0.2, 0.2, 0.1)), baseVisual.geometry()); // tabs, newline, spaces
        Material blue = new Material("blue", Optional.of(new Material.Rgba(0, 0, 0.8, 1)), Optional.empty());
        assertEquals(Optional.of(blue), baseVisual.material());
        assertEquals(blue, model.materials().get("blue"));

        var baseCollision = link("base_link").collisions().get(0);
        assertEquals(Optional.of("base_collision"), baseCollision.name());
        assertEquals(origin(0, 0, 0.05, 0, 0, 0), baseCollision.origin());
        assertEquals(new Geometry.Box(new Vec3(0.2, 0.2, 0.1)), baseCollision.geometry());

        Visual l1 = link("link1").visuals().get(0);
        assertEquals(Optional.of("link1_visual"), l1.name());
        assertEquals(origin(0, 0, 0.15, 0, 0, HALF_PI), l1.origin());
        assertEquals(Optional.of(new Material("orange",
                Optional.of(new Material.Rgba(1.0, 0.423529411765, 0.0392156862745, 1.0)), Optional.empty())),
                l1.material());
        assertEquals(new Geometry.Cylinder(0.04, 0.3), link("link1").collisions().get(0).geometry());

        Visual l2 = link("link2").visuals().get(0);
        assertEquals(Optional.of(new Material("textured", Optional.empty(),
                Optional.of("package://mantis_test_description/textures/wood.png"))), l2.material());
        assertEquals(new Geometry.Sphere(0.05), link("link2").collisions().get(0).geometry());
        assertEquals(List.of(), link("world").visuals());
        assertEquals(List.of(), link("world").collisions());
    }

    @Test
    void rpyBecomesTheRotationRzRyRx() {
        Transform t = link("link1").visuals().get(0).origin(); // yaw pi/2: x -> y, y -> -x
        assertEquals(0, t.rotation(0, 0), 1e-15);
        assertEquals(-1, t.rotation(0, 1), 1e-15);
        assertEquals(1, t.rotation(1, 0), 1e-15);
        assertEquals(1, t.rotation(2, 2), 1e-15);
        assertEquals(new Vec3(0, 0, 0.15), t.translation());

        Transform elbow = joint("elbow").origin(); // roll pi/2: y -> z
        assertEquals(origin(0, 0, 0.3, HALF_PI, 0, 0), elbow);
        assertEquals(1, elbow.rotation(2, 1), 1e-15);
        assertEquals(-1, elbow.rotation(1, 2), 1e-15);
    }

    @Test
    void meshesResolveThroughPackagesAndTheUrdfDirectory() {
        Geometry.Mesh packaged = (Geometry.Mesh) link("link1").visuals().get(0).geometry();
        assertEquals("package://mantis_test_description/meshes/link.stl", packaged.filename());
        assertEquals(new Vec3(0.001, 0.001, 0.001), packaged.scale());
        assertEquals(Optional.of(packages.resolve("mantis_test_description/meshes/link.stl").toAbsolutePath()
                .normalize()), packaged.resolved());

        Geometry.Mesh relative = (Geometry.Mesh) link("link2").visuals().get(0).geometry();
        assertEquals("meshes/local.stl", relative.filename());
        assertEquals(new Vec3(1, 1, 1), relative.scale());
        assertEquals(Optional.of(file.getParent().resolve("meshes/local.stl").toAbsolutePath().normalize()),
                relative.resolved());
    }

    @Test
    void aMissingMeshIsAWarningNamingFileLineLinkAndMesh() {
        Geometry.Mesh missing = (Geometry.Mesh) link("wheel").visuals().get(0).geometry();
        assertEquals(Optional.empty(), missing.resolved());
        assertEquals(List.of("wheel: package://mantis_test_description/meshes/missing.stl"), model.missingMeshes());
        Path searched = packages.resolve("mantis_test_description/meshes/missing.stl").toAbsolutePath().normalize();
        assertEquals(List.of(file + ":78: link 'wheel' <visual> mesh"
                + " 'package://mantis_test_description/meshes/missing.stl' not found (searched: " + searched
                + "); kinematics works, simulation needs the file: add its package root to the search path"),
                model.warnings());
    }

    @Test
    void jointsOfEveryType() {
        Joint floating = joint("world_to_base");
        assertEquals(JointType.FLOATING, floating.type());
        assertEquals("world", floating.parent());
        assertEquals("base_link", floating.child());
        assertEquals(Transform.IDENTITY, floating.origin());
        assertEquals(JointLimits.UNBOUNDED, floating.limits());

        Joint fixed = joint("base_mount"); // its <axis xyz="0 0 0"/> is ignored, as urdfdom does
        assertEquals(JointType.FIXED, fixed.type());
        assertEquals(origin(0, 0, 0.1, 0, 0, 0), fixed.origin());
        assertEquals(new Vec3(1, 0, 0), fixed.axis());
        assertEquals(JointLimits.UNBOUNDED, fixed.limits());
        assertEquals(JointDynamics.NONE, fixed.dynamics());
        assertEquals(Optional.empty(), fixed.safetyController());

        Joint shoulder = joint("shoulder");
        assertEquals(JointType.REVOLUTE, shoulder.type());
        assertEquals(origin(0, 0, 0.05, 0, 0, HALF_PI), shoulder.origin());
        assertEquals(new Vec3(0, 0, 1), shoulder.axis()); // "0 0 2" normalised
        assertEquals(new JointLimits(-2.8973, 2.8973, 87, 2.175), shoulder.limits());
        assertEquals(new JointDynamics(0.5, 0.1), shoulder.dynamics());
        assertEquals(Optional.of(new SafetyController(-2.8, 2.8, 100, 40)), shoulder.safetyController());
        assertEquals(Optional.empty(), shoulder.mimic());

        Joint elbow = joint("elbow");
        assertEquals(JointType.CONTINUOUS, elbow.type());
        assertEquals(new Vec3(0, 1, 0), elbow.axis());
        assertEquals(new JointLimits(Double.NEGATIVE_INFINITY, INF, 12, 3.5), elbow.limits());
        assertTrue(!elbow.limits().boundedPosition());

        Joint wheel = joint("wheel_joint");
        assertEquals(new Vec3(0, 0, -1), wheel.axis());
        assertEquals(JointLimits.UNBOUNDED, wheel.limits());
        assertEquals(new JointDynamics(0.01, 0), wheel.dynamics());

        Joint slide = joint("slide");
        assertEquals(JointType.PRISMATIC, slide.type());
        assertEquals(new Vec3(1, 1, 0).normalized(), slide.axis());
        assertEquals(1.0, slide.axis().norm(), 1e-15);
        assertEquals(new JointLimits(0, 0.25, 100, 0.2), slide.limits());

        assertEquals(new JointLimits(0, 0.04, 20, 0.2), joint("finger_left_joint").limits()); // lower defaults to 0
        Joint right = joint("finger_right_joint");
        assertEquals(Optional.of(new Mimic("finger_left_joint", -1, 0.01)), right.mimic());
        assertTrue(right.isMimic());
        assertEquals(new Vec3(0, -1, 0), right.axis());

        Joint planar = joint("cart_plane");
        assertEquals(JointType.PLANAR, planar.type());
        assertEquals(new Vec3(0, 0, 1), planar.axis());
        assertEquals(JointLimits.UNBOUNDED, planar.limits());
    }

    @Test
    void aSearchRootNamedAfterThePackageAlsoResolves() throws URISyntaxException {
        Path root = packages.resolve("mantis_test_description");
        RobotModel m = new UrdfLoader(new MeshResolver(List.of(root))).load(file);
        Geometry.Mesh mesh = (Geometry.Mesh) m.link("link1").orElseThrow().visuals().get(0).geometry();
        assertEquals(Optional.of(root.resolve("meshes/link.stl").toAbsolutePath().normalize()), mesh.resolved());
    }
}
