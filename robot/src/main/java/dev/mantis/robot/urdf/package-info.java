/**
 * Loading URDF robot descriptions: {@link dev.mantis.robot.urdf.UrdfLoader} reads a file, resource
 * or string into an immutable {@link dev.mantis.robot.model.RobotModel}, finding mesh files with a
 * {@link dev.mantis.robot.urdf.MeshResolver}; problems are {@link dev.mantis.robot.urdf.UrdfException}s
 * of the form {@code FILE:LINE: WHAT; FIX}.
 */
package dev.mantis.robot.urdf;
