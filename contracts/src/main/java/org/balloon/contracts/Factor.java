package org.balloon.contracts;

/** One rule that fired: its id (e.g. {@code SF-03}), the points it added, and what in the action triggered it. */
public record Factor(String rule, int points, String evidence) {
}
