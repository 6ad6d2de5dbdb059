package dev.mantis.robot.safety;

import java.util.function.DoubleSupplier;

/** A clock tests set by hand, seconds. */
final class ManualClock implements DoubleSupplier {

    double now;

    @Override
    public double getAsDouble() {
        return now;
    }
}
