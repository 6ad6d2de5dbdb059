package dev.mantis.policies.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mantis.robot.spec.Observation;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates only what ONNX Runtime's Java run() itself allocates (about 0.4-0.5 kB
 * per call: name and handle arrays, the Result) plus the returned Action: nothing per feature,
 * per environment or per denoising step beyond the run() calls.
 */
class AllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void actAndBatchAllocateAboutOneRunCallEach() throws IOException {
        JsonNode c = ExampleModels.reference("feedforward").get("cases").get(0);
        Observation o = ExampleModels.observation(ExampleModels.OBSERVATION, c.get("observation"));
        Observation g = ExampleModels.observation(ExampleModels.GOAL, c.get("goal"));
        Observation[] os = new Observation[64];
        Observation[] gs = new Observation[64];
        Arrays.fill(os, o);
        Arrays.fill(gs, g);
        double[][] rows = new double[64][7];
        int n = 2000;
        try (OnnxPolicy p = ExampleModels.load("feedforward")) {
            for (int i = 0; i < n; i++) {
                p.act(o, g);
                p.actBatch(os, gs, rows);
            }
            long before = allocated();
            for (int i = 0; i < n; i++) {
                p.act(o, g);
            }
            long single = (allocated() - before) / n;
            before = allocated();
            for (int i = 0; i < n; i++) {
                p.actBatch(os, gs, rows);
            }
            long batch = (allocated() - before) / n;
            assertTrue(single < 1024, "act allocates " + single + " B per step");
            assertTrue(batch < 1024, "actBatch of 64 into rows allocates " + batch + " B per call");
        }
    }
}
