package dev.mantis.sim.task;

/** A task reset found no placement satisfying its constraints (an episode that cannot start). */
public final class PlacementException extends IllegalStateException {

    /** No placement: {@code message} names the task file, the object and the fix. */
    public PlacementException(String message) {
        super(message);
    }
}
