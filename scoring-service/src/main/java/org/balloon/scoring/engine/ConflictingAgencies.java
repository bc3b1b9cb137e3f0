package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PolicyAction;

/** PI-10: another agency did the opposite kind of thing in the same country shortly before. */
public final class ConflictingAgencies extends HistoryFactor {

    public ConflictingAgencies() {
        super(Criterion.POLICY_INCOHERENCE, "PI-10",
                "another lead agency took a conflicting kind of action (coercive vs cooperative) in the same country shortly before (within history.incoherence-months)",
                "Agencies pulling one country in opposite directions at the same time is the inter-agency incoherence that hampers the effort.",
                Passages.RIVALRY);
    }

    @Override
    public Optional<Hit> apply(PolicyAction action, List<PolicyAction> earlier, HistoryConfig c) {
        Agency lead = action.leadAgency();
        if (lead == null || lead == Agency.OTHER || action.targetCountry() == null) {
            return Optional.empty();
        }
        List<PolicyAction> conflicting = earlier.stream()
                .filter(e -> e.leadAgency() != null && e.leadAgency() != lead && e.leadAgency() != Agency.OTHER
                        && action.targetCountry().equals(e.targetCountry()) && within(action, e, c.incoherenceMonths())
                        && conflict(action.type(), e.type()))
                .toList();
        if (conflicting.isEmpty()) {
            return Optional.empty();
        }
        String agencies = conflicting.stream().map(e -> e.leadAgency() + " " + e.type()).distinct().sorted()
                .reduce((a, b) -> a + ", " + b).orElse("");
        return hit(c.incoherencePoints(), lead + " " + action.type() + " after " + agencies + " in " + action.targetCountry()
                + " within " + c.incoherenceMonths() + " months: " + cite(conflicting), conflicting);
    }

    private static boolean conflict(ActionType a, ActionType b) {
        return COERCIVE.contains(a) && COOPERATIVE.contains(b) || COOPERATIVE.contains(a) && COERCIVE.contains(b);
    }
}
