package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PolicyAction;

/** DI-12: the same country has been squeezed before; sustained pressure moves production and routes out. */
public final class SustainedPressure extends HistoryFactor {

    public SustainedPressure() {
        super(Criterion.DISPLACEMENT, "DI-12",
                "supply-side pressure on a country that was pressed before (within history.pressure-years)",
                "Squeezing the same source or route again and again is what pushes production and trafficking elsewhere.",
                Passages.BALLOON);
    }

    @Override
    public Optional<Hit> apply(PolicyAction action, List<PolicyAction> earlier, HistoryConfig c) {
        if (!PRESSURE.contains(action.type()) || !abroad(action)) {
            return Optional.empty();
        }
        List<PolicyAction> same = earlier.stream()
                .filter(e -> PRESSURE.contains(e.type()) && action.targetCountry().equals(e.targetCountry())
                        && within(action, e, c.pressureYears() * 12))
                .toList();
        if (same.isEmpty()) {
            return Optional.empty();
        }
        int points = Math.min(c.sameCountryCap(), c.sameCountryPoints() * same.size());
        return hit(points, same.size() + " earlier supply-side pressure action(s) on " + action.targetCountry()
                + " within " + c.pressureYears() + " years: " + cite(same), same);
    }
}
