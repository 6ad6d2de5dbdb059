package dev.mantis.policies.spec;

/** {@code action = f(observation, goal)} each step. */
public record Feedforward() implements Family {

    @Override
    public String id() {
        return "feedforward";
    }
}
