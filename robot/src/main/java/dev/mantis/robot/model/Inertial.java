package dev.mantis.robot.model;

import dev.mantis.robot.spatial.Transform;

/** Mass properties of a link: centre-of-mass frame in the link frame, mass (kg), inertia. */
public record Inertial(Transform origin, double mass, Inertia inertia) {
}
