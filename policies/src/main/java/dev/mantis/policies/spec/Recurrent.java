package dev.mantis.policies.spec;

import java.util.List;

/**
 * Hidden state fed back each step: output {@code stateOutputs[i]} becomes input
 * {@code stateInputs[i]} at the next step ({@code [batch, stateSizes[i]]}), zero after reset.
 */
public record Recurrent(List<String> stateInputs, List<String> stateOutputs, List<Integer> stateSizes)
        implements Family {

    public Recurrent {
        stateInputs = List.copyOf(stateInputs);
        stateOutputs = List.copyOf(stateOutputs);
        stateSizes = List.copyOf(stateSizes);
    }

    @Override
    public String id() {
        return "recurrent";
    }
}
