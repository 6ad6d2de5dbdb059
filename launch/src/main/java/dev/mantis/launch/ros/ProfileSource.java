package dev.mantis.launch.ros;

import dev.mantis.assets.BundledProfiles;
import dev.mantis.launch.InputException;
import dev.mantis.launch.robot.RobotSource;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.ros.driver.RosProfile;
import dev.mantis.sim.ros.RosProfileReader;
import dev.mantis.sim.task.TaskRobot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code --profile NAME|FILE.yaml} (or {@code --robot ros:NAME}) into a robot profile, and
 * a profile into the robot model it drives (a bundled robot, or the {@code --urdf} file).
 */
public final class ProfileSource {

    private ProfileSource() {
    }

    /**
     * The bundled profile {@code nameOrFile}, or the profile in that YAML file.
     *
     * @throws InputException for an unknown name, an unreadable file, or a malformed profile
     */
    public static RosProfile profile(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml") || Files.isRegularFile(file)) {
            try {
                return RosProfileReader.read(Files.readString(file), nameOrFile);
            } catch (IOException e) {
                throw new InputException(nameOrFile + ": cannot read the profile (" + e.getMessage() + ")");
            }
        }
        String yaml = BundledProfiles.yaml(nameOrFile).orElseThrow(() -> new InputException("no robot profile '"
                + nameOrFile + "'; bundled profiles: " + String.join(", ", BundledProfiles.names())
                + "; or give a profile YAML file"));
        return RosProfileReader.read(yaml, "profile " + nameOrFile);
    }

    /** The robot {@code profile} drives: its bundled robot, or for a URDF profile {@code urdf}'s model. */
    public static TaskRobot robot(RosProfile profile, Optional<String> urdf) {
        if (!profile.robot().equals(RosProfile.URDF)) {
            if (urdf.isPresent()) {
                throw new InputException("--urdf " + urdf.get() + ": profile '" + profile.name() + "' drives the "
                        + "bundled robot '" + profile.robot() + "'; drop --urdf");
            }
            try {
                return TaskRobot.bundled(profile.robot(), "profile " + profile.name());
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
        }
        String path = urdf.orElseThrow(() -> new InputException("profile '" + profile.name() + "' drives a robot "
                + "Mantis does not bundle; give its URDF with --urdf FILE"));
        RobotModel model = RobotSource.load(path, List.of(), System.getenv("ROS_PACKAGE_PATH"));
        if (model.link(profile.eeLink().orElseThrow()).isEmpty()) {
            throw new InputException("--urdf " + path + ": has no link '" + profile.eeLink().get() + "', the "
                    + "end-effector link profile '" + profile.name() + "' names");
        }
        return TaskRobot.of(model, profile.eeLink().get(), profile.gripperJoint());
    }
}
