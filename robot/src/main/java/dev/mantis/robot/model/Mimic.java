package dev.mantis.robot.model;

/** A mimic coupling: this joint's value is {@code multiplier * value(joint) + offset}. */
public record Mimic(String joint, double multiplier, double offset) {
}
