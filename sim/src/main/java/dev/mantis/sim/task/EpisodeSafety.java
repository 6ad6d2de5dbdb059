package dev.mantis.sim.task;

import dev.mantis.robot.safety.EStop;
import dev.mantis.robot.safety.SafeRobot;
import dev.mantis.robot.safety.SafetyEvent;
import dev.mantis.robot.safety.SafetySettings;
import dev.mantis.sim.scene.RobotPlacement;
import dev.mantis.sim.scene.Scene;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Whether and how episodes run behind the safety layer: the settings (limits derived from each
 * scene's robot URDF) and where events are logged as they happen, or {@link #OFF}.
 */
public final class EpisodeSafety {

    /** Episodes command the simulated robot directly. */
    public static final EpisodeSafety OFF = new EpisodeSafety(null, e -> {
    });

    private final SafetySettings settings;
    private final Consumer<SafetyEvent> log;

    private EpisodeSafety(SafetySettings settings, Consumer<SafetyEvent> log) {
        this.settings = settings;
        this.log = log;
    }

    /** Episodes behind a safety layer with {@code settings}, each event also told to {@code log}. */
    public static EpisodeSafety of(SafetySettings settings, Consumer<SafetyEvent> log) {
        return new EpisodeSafety(settings, log);
    }

    /** Whether the safety layer is on. */
    public boolean enabled() {
        return settings != null;
    }

    /**
     * The safety layer around the first robot of {@code scene}, empty when off. Its clock reads the
     * end of the current control period (scene time plus one period): a simulated robot carries out
     * a command over the period that follows it, so that is when the command has taken effect; the
     * robot's state, stamped with scene time, is then one period old.
     *
     * @throws IllegalArgumentException if the control period is not shorter than the watchdog's
     *     timeouts, or the settings do not fit the robot (see {@link SafeRobot#of})
     */
    public Optional<SafeRobot> wrap(Scene scene) {
        if (settings == null) {
            return Optional.empty();
        }
        RobotPlacement placement = scene.spec().robots().get(0);
        double period = 1 / scene.spec().controlHz();
        if (period >= settings.stateTimeout() || period >= settings.stepTimeout()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the control period %.3f s is not "
                    + "shorter than the watchdog's state_timeout %.3f s and step_timeout %.3f s; raise them",
                    period, settings.stateTimeout(), settings.stepTimeout()));
        }
        return wrap(scene.robot(0), placement.model(), placement.profile().eeLink(), () -> scene.time() + period,
                EStop.NONE);
    }

    /**
     * The safety layer around any robot (e.g. one driven over ROS) of model {@code model}, empty
     * when off.
     *
     * @param clock seconds, on the time base of the robot's observation timestamps
     * @param estop the e-stop the layer obeys
     * @throws IllegalArgumentException if the settings do not fit the robot (see {@link SafeRobot#of})
     */
    public Optional<SafeRobot> wrap(dev.mantis.robot.Robot robot, dev.mantis.robot.model.RobotModel model,
            String eeLink, java.util.function.DoubleSupplier clock, EStop estop) {
        if (settings == null) {
            return Optional.empty();
        }
        return Optional.of(SafeRobot.of(robot, model, eeLink, settings, clock, estop, log));
    }
}
