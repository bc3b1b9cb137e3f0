package org.balloon.contracts;

import java.util.List;

/** One failure mode's share of a score: 0-100, the rules that fired, and why it matters. */
public record CriterionScore(
        Criterion criterion,
        int score,
        List<Factor> factors,
        String rationale) {
}
