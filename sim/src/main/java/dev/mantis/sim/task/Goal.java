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

    /**
     * Put several objects at positions fixed relative to an anchor point drawn from the x and y
     * ranges (e.g. a 2 x 2 pallet, a pyramid, a tower), in the listed order, each within
     * {@code tolerance} metres, at rest and released.
     */
    record Arrange(double[] x, double[] y, double tolerance, java.util.List<Target> targets) implements Goal {

        /**
         * Where one object goes: {@code dx, dy} from the anchor (metres) and the height of its
         * bottom above the table (0 on the table, 0.04 on a 4 cm block).
         */
        public record Target(String object, double dx, double dy, double bottom) {
        }

        public Arrange {
            targets = java.util.List.copyOf(targets);
        }

        @Override
        public int stateSize() {
            return 3 * targets.size();
        }
    }
}
