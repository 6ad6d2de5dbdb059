package dev.mantis.sim.view;

/** What a key does in the viewer. */
public enum ViewAction {
    /** Pause or resume playback. */
    PAUSE("pause"),
    /** Advance one control step (pauses). */
    STEP("step"),
    /** Go back one frame (recorded episodes; pauses). */
    BACK("back"),
    /** Go back ten frames (recorded episodes; pauses). */
    BACK_10("back 10"),
    /** Go forward ten frames (pauses). */
    FORWARD_10("fwd 10"),
    /** Live: the next episode (next seed); recorded: back to the first frame. */
    RESET("reset"),
    /** Halve the playback speed. */
    SLOWER("slower"),
    /** Double the playback speed. */
    FASTER("faster"),
    /** Put the camera back to its initial view. */
    HOME_CAMERA("camera home"),
    /** Close the viewer. */
    QUIT("quit");

    private final String label;

    ViewAction(String label) {
        this.label = label;
    }

    /** A short name for the help line. */
    public String label() {
        return label;
    }
}
