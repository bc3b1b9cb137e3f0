package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PolicyAction;

/** BA-10: lethal force again in a country that has seen it before: grievances accumulate. */
public final class RepeatedLethalForce extends HistoryFactor {

    public RepeatedLethalForce() {
        super(Criterion.BACKLASH, "BA-10",
                "lethal force in a country where US or US-backed lethal force was used before (within history.friction-years)",
                "Each further round of lethal force in the same country adds to the alienation and recruitment that militarisation breeds.",
                Passages.MILITARIZATION);
    }

    @Override
    public Optional<Hit> apply(PolicyAction action, List<PolicyAction> earlier, HistoryConfig c) {
        if (!lethal(action) || action.targetCountry() == null) {
            return Optional.empty();
        }
        List<PolicyAction> before = earlier.stream()
                .filter(e -> lethal(e) && action.targetCountry().equals(e.targetCountry()) && within(action, e, c.frictionYears() * 12))
                .toList();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        int points = Math.min(c.backlashCap(), c.backlashPoints() * before.size());
        return hit(points, before.size() + " earlier lethal action(s) in " + action.targetCountry() + " within "
                + c.frictionYears() + " years: " + cite(before), before);
    }
}
