package dev.mantis.sim.task;

/** What a task asks for, with where its target may be drawn (world frame, metres). */
public sealed interface Goal {

    /** Number of numbers in the goal state vector. */
    int stateSize();

    /**
     * Bring the end effector to a target point drawn from the x, y, z ranges; success within
     * {@code tolerance} metres.
     */
    record Reach(double[] x, double[] y, double[] z, double tolerance) implements Goal {
        @Override
        public int stateSize() {
            return 3;
        }
    }

    /**
     * Put {@code object} down, at rest on the table, with its centre within {@code tolerance}
     * metres (horizontally) of a target drawn from the x and y ranges, at least
     * {@code minDistance} from where the object started.
     */
    record Place(String object, double[] x, double[] y, double tolerance, double minDistance) implements Goal {
        @Override
        public int stateSize() {
            return 3;
        }
    }

    /** Pick {@code object} up and hold it at least {@code height} metres above where it rested. */
    record Lift(String object, double height) implements Goal {
        @Override
        public int stateSize() {
            return 3;
        }
    }

    /**
     * Put {@code object} on top of {@code onto}, centred within {@code tolerance} metres, at rest
     * and released.
     */
    record Stack(String object, String onto, double tolerance) implements Goal {
        @Override
        public int stateSize() {
            return 3;
        }
    }

    /**
     * Push {@code object} along the table (never lifting it) until its centre is within
     * {@code tolerance} metres of a target drawn from the x and y ranges, at least
     * {@code minDistance} from its start.
     */
    record Push(String object, double[] x, double[] y, double tolerance, double minDistance) implements Goal {
        @Override
        public int stateSize() {
            return 3;
        }
    }
}
