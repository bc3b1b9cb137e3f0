package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
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
    public Optional<Hit> apply(PolicyAction action, List<PolicyAction> earlier, HistoryConfig c) {
        if (!PRESSURE.contains(action.type()) || !abroad(action)) {
            return Optional.empty();
        }
        List<PolicyAction> nearby = earlier.stream()
                .filter(e -> PRESSURE.contains(e.type()) && within(action, e, c.pressureYears() * 12)
                        && Regions.relation(action.targetCountry(), e.targetCountry()).isPresent())
                .toList();
        if (nearby.isEmpty()) {
            return Optional.empty();
        }
        String where = nearby.stream().map(e -> e.targetCountry() + " (" + Regions.relation(action.targetCountry(), e.targetCountry()).orElseThrow() + ")")
                .distinct().sorted().reduce((a, b) -> a + ", " + b).orElse("");
        int points = Math.min(c.nearbyCap(), c.nearbyPoints() * nearby.size());
        return hit(points, nearby.size() + " earlier supply-side pressure action(s) nearby within " + c.pressureYears()
                + " years, in " + where + ": " + cite(nearby), nearby);
    }
}
