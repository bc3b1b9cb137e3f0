package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    public Set<String> basisKeys(PolicyAction earlier) {
        return lethal(earlier) && earlier.targetCountry() != null ? Set.of(earlier.targetCountry()) : Set.of();
    }

    @Override
    public Set<String> readKeys(PolicyAction action) {
        return lethal(action) && action.targetCountry() != null ? Set.of(action.targetCountry()) : Set.of();
    }

    @Override
    public int windowMonths(HistoryConfig c) {
        return c.frictionYears() * 12;
    }

    @Override
    public int nearest(HistoryConfig c) {
        return toReach(c.backlashCap(), c.backlashPoints());
    }

    @Override
    protected Optional<Hit> judge(PolicyAction action, List<PolicyAction> before, HistoryConfig c) {
        int points = Math.min(c.backlashCap(), c.backlashPoints() * before.size());
        return hit(points, count(before, nearest(c)) + " earlier lethal action(s) in " + action.targetCountry() + " within "
                + c.frictionYears() + " years: " + cite(before), before);
    }
}
