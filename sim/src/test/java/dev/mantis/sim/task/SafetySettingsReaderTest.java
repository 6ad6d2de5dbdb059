package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mantis.robot.safety.SafetySettings;
import dev.mantis.robot.safety.WorkspaceBox;
import dev.mantis.robot.spatial.Vec3;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Safety YAML: every key read, absent keys default, bad files refused with file, line and fix. */
class SafetySettingsReaderTest {

    @Test
    void readsEveryKey() {
        String yaml = """
                robot: panda
                joints:
                  position_margin: 0.1
                  velocity_scale: 0.5
                  acceleration: 4
                end_effector:
                  speed: 0.3
                  acceleration: 2
                  angular_speed: 1
                  workspace:
                    min: [0.2, -0.4, 0.02]
                    max: [0.8, 0.4, 0.6]
                rate:
                  max_hz: 100
                watchdog:
                  state_timeout: 0.05
                  step_timeout: 0.2
                  on_trip: stop
                """;
        SafetySettings s = SafetySettingsReader.read(yaml, "s.yaml", "panda");
        assertEquals(new SafetySettings(0.1, 0.5, 4, 0.3, 2, 1, Optional.of(new WorkspaceBox(new Vec3(0.2, -0.4, 0.02),
                new Vec3(0.8, 0.4, 0.6))), 100, 0.05, 0.2, SafetySettings.OnTrip.STOP), s);
    }

    @Test
    void absentKeysKeepTheDefaults() {
        assertEquals(SafetySettings.DEFAULT, SafetySettingsReader.read("", "s.yaml", "panda"));
        SafetySettings s = SafetySettingsReader.read("rate:\n  max_hz: 50\n", "s.yaml", "panda");
        assertEquals(50, s.maxRateHz());
        assertEquals(SafetySettings.DEFAULT.positionMargin(), s.positionMargin());
    }

    @Test
    void badFilesGetOneLineNamingFileLineAndFix() {
        assertEquals("s.yaml:2: unknown key 'joints.margin'; expected one of position_margin, velocity_scale, "
                + "acceleration", error("joints:\n  margin: 0.1\n"));
        assertEquals("s.yaml:3: watchdog.step_timeout: -1.0 must be greater than 0 (seconds)",
                error("watchdog:\n  state_timeout: 0.1\n  step_timeout: -1\n"));
        assertEquals("s.yaml:2: watchdog.on_trip: 'brake' is not hold or stop", error("watchdog:\n  on_trip: brake\n"));
        assertEquals("s.yaml:1: robot: these settings are for 'ur5e' but the task's robot is 'panda'; use a safety "
                + "file for panda", error("robot: ur5e\n"));
        assertEquals("s.yaml:3: end_effector.workspace: min [0.0, 0.0, 0.5] exceeds max [1.0, 1.0, 0.1] on some axis; "
                + "swap them", error("end_effector:\n  workspace:\n    min: [0, 0, 0.5]\n    max: [1, 1, 0.1]\n"));
        assertEquals("s.yaml:2: joints.position_margin: 'wide' is not a finite number",
                error("joints:\n  position_margin: wide\n"));
    }

    private static String error(String yaml) {
        return assertThrows(TaskSpecException.class, () -> SafetySettingsReader.read(yaml, "s.yaml", "panda"))
                .getMessage();
    }
}
