package dev.mantis.sim.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mantis.assets.BundledTasks;
import dev.mantis.robot.dataset.DatasetReader;
import dev.mantis.robot.dataset.DatasetWriter;
import dev.mantis.robot.dataset.EpisodeFrames;
import dev.mantis.robot.safety.EStopLatch;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.robot.safety.SafetySettings;
import dev.mantis.robot.safety.WorkspaceBox;
import dev.mantis.robot.spatial.Vec3;
import dev.mantis.sim.scene.Scene;
import dev.mantis.sim.task.EpisodeResult;
import dev.mantis.sim.task.EpisodeRunner;
import dev.mantis.sim.task.EpisodeSafety;
import dev.mantis.sim.task.PolicyFactory;
import dev.mantis.sim.task.StepRecorder;
import dev.mantis.sim.task.Task;
import dev.mantis.sim.task.TaskSpec;
import dev.mantis.sim.task.TaskSpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Safety events of collected episodes land in the dataset: per frame and per episode. */
class SafetyRecordingTest {

    private static final TaskSpec REACH = TaskSpecReader.read(BundledTasks.yaml("reach").orElseThrow(), "reach.yaml");

    @Test
    void workspaceClampsAreRecordedPerFrameAndPerEpisodeAndTheHandStaysInTheBox(@TempDir Path dir) throws Exception {
        double[] start;
        try (Scene scene = Scene.build(new Task(REACH).sceneSpec())) {
            scene.reset(0);
            start = scene.robot(0).eePose();
        }
        double h = 0.03;
        WorkspaceBox box = new WorkspaceBox(new Vec3(start[9] - h, start[10] - h, start[11] - h),
                new Vec3(start[9] + h, start[10] + h, start[11] + h));
        SafetySettings d = SafetySettings.DEFAULT;
        SafetySettings tight = new SafetySettings(d.positionMargin(), d.velocityScale(), d.acceleration(), d.eeSpeed(),
                d.eeAcceleration(), d.eeAngularSpeed(), Optional.of(box), d.maxRateHz(), d.stateTimeout(),
                d.stepTimeout(), d.onTrip());
        List<SafetyEvent> logged = new ArrayList<>();
        Path out = dir.resolve("ds");
        try (Scene scene = Scene.build(new Task(REACH).sceneSpec());
                DatasetWriter writer = DatasetWriter.create(out, TaskRecording.spec(List.of(REACH), scene.robot(0),
                        true))) {
            Collection.run(List.of(REACH), 2, 3, 1, "oracle", PolicyFactory.ORACLE, false,
                    EpisodeSafety.of(tight, logged::add), RecordedCameras.NONE, writer, (done, ok, total) -> { });
        }
        DatasetReader reader = DatasetReader.open(out);
        assertEquals(List.of(), reader.validate());
        long recordedEvents = 0;
        for (int e = 0; e < 2; e++) {
            EpisodeFrames frames = reader.episode(e);
            long clamped = 0;
            boolean workspaceFrame = false;
            for (int f = 0; f < frames.length(); f++) {
                clamped += (long) frames.get(TaskRecording.SAFETY_CLAMPED, f)[0];
                workspaceFrame |= frames.get(TaskRecording.SAFETY_EVENT, f)[0] == SafetyEvent.Kind.WORKSPACE.code();
                double[] ee = frames.get("observation.ee_pose", f);
                for (int i = 0; i < 3; i++) {
                    assertTrue(ee[i] > box.min(i) - 0.005 && ee[i] < box.max(i) + 0.005, "episode " + e + " frame "
                            + f + ": the hand left the box along axis " + i + ": " + ee[i]);
                }
            }
            assertTrue(workspaceFrame, "episode " + e + " has frames with the workspace event code");
            long count = (Long) frames.row().extra(TaskRecording.SAFETY_EVENTS);
            assertEquals(count, clamped, "every event of the episode is a clamp counted in its frames");
            String log = (String) frames.row().extra(TaskRecording.SAFETY_LOG);
            assertEquals(Math.min(count, EpisodeRecorder.LOG_LINES), log.lines().filter(l -> l.startsWith("safety t="))
                    .count(), log);
            assertTrue(log.contains(" workspace ee."), log);
            recordedEvents += count;
        }
        assertEquals(logged.size(), recordedEvents, "the dataset holds every logged event");
    }

    @Test
    void withoutTheSafetyLayerTheRecordingHasNoSafetyColumns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ds");
        try (Scene scene = Scene.build(new Task(REACH).sceneSpec());
                DatasetWriter writer = DatasetWriter.create(out, TaskRecording.spec(List.of(REACH), scene.robot(0)))) {
            Collection.run(List.of(REACH), 1, 3, 1, "oracle", PolicyFactory.ORACLE, false, writer,
                    (done, ok, total) -> { });
        }
        DatasetReader reader = DatasetReader.open(out);
        assertFalse(reader.episode(0).has(TaskRecording.SAFETY_EVENT));
        assertEquals(null, reader.episodes().get(0).extra(TaskRecording.SAFETY_EVENTS));
    }

    @Test
    void anEngagedEStopEndsTheEpisodeAsASafetyStop() {
        Task task = new Task(REACH);
        try (Scene scene = Scene.build(task.sceneSpec())) {
            EStopLatch estop = new EStopLatch();
            estop.trip("test");
            var placement = scene.spec().robots().get(0);
            SafeRobot safe = SafeRobot.of(scene.robot(0), placement.model(), placement.profile().eeLink(),
                    SafetySettings.DEFAULT, scene::time, estop, e -> { });
            EpisodeResult r = EpisodeRunner.run(task, scene, Optional.of(safe), 0, 3,
                    s -> PolicyFactory.ORACLE.create(task, s, 3), StepRecorder.NONE);
            assertEquals(EpisodeResult.SAFETY_STOP, r.failure());
            assertEquals(1, r.steps());
            assertEquals(Map.of("estop", 1), r.safetyEvents());
        }
    }
}
