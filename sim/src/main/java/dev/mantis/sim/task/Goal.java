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
     * Pick up one of {@code objects}, drawn per episode and set at a position drawn from the x and
     * y ranges (the others wait where they were placed), and hold it at least {@code height}
     * metres above where it rested.
     */
    record LiftOne(java.util.List<String> objects, double height, double[] x, double[] y) implements Goal {

        public LiftOne {
            objects = java.util.List.copyOf(objects);
        }

        /** The point {@code height} above the drawn object's start (x, y, z, world frame). */
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

    /**
     * Put an object (one of {@code objects}, drawn per episode: e.g. the block of a named colour
     * among distractors) into a fixture: into a bowl or a zone, against a corner, into a pocket or
     * a hole. The object's centre must lie within {@code tolerance} (half extents along the
     * fixture's x and y, metres) of the site at {@code dx, dy} in the fixture frame, its bottom
     * {@code bottom} metres above the table (within 5 mm), its yaw within {@code yawTolerance}
     * radians of the fixture's (modulo the object's symmetry; infinite: any yaw), at rest and
     * released. The oracle sets the object down {@code slide} (fixture frame, metres) away from
     * the site and slides it in while holding it (for a corner), or lowers it straight in.
     */
    record Into(java.util.List<String> objects, String fixture, double dx, double dy, double bottom,
            double[] tolerance, double yawTolerance, double[] slide) implements Goal {

        public Into {
            objects = java.util.List.copyOf(objects);
        }

        /**
         * Three points (x, y, z, world frame): the object's centre when seated; a point 5 cm
         * from it along the fixture's x axis (the fixture's heading); where the object to move
         * started (which of the objects it is).
         */
        @Override
        public int stateSize() {
            return 9;
        }
    }

    /**
     * Towers of Hanoi: {@code disks} (largest first) start stacked on the first of three
     * {@code positions} of {@code fixture} (x, y in its frame, metres) and must end stacked in
     * the same order on the last, moved one at a time, never a larger disk resting on a smaller
     * one; each centre within {@code tolerance} metres of its place, at rest and released.
     */
    record Hanoi(String fixture, java.util.List<String> disks, java.util.List<double[]> positions, double tolerance)
            implements Goal {

        public Hanoi {
            disks = java.util.List.copyOf(disks);
            positions = java.util.List.copyOf(positions);
        }

        /** Each disk's final centre (x, y, z, world frame). */
        @Override
        public int stateSize() {
            return 3 * disks.size();
        }
    }

    /**
     * Move joint {@code joint} of the articulated object {@code object} (open or close a drawer,
     * press a button) from a start drawn in the {@code start} range into the {@code target} range
     * (metres or radians). The oracle brings the closed gripper's tool point to {@code site} (x, y,
     * z in the joint's frame at joint value 0, metres: behind a handle, in front of it, on a
     * button) from above, then moves it with the joint as far as joint value {@code driveTo}.
     */
    record Articulate(String object, String joint, double[] start, double[] target, double[] site, double driveTo)
            implements Goal {

        /** Where the oracle's tool point goes when the joint is at {@code driveTo} (x, y, z, world frame). */
        @Override
        public int stateSize() {
            return 3;
        }
    }
}
