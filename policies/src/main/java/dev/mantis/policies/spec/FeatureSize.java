package dev.mantis.policies.spec;

/** A feature a policy reads, by its dataset/robot name, with its element count. */
public record FeatureSize(String name, int size) {

    @Override
    public String toString() {
        return name + " (" + size + ")";
    }
}
