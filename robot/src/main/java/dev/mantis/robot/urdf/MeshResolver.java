package dev.mantis.robot.urdf;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the files that URDF mesh names refer to, on a search path of package roots.
 *
 * <ul>
 *   <li>{@code package://PKG/REST}: {@code ROOT/PKG/REST} for the first root where it exists, or
 *       {@code ROOT/REST} where the root's own directory is named {@code PKG};
 *   <li>{@code file:///abs/path}: that path;
 *   <li>a relative name: against the URDF file's directory first, then against each root;
 *   <li>an absolute path: itself.
 * </ul>
 *
 * Only regular files count as found. Other URI schemes are never found.
 */
public final class MeshResolver {

    private static final String PACKAGE = "package://";
    private static final String FILE = "file://";

    private final List<Path> searchPath;

    /** A resolver over these package roots, searched in order. */
    public MeshResolver(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
    }

    /** The package roots, in search order. */
    public List<Path> searchPath() {
        return searchPath;
    }

    /**
     * The file {@code filename} refers to, as an absolute normalised path, if it exists.
     *
     * @param baseDir the directory of the URDF file, or null when the URDF is not a file
     */
    public Optional<Path> resolve(String filename, Path baseDir) {
        return candidates(filename, baseDir).stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * Every place {@link #resolve} looks for {@code filename}, in order, as absolute normalised
     * paths; empty for names it cannot map to a path.
     *
     * @param baseDir the directory of the URDF file, or null when the URDF is not a file
     */
    public List<Path> candidates(String filename, Path baseDir) {
        List<Path> out = new ArrayList<>();
        try {
            if (filename.startsWith(PACKAGE)) {
                packageCandidates(filename.substring(PACKAGE.length()), out);
            } else if (filename.startsWith(FILE)) {
                out.add(Path.of(URI.create(filename)));
            } else if (!filename.contains("://")) {
                Path p = Path.of(filename);
                if (p.isAbsolute()) {
                    out.add(p);
                } else {
                    if (baseDir != null) {
                        out.add(baseDir.resolve(p));
                    }
                    searchPath.forEach(root -> out.add(root.resolve(p)));
                }
            }
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return List.of(); // not a name that maps to a local path (InvalidPathException included)
        }
        return out.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    private void packageCandidates(String packagePath, List<Path> out) {
        int slash = packagePath.indexOf('/');
        if (slash <= 0 || slash == packagePath.length() - 1) {
            return;
        }
        String pkg = packagePath.substring(0, slash);
        Path rest = Path.of(packagePath.substring(slash + 1));
        if (rest.isAbsolute()) {
            return;
        }
        for (Path root : searchPath) {
            out.add(root.resolve(pkg).resolve(rest));
            Path rootName = root.toAbsolutePath().normalize().getFileName();
            if (rootName != null && rootName.toString().equals(pkg)) {
                out.add(root.resolve(rest));
            }
        }
    }

    @Override
    public String toString() {
        return "MeshResolver" + searchPath;
    }
}
