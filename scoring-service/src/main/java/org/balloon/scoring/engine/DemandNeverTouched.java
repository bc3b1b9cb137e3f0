package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PolicyAction;

/** DU-10: supply-side pressure keeps coming while nothing in the record touched demand. */
public final class DemandNeverTouched extends HistoryFactor {

    public DemandNeverTouched() {
        super(Criterion.DEMAND_UNTOUCHED, "DU-10",
                "supply-side action after earlier supply-side actions, with no demand-side measure anywhere in the record (within history.demand-years)",
                "A record of supply-side pressure with no demand reduction or public-health measure beside it leaves the market's engine untouched.",
                Passages.WITHOUT_DEMAND);
    }

    private static final String SUPPLY_KEY = "supply";
    private static final String DEMAND_KEY = "demand";

    @Override
    public Set<String> basisKeys(PolicyAction earlier) {
        if (SUPPLY.contains(earlier.type())) {
            return Set.of(SUPPLY_KEY);
        }
        return DEMAND.contains(earlier.type()) ? Set.of(DEMAND_KEY) : Set.of();
    }

    @Override
    public Set<String> readKeys(PolicyAction action) {
        // the latest demand-side measure decides; the latest supply-side action is what it cites
        return SUPPLY.contains(action.type()) ? Set.of(SUPPLY_KEY, DEMAND_KEY) : Set.of();
    }

    @Override
    public int windowMonths(HistoryConfig c) {
        return c.demandYears() * 12;
    }

    @Override
    public int nearest(HistoryConfig c) {
        return 1;
    }

    @Override
    protected Optional<Hit> judge(PolicyAction action, List<PolicyAction> basis, HistoryConfig c) {
        if (basis.stream().anyMatch(e -> DEMAND.contains(e.type()))) {
            return Optional.empty();
        }
        return hit(c.demandUntouchedPoints(), "no demand-side measure in the record within " + c.demandYears()
                + " years, only supply-side action; the latest: " + cite(basis), basis);
    }
}
