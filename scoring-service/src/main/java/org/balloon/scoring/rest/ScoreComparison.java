package org.balloon.scoring.rest;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.Factor;

/**
 * One action scored under the replaced model and the active one, side by side, with what moved:
 * per criterion the two scores, the change and the rules that fired under only one of them.
 */
public record ScoreComparison(String previousModelVersion, String currentModelVersion, int overallChange,
        List<CriterionChange> criteria, ActionScore previous, ActionScore current) {

    /** A criterion under both models; {@code rulesAdded} fired only under the current model, {@code rulesRemoved} only under the previous. */
    public record CriterionChange(Criterion criterion, int previous, int current, int change, List<String> rulesAdded,
            List<String> rulesRemoved) {
    }

    static ScoreComparison of(ActionScore previous, ActionScore current) {
        List<CriterionChange> changes = current.criteria().stream().map(now -> {
            CriterionScore before = previous.criteria().stream().filter(c -> c.criterion() == now.criterion())
                    .findFirst().orElseThrow();
            Set<String> was = rules(before);
            Set<String> is = rules(now);
            return new CriterionChange(now.criterion(), before.score(), now.score(), now.score() - before.score(),
                    is.stream().filter(r -> !was.contains(r)).toList(), was.stream().filter(r -> !is.contains(r)).toList());
        }).toList();
        return new ScoreComparison(previous.modelVersion(), current.modelVersion(), current.overall() - previous.overall(),
                changes, previous, current);
    }

    private static Set<String> rules(CriterionScore s) {
        Set<String> ids = new TreeSet<>();
        s.factors().stream().map(Factor::rule).forEach(ids::add);
        return ids;
    }
}
