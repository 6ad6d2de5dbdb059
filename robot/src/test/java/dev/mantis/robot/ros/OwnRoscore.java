package dev.mantis.robot.ros;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A roscore of a test class's own ({@link Roscore#start()}), for classes whose nodes change what
 * others would see (e.g. a served simulator sets {@code /use_sim_time}): started before the class's
 * tests, killed after them. Register it as {@code @RegisterExtension static final OwnRoscore CORE}.
 */
public final class OwnRoscore implements BeforeAllCallback, AfterAllCallback {

    private Roscore core;

    /** The running roscore. */
    public Roscore get() {
        if (core == null) {
            throw new IllegalStateException("the roscore starts before the class's tests; register OwnRoscore "
                    + "as a static @RegisterExtension field");
        }
        return core;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        core = Roscore.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (core != null) {
            core.close();
            core = null;
        }
    }
}
