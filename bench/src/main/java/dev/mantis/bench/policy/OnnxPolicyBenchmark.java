package dev.mantis.bench.policy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mantis.policies.Device;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.policies.onnx.OnnxPolicy;
import dev.mantis.robot.spec.Action;
import dev.mantis.robot.spec.ActionSpec;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.robot.spec.ObservationSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The policy host's cost over ONNX Runtime itself, on the same MLP ({@link MlpModel}, one CPU
 * thread): {@code act} (OnnxPolicy, batch 1: feature lookup, normalisation, safety guard, Action)
 * against {@code raw} (OrtSession.run on preallocated direct buffers with a pinned output, the
 * input already normalised as floats), and {@code actBatch64} against {@code rawBatch64} (64
 * environments per call). bench/run-policy.sh prints act/raw and the allocation per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OnnxPolicyBenchmark {

    private static final int BATCH = 64;

    private Path dir;
    private OnnxPolicy policy;
    private Observation[] observations;
    private Observation[] goals;
    private int next;
    private OrtSession session;
    private OrtSession.SessionOptions sessionOptions;
    private final List<OnnxTensor> tensors = new ArrayList<>();
    private Raw one;
    private Raw batch;
    private float[][] observationRows;
    private float[][] goalRows;

    /** Writes and loads the model; draws 64 observations and goals with a fixed seed. */
    @Setup
    public void setUp() throws IOException, OrtException {
        dir = Files.createTempDirectory("mantis-policy-bench");
        Path model = dir.resolve("mlp.onnx");
        MlpModel.write(model, 1);
        ObservationSpec observationSpec = new ObservationSpec(List.of(
                FeatureSpec.vector("observation.state", names("q", MlpModel.STATE), "rad"),
                FeatureSpec.vector("observation.environment_state", names("o", MlpModel.ENVIRONMENT), "m")));
        ObservationSpec goalSpec = new ObservationSpec(List.of(
                FeatureSpec.vector("observation.goal.state", names("g", MlpModel.GOAL), "m")));
        ActionSpec actionSpec = new ActionSpec("pd_joint_pos", FeatureSpec.vector("action",
                names("a", MlpModel.ACTION), "rad"));
        policy = OnnxPolicy.load(model, "bench", observationSpec, goalSpec, actionSpec,
                new PolicyOptions(Device.CPU, 1, System.err::println));
        SplittableRandom random = new SplittableRandom(7);
        observations = new Observation[BATCH];
        goals = new Observation[BATCH];
        observationRows = new float[BATCH][];
        goalRows = new float[BATCH][];
        for (int i = 0; i < BATCH; i++) {
            double[] state = draw(random, MlpModel.STATE);
            double[] environment = draw(random, MlpModel.ENVIRONMENT);
            double[] goal = draw(random, MlpModel.GOAL);
            observations[i] = new Observation(observationSpec, 0, new double[][] {state, environment});
            goals[i] = new Observation(goalSpec, 0, new double[][] {goal});
            observationRows[i] = new float[MlpModel.STATE + MlpModel.ENVIRONMENT];
            for (int j = 0; j < observationRows[i].length; j++) {
                double x = j < MlpModel.STATE ? state[j] : environment[j - MlpModel.STATE];
                observationRows[i][j] = (float) ((x - 0.1) / 0.5);
            }
            goalRows[i] = new float[MlpModel.GOAL];
            for (int j = 0; j < MlpModel.GOAL; j++) {
                goalRows[i][j] = (float) ((goal[j] - 0.1) / 0.5);
            }
        }
        sessionOptions = new OrtSession.SessionOptions();
        sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        sessionOptions.setInterOpNumThreads(1);
        sessionOptions.setIntraOpNumThreads(1);
        sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = OrtEnvironment.getEnvironment().createSession(model.toString(), sessionOptions);
        one = new Raw(1);
        batch = new Raw(BATCH);
    }

    private static double[] draw(SplittableRandom random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        return v;
    }

    private static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    /** Preallocated direct buffers, tensors and maps for one batch size. */
    private final class Raw {
        final FloatBuffer observation;
        final FloatBuffer goal;
        final FloatBuffer action;
        final Map<String, OnnxTensor> inputs;
        final Map<String, OnnxTensor> outputs;
        final float[] out;

        Raw(int rows) throws OrtException {
            observation = buffer(rows * (MlpModel.STATE + MlpModel.ENVIRONMENT));
            goal = buffer(rows * MlpModel.GOAL);
            action = buffer(rows * MlpModel.ACTION);
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OnnxTensor o = OnnxTensor.createTensor(env, observation,
                    new long[] {rows, MlpModel.STATE + MlpModel.ENVIRONMENT});
            OnnxTensor g = OnnxTensor.createTensor(env, goal, new long[] {rows, MlpModel.GOAL});
            OnnxTensor a = OnnxTensor.createTensor(env, action, new long[] {rows, MlpModel.ACTION});
            tensors.addAll(List.of(o, g, a));
            inputs = Map.of("observation", o, "goal", g);
            outputs = Map.of("action", a);
            out = new float[rows * MlpModel.ACTION];
        }

        private FloatBuffer buffer(int n) {
            return ByteBuffer.allocateDirect(4 * n).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }

        float[] run(int first, int rows) throws OrtException {
            for (int r = 0; r < rows; r++) {
                int i = (first + r) % BATCH;
                observation.put(r * observationRows[i].length, observationRows[i]);
                goal.put(r * goalRows[i].length, goalRows[i]);
            }
            session.run(inputs, outputs).close();
            action.get(0, out);
            return out;
        }
    }

    /** Closes the sessions and deletes the model. */
    @TearDown
    public void tearDown() throws IOException, OrtException {
        policy.close();
        tensors.forEach(OnnxTensor::close);
        session.close();
        sessionOptions.close();
        Files.deleteIfExists(dir.resolve("mlp.onnx"));
        Files.deleteIfExists(dir);
    }

    /** OnnxPolicy, one environment. */
    @Benchmark
    public Action act() {
        int i = next++ & (BATCH - 1);
        return policy.act(observations[i], goals[i]);
    }

    /** Baseline: OrtSession.run on the same model, buffers and pinned output preallocated. */
    @Benchmark
    public float[] raw() throws OrtException {
        return one.run(next++ & (BATCH - 1), 1);
    }

    /** OnnxPolicy, 64 environments in one call (ops/s x 64 = actions/s). */
    @Benchmark
    public Action[] actBatch64() {
        return policy.actBatch(observations, goals);
    }

    /** Baseline for actBatch64. */
    @Benchmark
    public float[] rawBatch64() throws OrtException {
        return batch.run(0, BATCH);
    }
}
