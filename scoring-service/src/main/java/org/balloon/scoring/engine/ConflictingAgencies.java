package org.balloon.scoring.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
    public Set<String> basisKeys(PolicyAction earlier) {
        Agency lead = earlier.leadAgency();
        String side = side(earlier.type());
        if (lead == null || lead == Agency.OTHER || earlier.targetCountry() == null || side == null) {
            return Set.of();
        }
        return Set.of(earlier.targetCountry() + "|" + side + "|" + lead);
    }

    @Override
    public Set<String> readKeys(PolicyAction action) {
        Agency lead = action.leadAgency();
        String side = side(action.type());
        if (lead == null || lead == Agency.OTHER || action.targetCountry() == null || side == null) {
            return Set.of();
        }
        // the other side's actions by every other agency in the same country
        String other = side.equals("coercive") ? "cooperative" : "coercive";
        Set<String> keys = new TreeSet<>();
        for (Agency a : Agency.values()) {
            if (a != lead && a != Agency.OTHER) {
                keys.add(action.targetCountry() + "|" + other + "|" + a);
            }
        }
        return keys;
    }

    @Override
    public int windowMonths(HistoryConfig c) {
        return c.incoherenceMonths();
    }

    @Override
    public int nearest(HistoryConfig c) {
        return 1;
    }

    @Override
    protected Optional<Hit> judge(PolicyAction action, List<PolicyAction> conflicting, HistoryConfig c) {
        String agencies = conflicting.stream().map(e -> e.leadAgency() + " " + e.type()).distinct().sorted()
                .reduce((a, b) -> a + ", " + b).orElse("");
        return hit(c.incoherencePoints(), action.leadAgency() + " " + action.type() + " after " + agencies + " in "
                + action.targetCountry() + " within " + c.incoherenceMonths() + " months: " + cite(conflicting), conflicting);
    }

    /** Which side of the conflict a type is on, or null (neither coercive nor cooperative). */
    private static String side(ActionType type) {
        if (COERCIVE.contains(type)) {
            return "coercive";
        }
        return COOPERATIVE.contains(type) ? "cooperative" : null;
    }
}
