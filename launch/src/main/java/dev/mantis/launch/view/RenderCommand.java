package dev.mantis.launch.view;

import dev.mantis.launch.InputException;
import dev.mantis.sim.render.RenderException;
import dev.mantis.sim.view.FrameSink;
import dev.mantis.sim.view.FrameSinks;
import dev.mantis.sim.view.Viewer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mantis render}: the viewer's picture of one frame to a PNG, or of the episode from there on to an MP4, off-screen. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render what 'mantis view' shows (scene, goal ghosts, overlay) off-screen, at one frame of a "
                + "live run or of a recorded episode, to a PNG; or to an MP4 (H.264), every control step from that frame to the "
                + "episode's end.",
            "", "Needs a display (an X server; Xvfb works)."},
        footer = {"", "Examples:", "  mantis render --task hanoi --out hanoi.png",
            "  mantis render --task pick_place --seed 3 --frame 60 --size 640x480 --out pick.png",
            "  mantis render data/core --episode 4 --frame 30 --out ep4.png",
            "  mantis render --task stack_two --size 640x480 --out stack_two.mp4"})
public final class RenderCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ViewSource source;

    @Option(names = "--out", required = true, paramLabel = "FILE.png|FILE.mp4", description = "The image or video to "
            + "write.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] size = source.size();
        FrameSink sink = sink(out);
        try {
            Viewer.requireDisplay();
        } catch (RenderException e) {
            throw new InputException(e.getMessage());
        }
        try (ViewSource.Opened opened = source.open(spec.commandLine().getErr()); sink) {
            Viewer.render(opened.playback(), source.camera(), size[0], size[1], sink);
        } catch (RenderException e) {
            throw new InputException(e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The sink for {@code file}, or a one-line input error (an unknown extension). */
    static FrameSink sink(Path file) {
        try {
            return FrameSinks.open(file);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }
}
