package org.balloon.contracts;

/** Where the action stands; an action without a stage is COMPLETED. */
public enum Stage {
    PROPOSED,
    ONGOING,
    COMPLETED
}
