package dev.mantis.sim.articulation;

import dev.mantis.robot.model.Geometry;
import dev.mantis.robot.model.Joint;
import dev.mantis.robot.spatial.Transform;
import dev.mantis.robot.spatial.Vec3;
import java.util.List;
import java.util.Map;

/**
 * One rigid body of a simulated robot: a URDF link plus every link welded to it by fixed joints.
 * The body frame is the frame of its first link.
 *
 * @param index position in {@link BodyLayout#bodies()} (parents first)
 * @param name name of the body's first link
 * @param parent index of the parent body, -1 for the base
 * @param joint the moving joint from the parent body, null for the base
 * @param T_parent_joint the joint frame in the parent body's frame, identity for the base
 * @param links the URDF links of this body and their poses T_body_link
 * @param mass total mass, kg
 * @param T_body_com centre of mass, axes along the principal axes of inertia
 * @param principalInertia inertia about the principal axes, kg·m²
 * @param shapes collision geometry with poses T_body_shape
 */
public record SimBody(int index, String name, int parent, Joint joint, Transform T_parent_joint,
        Map<String, Transform> links, double mass, Transform T_body_com, Vec3 principalInertia, List<Shape> shapes) {

    /** A collision shape placed in the body frame. */
    public record Shape(Geometry geometry, Transform T_body_shape) {
    }

    public SimBody {
        links = Map.copyOf(links);
        shapes = List.copyOf(shapes);
    }
}
