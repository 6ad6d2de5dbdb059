package dev.mantis.launch.robot;

import dev.mantis.assets.BundledRobots;
import dev.mantis.launch.InputException;
import dev.mantis.robot.model.RobotModel;
import dev.mantis.robot.urdf.MeshResolver;
import dev.mantis.robot.urdf.UrdfLoader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a command-line robot argument (a URDF path or a bundled robot id) into a model. */
public final class RobotSource {

    private RobotSource() {
    }

    /**
     * Loads {@code fileOrId}: an existing file is read as URDF, otherwise it must name a bundled
     * robot. Mesh files are searched in {@code packagePath} and then in {@code rosPackagePath}
     * (the ROS_PACKAGE_PATH convention: directories separated by ':').
     */
    public static RobotModel load(String fileOrId, List<Path> packagePath, String rosPackagePath) {
        List<Path> roots = new ArrayList<>(packagePath);
        if (rosPackagePath != null && !rosPackagePath.isBlank()) {
            for (String part : rosPackagePath.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    roots.add(Path.of(part));
                }
            }
        }
        UrdfLoader loader = new UrdfLoader(new MeshResolver(roots));
        Path file = Path.of(fileOrId);
        if (Files.isRegularFile(file)) {
            return loader.load(file);
        }
        if (Files.exists(file)) {
            throw new InputException(fileOrId + ": is not a regular file; give a URDF file or a bundled robot id");
        }
        return BundledRobots.find(fileOrId).map(e -> loader.load(e.url())).orElseThrow(() -> new InputException(
                "no URDF file or bundled robot named '" + fileOrId + "'; bundled robots: "
                        + BundledRobots.all().stream().map(BundledRobots.Entry::id).collect(Collectors.joining(", "))));
    }
}
