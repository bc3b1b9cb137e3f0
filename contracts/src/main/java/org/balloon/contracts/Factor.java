package org.balloon.contracts;

import java.util.List;
import java.util.UUID;

/**
 * One rule that fired: its id (e.g. {@code SF-03}), the points it added, and what in the action triggered it.
 *
 * @param cites optional and additive (issue 14): on a history factor, the ids of the earlier actions of the
 *              record it rests on, newest first; absent on a rule that reads the action alone. What the
 *              timeline resolves into "the earlier actions this score cites" without parsing the evidence.
 */
public record Factor(String rule, int points, String evidence, List<UUID> cites) {

    public Factor {
        cites = cites == null || cites.isEmpty() ? null : List.copyOf(cites);
    }

    /** A factor of a rule that reads the action alone: it cites no earlier action. */
    public Factor(String rule, int points, String evidence) {
        this(rule, points, evidence, null);
    }
}
