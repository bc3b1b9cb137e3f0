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
    public Set<String> basisKeys(PolicyAction earlier) {
        return DECAPITATION.contains(earlier.type()) ? organizations(earlier) : Set.of();
    }

    @Override
    public Set<String> readKeys(PolicyAction action) {
        return DECAPITATION.contains(action.type()) || COERCIVE.contains(action.type()) ? organizations(action) : Set.of();
    }

    @Override
    public int windowMonths(HistoryConfig c) {
        return c.decapitationYears() * 12;
    }

    @Override
    public int nearest(HistoryConfig c) {
        return toReach(c.decapitationCap(), c.decapitationPoints());
    }

    @Override
    protected Optional<Hit> judge(PolicyAction action, List<PolicyAction> basis, HistoryConfig c) {
        // one list per organisation the action targets: the newest across them
        List<PolicyAction> removals = newest(basis, nearest(c));
        int points = Math.min(c.decapitationCap(), c.decapitationPoints() * removals.size());
        return hit(points, count(removals, nearest(c)) + " earlier leadership removal(s) of the same organisation within "
                + c.decapitationYears() + " years: " + cite(removals), removals);
    }
}
