package dev.mantis.policies.onnx;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mantis.policies.PolicyException;
import dev.mantis.policies.spec.Diffusion;
import dev.mantis.policies.spec.PolicySpec;
import dev.mantis.robot.spec.Observation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Samples an action chunk by DDPM/DDIM from Gaussian noise drawn from the environment's generator
 * (seeded by reset), one denoiser call per timestep, then executes {@code execute} of its actions.
 * Per environment the draws are: the initial sample, then (DDPM) each step's noise, row-major.
 */
final class DiffusionInference extends Inference {

    private final Graph graph;
    private final DiffusionSchedule schedule;
    private final int goalInput;
    private final int sampleInput;
    private final int timestepInput;
    private final int horizon;
    private final int execute;
    private final int chunkSize;
    private final float[] eps;
    private final double[] noise;
    private RandomGenerator[] generators = new RandomGenerator[0];
    private double[][] samples = new double[0][];
    private double[][] chunks = new double[0][];
    private int[] position = new int[0];

    DiffusionInference(PolicySpec spec, OrtSession session, GraphContract contract) throws PolicyException {
        super(spec);
        Diffusion d = (Diffusion) spec.family();
        schedule = new DiffusionSchedule(d);
        horizon = d.horizon();
        execute = d.execute();
        chunkSize = horizon * actionSize;
        eps = new float[chunkSize];
        noise = new double[chunkSize];
        List<TensorLayout> inputs = new ArrayList<>();
        inputs.add(contract.input(spec.tensors().observation(), "observation features", observationFeed.size()));
        goalInput = spec.tensors().goal() == null ? -1 : 1;
        if (goalInput >= 0) {
            inputs.add(contract.input(spec.tensors().goal(), "goal features", goalFeed.size()));
        }
        boolean flat = horizon == 1 && contract.inputRank(d.sampleInput()) == 2;
        int[] dims = flat ? new int[] {actionSize} : new int[] {horizon, actionSize};
        sampleInput = inputs.size();
        inputs.add(contract.input(d.sampleInput(), "diffusion horizon x action", dims));
        timestepInput = inputs.size();
        inputs.add(contract.input(d.timestepInput(), "diffusion timestep"));
        TensorLayout out = contract.output(spec.tensors().action(), "predicted noise, as the sample", dims);
        contract.finish();
        graph = new Graph(session, inputs, List.of(out));
    }

    /** Replaces environment {@code environment}'s noise generator (tests feed recorded noise). */
    void noise(int environment, RandomGenerator generator) {
        generators[environment] = generator;
        position[environment] = execute;
    }

    @Override
    void ensureEnvironments(int count) {
        int old = generators.length;
        if (count <= old) {
            return;
        }
        generators = Arrays.copyOf(generators, count);
        samples = Arrays.copyOf(samples, count);
        chunks = Arrays.copyOf(chunks, count);
        position = Arrays.copyOf(position, count);
        for (int e = old; e < count; e++) {
            generators[e] = new SplittableRandom(e);
            samples[e] = new double[chunkSize];
            chunks[e] = new double[chunkSize];
            position[e] = execute;
        }
    }

    @Override
    void reset(int environment, long seed) {
        generators[environment] = new SplittableRandom(seed);
        position[environment] = execute;
    }

    @Override
    void act(Observation[] observations, Observation[] goals, int first, int count, double[][] out)
            throws OrtException {
        boolean sample = false;
        for (int e = first; e < first + count && !sample; e++) {
            sample = position[e] >= execute;
        }
        if (sample) {
            sample(observations, goals, first, count);
        }
        for (int e = first; e < first + count; e++) {
            System.arraycopy(chunks[e], position[e] * actionSize, out[e], 0, actionSize);
            position[e]++;
        }
    }

    private void sample(Observation[] observations, Observation[] goals, int first, int count) throws OrtException {
        GraphCall call = graph.call(count);
        feed(call, 0, goalInput, observations, goals, first, count);
        for (int e = first; e < first + count; e++) {
            if (position[e] >= execute) {
                for (int j = 0; j < chunkSize; j++) {
                    samples[e][j] = generators[e].nextGaussian();
                }
            }
        }
        BatchTensor in = call.input(sampleInput);
        BatchTensor predicted = call.output(0);
        for (int i = 0; i < schedule.steps(); i++) {
            for (int r = 0; r < count; r++) {
                call.input(timestepInput).set(r, 0, schedule.timestep(i));
                double[] x = samples[first + r];
                for (int j = 0; j < chunkSize; j++) {
                    in.set(r, j, x[j]);
                }
            }
            call.run();
            for (int r = 0; r < count; r++) {
                int e = first + r;
                if (position[e] < execute) {
                    continue;
                }
                predicted.getRow(r, eps);
                if (schedule.needsNoise(i)) {
                    for (int j = 0; j < chunkSize; j++) {
                        noise[j] = generators[e].nextGaussian();
                    }
                }
                schedule.step(i, samples[e], eps, noise, chunkSize);
            }
        }
        for (int e = first; e < first + count; e++) {
            if (position[e] >= execute) {
                for (int j = 0; j < chunkSize; j++) {
                    chunks[e][j] = actionNorm.denormalize(j % actionSize, samples[e][j]);
                }
                position[e] = 0;
            }
        }
    }

    @Override
    public void close() {
        graph.close();
    }
}
