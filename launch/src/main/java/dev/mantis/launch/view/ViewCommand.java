package dev.mantis.launch.view;

import dev.mantis.launch.InputException;
import dev.mantis.sim.render.RenderException;
import dev.mantis.sim.view.FrameSink;
import dev.mantis.sim.view.Viewer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mantis view}: a window showing a live run of a task, or a recorded episode of a dataset. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = {"Open a 3D window showing a live run of a task with a policy (the same episode 'mantis eval' "
                + "runs for the seed), or a recorded episode of a dataset (re-simulated from its seed and actions). "
                + "The goal is drawn as translucent ghosts; the overlay shows task, seed, step, reward and success.",
            "", "Mouse: drag to orbit, right-drag to pan, wheel to zoom. Keys: space pause, . or right single step, "
                + "left back a frame, up/down 10 frames, r reset (live: next episode; recorded: frame 0), - slower, "
                + "+ faster, c camera home, q or Esc quit.",
            "", "Needs a display (an X server; Xvfb works)."},
        footer = {"", "Examples:", "  mantis view --task hanoi", "  mantis view --task reach --policy reach_bc.onnx --seed 3 --episode 2",
            "  mantis view data/core --episode 4",
            "  mantis view --task open_drawer --frame 40 --screenshot docs/viewer-open_drawer.png"})
public final class ViewCommand implements Callable<Integer> {

    @CommandLine.Mixin
    ViewSource source;

    @Option(names = "--screenshot", paramLabel = "FILE.png", description = "Save the window's image once it has "
            + "drawn a few frames (paused at --frame), then close the window.")
    Path screenshot;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] size = source.size();
        FrameSink sink = screenshot == null ? null : RenderCommand.sink(screenshot);
        try {
            Viewer.requireDisplay();
        } catch (RenderException e) {
            throw new InputException(e.getMessage());
        }
        try (ViewSource.Opened opened = source.open(spec.commandLine().getErr())) {
            Viewer.show(opened.playback(), source.camera(), size[0], size[1], sink);
        } catch (RenderException e) {
            throw new InputException(e.getMessage());
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
        if (screenshot != null) {
            spec.commandLine().getOut().println("wrote " + screenshot);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
