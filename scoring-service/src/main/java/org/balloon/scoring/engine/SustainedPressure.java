package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    public Set<String> basisKeys(PolicyAction earlier) {
        return PRESSURE.contains(earlier.type()) && earlier.targetCountry() != null ? Set.of(earlier.targetCountry()) : Set.of();
    }

    @Override
    public Set<String> readKeys(PolicyAction action) {
        return PRESSURE.contains(action.type()) && abroad(action) ? Set.of(action.targetCountry()) : Set.of();
    }

    @Override
    public int windowMonths(HistoryConfig c) {
        return c.pressureYears() * 12;
    }

    @Override
    public int nearest(HistoryConfig c) {
        return toReach(c.sameCountryCap(), c.sameCountryPoints());
    }

    @Override
    protected Optional<Hit> judge(PolicyAction action, List<PolicyAction> same, HistoryConfig c) {
        int points = Math.min(c.sameCountryCap(), c.sameCountryPoints() * same.size());
        return hit(points, count(same, nearest(c)) + " earlier supply-side pressure action(s) on " + action.targetCountry()
                + " within " + c.pressureYears() + " years: " + cite(same), same);
    }
}
