package dev.mantis.launch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mantis.launch.CliRun;
import dev.mantis.launch.Main;
import dev.mantis.launch.PythonCheck;
import dev.mantis.policies.PolicyOptions;
import dev.mantis.policies.onnx.SuccessClassifier;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.EpisodeRow;
import dev.mantis.robot.ros.OwnRoscore;
import dev.mantis.robot.spec.FeatureSpec;
import dev.mantis.robot.spec.Observation;
import dev.mantis.sim.record.TaskObservation;
import dev.mantis.sim.record.TaskRecording;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Success detection in autonomous collection over ROS ({@code --success FILE.onnx|key}) against
 * {@code mantis sim serve-ros} on a real roscore: a classifier trained by
 * {@code policies/train/train_success.py} on oracle and random episodes of reach, run by the ONNX
 * Runtime host, agrees with PyTorch and with the simulator's predicate; a person's labels typed on
 * standard input label the episodes, and the end of the input stops the run cleanly.
 */
class SuccessDetectionTest {

    @RegisterExtension
    static final OwnRoscore CORE = new OwnRoscore();

    @TempDir
    Path dir;


    private static CliRun mantis(String... args) {
        return CliRun.of(args);
    }

    private List<String> autonomous(String policy, String success, int episodes, String out) {
        return new ArrayList<>(List.of("collect", "--robot", "ros:franka", "--autonomous", "--task", "reach",
                "--policy", policy, "--success", success, "--episodes", Integer.toString(episodes), "--seed", "3",
                "--out", dir.resolve(out).toString(), "--state-timeout", "5", "--master", CORE.get().uri().toString()));
    }

    @Test
    void aClassifierTrainedOnLabelledEpisodesAgreesWithPyTorchAndThePredicate() throws Exception {
        PythonCheck.requireTorch();
        Path ok = dir.resolve("ok");
        Path fail = dir.resolve("fail");
        CliRun demos = mantis("collect", "--task", "reach", "--episodes", "60", "--seed", "1", "--out", ok.toString(),
                "--workers", "2");
        assertEquals(0, demos.code(), demos.err());
        CliRun random = mantis("collect", "--task", "reach", "--policy", "random", "--episodes", "30", "--seed", "2",
                "--out", fail.toString(), "--workers", "2");
        assertEquals(0, random.code(), random.err());
        Path model = dir.resolve("reach_success.onnx");
        CliRun train = mantis("train", "success", "--data", ok.toString(), "--data", fail.toString(), "--out",
                model.toString());
        assertEquals(0, train.code(), train.err());
        Path stopper = dir.resolve("reach_stop.onnx");
        CliRun trainStopper = mantis("train", "success", "--data", ok.toString(), "--data", fail.toString(), "--out",
                stopper.toString(), "--early-stop");
        assertEquals(0, trainStopper.code(), trainStopper.err());

        // PyTorch's held-out numbers: 18 episodes, two thirds successes
        JsonNode report = new ObjectMapper().readTree(Files.readString(Path.of(model + ".train.json")));
        JsonNode heldOut = report.get("held_out");
        assertTrue(heldOut.get("episodes").get("accuracy").asDouble() >= 0.9, heldOut.toString());
        assertTrue(heldOut.get("frames").get("balanced_accuracy").asDouble() >= 0.9, heldOut.toString());
        assertEquals(0, heldOut.get("first_fire").get("false_alarms").asInt(), heldOut.toString());

        // the Java host gives PyTorch's probabilities on the same raw features
        TaskSpec reach = dev.mantis.launch.task.TaskSource.task("reach");
        Task task = new Task(reach);
        TaskObservation view;
        try (Scene scene = Scene.build(task.sceneSpec())) {
            view = new TaskObservation(task, scene.robot(0).observationSpec());
        }
        JsonNode reference = report.get("reference");
        assertTrue(reference.size() >= 10, reference.toString());
        int positives = 0;
        try (SuccessClassifier classifier = SuccessClassifier.load(model, "panda", view.spec(), view.goalSpec(),
                PolicyOptions.defaults())) {
            assertEquals(0.5, classifier.threshold());
            assertEquals(0, classifier.confirmFrames(), "episodes run to the horizon");
            for (JsonNode frame : reference) {
                double[][] values = new double[view.spec().features().size()][];
                for (int i = 0; i < values.length; i++) {
                    FeatureSpec f = view.spec().features().get(i);
                    JsonNode v = frame.get("observation").get(f.name());
                    values[i] = new double[f.size()];
                    for (int k = 0; v != null && k < f.size(); k++) {
                        values[i][k] = v.get(k).asDouble();
                    }
                }
                double[] goal = new double[view.goalSpec().features().get(0).size()];
                for (int k = 0; k < goal.length; k++) {
                    goal[k] = frame.get("goal").get(TaskRecording.GOAL_STATE).get(k).asDouble();
                }
                double p = classifier.probability(new Observation(view.spec(), 0, values), view.goal(goal));
                assertEquals(frame.get("probability").asDouble(), p, 1e-5, frame.toString());
                positives += frame.get("label").asInt();
            }
        }
        assertTrue(positives > 0, "the reference has positive frames: " + reference);

        // autonomous collection labels episodes with it and keeps the predicate beside
        try (ServedSimulator sim = ServedSimulator.start(CORE.get(), "--robot", "panda", "--profile", "franka", "--task",
                "reach")) {
            CliRun oracle = mantis(autonomous("oracle", model.toString(), 12, "auto-oracle").toArray(new String[0]));
            assertEquals(0, oracle.code(), oracle.err());
            CliRun flailing = mantis(autonomous("random", model.toString(), 6, "auto-random").toArray(new String[0]));
            assertEquals(0, flailing.code(), flailing.err());
            CliRun stopping = mantis(autonomous("oracle", stopper.toString(), 12, "auto-stop").toArray(new String[0]));
            assertEquals(0, stopping.code(), stopping.err());
            // a policy is no classifier, and a classifier no policy: one line each, nothing recorded
            Path policy = Path.of("../assets/src/main/resources/mantis/policies/reach_bc.onnx").toAbsolutePath()
                    .normalize();
            CliRun wrong = mantis(autonomous("oracle", policy.toString(), 1, "wrong").toArray(new String[0]));
            assertEquals(2, wrong.code(), wrong.err());
            assertEquals("mantis: --success " + policy + ": is a feedforward policy, not a success classifier; give it "
                    + "as the policy and train a classifier with policies/train/train_success.py\n", wrong.err());
            CliRun swapped = mantis(autonomous(model.toString(), "predicate", 1, "wrong").toArray(new String[0]));
            assertEquals(2, swapped.code(), swapped.err());
            assertEquals("mantis: " + model + ": is a success classifier, not a policy; give it as the success "
                    + "detector (mantis collect --success " + model + ") and give --policy a policy model\n",
                    swapped.err());
            assertTrue(!Files.exists(dir.resolve("wrong")), "nothing recorded");
        }
        int agree = 0;
        int episodes = 0;
        StringBuilder table = new StringBuilder();
        for (String run : List.of("auto-oracle", "auto-random")) {
            DatasetReader reader = DatasetReader.open(dir.resolve(run));
            assertEquals(List.of(), reader.validate());
            for (EpisodeRow row : reader.episodes()) {
                boolean success = (Boolean) row.extra(TaskRecording.EPISODE_SUCCESS);
                boolean predicate = (Boolean) row.extra(AutonomousCollection.PREDICATE_SUCCESS);
                double p = (Double) row.extra(AutonomousCollection.SUCCESS_CONFIDENCE);
                assertTrue(p >= 0 && p <= 1, "a probability: " + p);
                assertEquals(p >= 0.5, success, "the label is the last frame's probability >= 0.5: " + p);
                assertEquals(60L, row.length(), "the episode ran to its horizon");
                table.append(String.format(Locale.ROOT, "%s %d: p %.3f success %b predicate %b length %d%n", run,
                        row.episodeIndex(), p, success, predicate, row.length()));
                agree += success == predicate ? 1 : 0;
                episodes++;
            }
        }
        assertEquals(18, episodes, table.toString());
        assertTrue(agree >= 16, "the classifier agrees with the simulator's predicate on " + agree + " of 18:\n" + table);
        assertStopsEarly(dir.resolve("auto-stop"));
    }

    /**
     * The early-stopping classifier ends the oracle's episodes about where the predicate would (a
     * reach takes 15 to 31 steps of the 60-step horizon), mostly agreeing with it; one that misses
     * runs to the horizon.
     */
    private void assertStopsEarly(Path auto) throws Exception {
        DatasetReader reader = DatasetReader.open(auto);
        int agree = 0;
        int early = 0;
        StringBuilder table = new StringBuilder();
        for (EpisodeRow row : reader.episodes()) {
            boolean success = (Boolean) row.extra(TaskRecording.EPISODE_SUCCESS);
            boolean predicate = (Boolean) row.extra(AutonomousCollection.PREDICATE_SUCCESS);
            table.append(String.format(Locale.ROOT, "%d: p %.3f success %b predicate %b length %d%n",
                    row.episodeIndex(), (Double) row.extra(AutonomousCollection.SUCCESS_CONFIDENCE), success, predicate,
                    row.length()));
            agree += success == predicate ? 1 : 0;
            early += row.length() < 60 ? 1 : 0;
            if (row.length() < 60) {
                assertTrue(success, "an episode ends early only as a success:\n" + table);
            }
        }
        assertEquals(12, reader.episodes().size());
        assertTrue(early >= 9 && agree >= 10, early + " stopped early, " + agree + " of 12 agree:\n" + table);
    }

    @Test
    void keyPressesLabelEpisodesAndTheEndOfInputStopsTheRunCleanly() throws Exception {
        Path out = dir.resolve("labelled");
        CliRun simulated = mantis("collect", "--task", "reach", "--episodes", "1", "--out", out.toString(), "--success",
                "key");
        assertEquals(2, simulated.code(), simulated.err());
        assertEquals("mantis: --success key needs --robot ros:PROFILE --autonomous; in simulation the task's "
                + "predicate labels episodes\n", simulated.err());
        try (ServedSimulator sim = ServedSimulator.start(CORE.get(), "--robot", "panda", "--profile", "franka", "--task",
                "reach")) {
            // episode 0: yes; episode 1: a typo, then no; episode 2: the input ends
            String first = collect(autonomous("oracle", "key", 4, "labelled"), "Yes\nmaybe\nn\n", 1);
            assertTrue(first.contains("episode 1: success? [y/n] answer y (yes, s) or n (no, f)"), first);
            assertTrue(first.contains("mantis: autonomous collection stopped: standard input ended before episode 2 "
                    + "was labelled, so it is not recorded; the 2 episodes labelled are kept in " + out
                    + "; run again with --resume to go on"), first);
            assertEquals(List.of(true, false), labels(out));
            List<String> resume = autonomous("oracle", "key", 4, "labelled");
            resume.add("--resume");
            String second = collect(resume, "s\nf\n", 0);
            assertTrue(second.contains("episode 2: success? [y/n]") && second.contains("episode 3: success? [y/n]"),
                    second);
        }
        assertEquals(List.of(true, false, true, false), labels(out));
        DatasetReader reader = DatasetReader.open(out);
        for (EpisodeRow row : reader.episodes()) {
            boolean success = (Boolean) row.extra(TaskRecording.EPISODE_SUCCESS);
            assertEquals(success ? 1.0 : 0.0, row.extra(AutonomousCollection.SUCCESS_CONFIDENCE), "a person is sure");
            assertEquals(true, row.extra(AutonomousCollection.PREDICATE_SUCCESS), "the oracle reached every goal");
            assertEquals(60L, row.length(), "a person's episode runs to the horizon");
        }
        List<String> other = autonomous("oracle", "predicate", 4, "labelled");
        other.add("--resume");
        CliRun refused = mantis(other.toArray(new String[0]));
        assertEquals(2, refused.code(), refused.err());
        assertEquals("mantis: " + out + ": was labelled with --success key; resume with the same --success\n",
                refused.err());
    }

    /** The episodes' success labels, in run order. */
    private static List<Boolean> labels(Path out) throws Exception {
        return DatasetReader.open(out).episodes().stream()
                .map(r -> (Boolean) r.extra(TaskRecording.EPISODE_SUCCESS)).toList();
    }

    /** Runs collect in its own JVM with {@code input} as its standard input; returns its stderr. */
    private static String collect(List<String> args, String input, int expectedCode) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(CORE.get().env());
        Process p = pb.start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), err);
        assertEquals(expectedCode, p.exitValue(), err);
        return err;
    }
}
