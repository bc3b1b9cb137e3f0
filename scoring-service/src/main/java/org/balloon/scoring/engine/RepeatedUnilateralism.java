package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
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
    public Optional<Hit> apply(PolicyAction action, List<PolicyAction> earlier, HistoryConfig c) {
        if (!abroad(action) || !(unilateral(action) || lethal(action))) {
            return Optional.empty();
        }
        List<PolicyAction> before = earlier.stream()
                .filter(e -> action.targetCountry().equals(e.targetCountry()) && (unilateral(e) || lethal(e))
                        && within(action, e, c.frictionYears() * 12))
                .toList();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        int points = Math.min(c.frictionCap(), c.frictionPoints() * before.size());
        return hit(points, before.size() + " earlier unilateral or lethal action(s) against " + action.targetCountry()
                + " within " + c.frictionYears() + " years: " + cite(before), before);
    }
}
