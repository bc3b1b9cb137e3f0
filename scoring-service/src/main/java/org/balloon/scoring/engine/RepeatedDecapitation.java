package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PolicyAction;

/** FR-11: the same organisation's leaders were removed before; one more removal splinters it further. */
public final class RepeatedDecapitation extends HistoryFactor {

    public RepeatedDecapitation() {
        super(Criterion.FRAGMENTATION_RISK, "FR-11",
                "aimed at a named organisation whose leaders were captured, killed or extradited before (within history.decapitation-years)",
                "Each new removal of the same organisation's leaders repeats the decapitation that splinters it into more, more violent factions.",
                Passages.DECENTRALISED);
    }

    @Override
    public Optional<Hit> apply(PolicyAction action, List<PolicyAction> earlier, HistoryConfig c) {
        Set<String> orgs = organizations(action);
        if (orgs.isEmpty() || !(DECAPITATION.contains(action.type()) || COERCIVE.contains(action.type()))) {
            return Optional.empty();
        }
        List<PolicyAction> removals = earlier.stream()
                .filter(e -> DECAPITATION.contains(e.type()) && within(action, e, c.decapitationYears() * 12))
                .filter(e -> organizations(e).stream().anyMatch(orgs::contains))
                .toList();
        if (removals.isEmpty()) {
            return Optional.empty();
        }
        int points = Math.min(c.decapitationCap(), c.decapitationPoints() * removals.size());
        return hit(points, removals.size() + " earlier leadership removal(s) of the same organisation within "
                + c.decapitationYears() + " years: " + cite(removals), removals);
    }
}
