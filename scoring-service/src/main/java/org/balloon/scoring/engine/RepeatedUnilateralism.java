package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PolicyAction;

/** SF-13: unilateral or lethal action against a country that has had it before: friction escalates. */
public final class RepeatedUnilateralism extends HistoryFactor {

    public RepeatedUnilateralism() {
        super(Criterion.SOVEREIGNTY_FRICTION, "SF-13",
                "unilateral (partnerConsent NONE) or lethal action abroad against a country that had such actions before (within history.friction-years)",
                "Repeated unilateral or lethal moves against the same country compound the diplomatic backlash and the loss of partner buy-in.",
                Passages.SOVEREIGNTY);
    }

    @Override
    public Set<String> basisKeys(PolicyAction earlier) {
        return (unilateral(earlier) || lethal(earlier)) && earlier.targetCountry() != null ? Set.of(earlier.targetCountry()) : Set.of();
    }

    @Override
    public Set<String> readKeys(PolicyAction action) {
        return abroad(action) && (unilateral(action) || lethal(action)) ? Set.of(action.targetCountry()) : Set.of();
    }

    @Override
    public int windowMonths(HistoryConfig c) {
        return c.frictionYears() * 12;
    }

    @Override
    public int nearest(HistoryConfig c) {
        return toReach(c.frictionCap(), c.frictionPoints());
    }

    @Override
    protected Optional<Hit> judge(PolicyAction action, List<PolicyAction> before, HistoryConfig c) {
        int points = Math.min(c.frictionCap(), c.frictionPoints() * before.size());
        return hit(points, count(before, nearest(c)) + " earlier unilateral or lethal action(s) against " + action.targetCountry()
                + " within " + c.frictionYears() + " years: " + cite(before), before);
    }
}
