package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PolicyAction;

/** DI-13: the balloon effect across borders: neighbours or the same route were squeezed before. */
public final class PressureNearby extends HistoryFactor {

    public PressureNearby() {
        super(Criterion.DISPLACEMENT, "DI-13",
                "supply-side pressure while neighbours or countries on the same route were pressed before (within history.pressure-years)",
                "Pressure in neighbouring countries and along the same route is what pushed coca and routes into this one, and pressing it pushes them on.",
                Passages.BALLOON);
    }

    @Override
    public Set<String> basisKeys(PolicyAction earlier) {
        return PRESSURE.contains(earlier.type()) && earlier.targetCountry() != null ? Set.of(earlier.targetCountry()) : Set.of();
    }

    @Override
    public Set<String> readKeys(PolicyAction action) {
        return PRESSURE.contains(action.type()) && abroad(action) ? Regions.related(action.targetCountry()) : Set.of();
    }

    @Override
    public int windowMonths(HistoryConfig c) {
        return c.pressureYears() * 12;
    }

    @Override
    public int nearest(HistoryConfig c) {
        return toReach(c.nearbyCap(), c.nearbyPoints());
    }

    @Override
    protected Optional<Hit> judge(PolicyAction action, List<PolicyAction> basis, HistoryConfig c) {
        // one list per related country: the newest across them
        List<PolicyAction> nearby = newest(basis, nearest(c));
        String where = nearby.stream().map(e -> e.targetCountry() + " (" + Regions.relation(action.targetCountry(), e.targetCountry()).orElseThrow() + ")")
                .distinct().sorted().reduce((a, b) -> a + ", " + b).orElse("");
        int points = Math.min(c.nearbyCap(), c.nearbyPoints() * nearby.size());
        return hit(points, count(nearby, nearest(c)) + " earlier supply-side pressure action(s) nearby within " + c.pressureYears()
                + " years, in " + where + ": " + cite(nearby), nearby);
    }
}
