/**
 * The safety layer every robot runs behind, simulated or real: {@link dev.mantis.robot.safety.SafeRobot}
 * wraps any {@link dev.mantis.robot.Robot} and enforces {@link dev.mantis.robot.safety.SafetyLimits}
 * (joint position, velocity and acceleration limits from the URDF with margins, an end-effector
 * workspace box, a command rate limit, a watchdog and an {@link dev.mantis.robot.safety.EStop}).
 * Every clamp and stop is a {@link dev.mantis.robot.safety.SafetyEvent}.
 */
package dev.mantis.robot.safety;
