package dev.mantis.robot.spec;

/** Element type of a feature, with the name LeRobot datasets use for it. */
public enum DType {
    /** 32-bit float. */
    FLOAT32("float32"),
    /** 64-bit float. */
    FLOAT64("float64"),
    /** 64-bit signed integer. */
    INT64("int64"),
    /** Boolean. */
    BOOL("bool"),
    /** Unsigned byte (image pixels). */
    UINT8("uint8");

    private final String lerobotName;

    DType(String lerobotName) {
        this.lerobotName = lerobotName;
    }

    /** The dtype string of a LeRobot {@code info.json} feature. */
    public String lerobotName() {
        return lerobotName;
    }
}
