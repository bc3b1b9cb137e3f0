package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
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

    @Override
    public Optional<Hit> apply(PolicyAction action, List<PolicyAction> earlier, HistoryConfig c) {
        if (!SUPPLY.contains(action.type())) {
            return Optional.empty();
        }
        List<PolicyAction> window = earlier.stream().filter(e -> within(action, e, c.demandYears() * 12)).toList();
        if (window.stream().anyMatch(e -> DEMAND.contains(e.type()))) {
            return Optional.empty();
        }
        List<PolicyAction> supply = window.stream().filter(e -> SUPPLY.contains(e.type())).toList();
        if (supply.isEmpty()) {
            return Optional.empty();
        }
        return hit(c.demandUntouchedPoints(), supply.size() + " earlier supply-side action(s) and no demand-side measure in the record within "
                + c.demandYears() + " years; latest: " + cite(supply), supply);
    }
}
