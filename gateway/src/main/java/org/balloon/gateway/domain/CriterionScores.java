package org.balloon.gateway.domain;

import java.util.EnumMap;
import java.util.Map;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;

/** A score's value per criterion, in the model's criterion order (a criterion the score lacks is absent). */
public final class CriterionScores {

    private CriterionScores() {
    }

    public static Map<Criterion, Integer> of(ActionScore score) {
        Map<Criterion, Integer> byCriterion = new EnumMap<>(Criterion.class);
        if (score.criteria() != null) {
            for (CriterionScore cs : score.criteria()) {
                if (cs != null && cs.criterion() != null) {
                    byCriterion.put(cs.criterion(), cs.score());
                }
            }
        }
        return byCriterion;
    }
}
