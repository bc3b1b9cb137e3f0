package org.balloon.scoring.engine;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Factor;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Theater;

/**
 * One history-aware factor (issue 14): reads an action in the context of the earlier,
 * non-retracted actions of the record and, when the pattern the article describes shows, adds
 * points to one criterion. Its evidence names the earlier actions it rests on (date, title, id).
 * Like a {@link Rule}: a stable id, a condition in words, a one-sentence rationale and the article's
 * passage. Framework-free.
 */
public abstract class HistoryFactor {

    /** Supply-side pressure on a source or a route: what the balloon effect displaces. */
    static final Set<ActionType> PRESSURE = EnumSet.of(ActionType.MILITARY_STRIKE, ActionType.MARITIME_INTERDICTION,
            ActionType.BORDER_INTERDICTION, ActionType.CROP_ERADICATION, ActionType.LEADERSHIP_TARGETING, ActionType.EXTRADITION);
    /** Every supply-side type, coercive or through money, partners and designations. */
    static final Set<ActionType> SUPPLY = EnumSet.of(ActionType.MILITARY_STRIKE, ActionType.MARITIME_INTERDICTION,
            ActionType.BORDER_INTERDICTION, ActionType.CROP_ERADICATION, ActionType.LEADERSHIP_TARGETING, ActionType.EXTRADITION,
            ActionType.TERRORIST_DESIGNATION, ActionType.FINANCIAL_SANCTIONS, ActionType.ANTI_MONEY_LAUNDERING,
            ActionType.SECURITY_ASSISTANCE, ActionType.INTELLIGENCE_SHARING);
    /** Removal of a leader: capture, killing or extradition. */
    static final Set<ActionType> DECAPITATION = EnumSet.of(ActionType.LEADERSHIP_TARGETING, ActionType.EXTRADITION);
    static final Set<ActionType> DEMAND = EnumSet.of(ActionType.DEMAND_REDUCTION, ActionType.HARM_REDUCTION);
    /** Coercion against the country, its groups or its officials. */
    static final Set<ActionType> COERCIVE = EnumSet.of(ActionType.MILITARY_STRIKE, ActionType.MARITIME_INTERDICTION,
            ActionType.BORDER_INTERDICTION, ActionType.CROP_ERADICATION, ActionType.LEADERSHIP_TARGETING, ActionType.EXTRADITION,
            ActionType.TERRORIST_DESIGNATION, ActionType.FINANCIAL_SANCTIONS);
    /** Cooperation, development and public health: what coercion by another agency works against. */
    static final Set<ActionType> COOPERATIVE = EnumSet.of(ActionType.ALTERNATIVE_DEVELOPMENT, ActionType.DIPLOMATIC_AGREEMENT,
            ActionType.SECURITY_ASSISTANCE, ActionType.INSTITUTIONAL_REFORM, ActionType.DEMAND_REDUCTION, ActionType.HARM_REDUCTION);

    private static final int NAMED = 3;

    private final Criterion criterion;
    private final String id;
    private final String when;
    private final String rationale;
    private final String passage;

    protected HistoryFactor(Criterion criterion, String id, String when, String rationale, String passage) {
        this.criterion = Objects.requireNonNull(criterion);
        this.id = Objects.requireNonNull(id);
        if (!id.startsWith(CriterionModel.prefix(criterion) + "-")) {
            throw new IllegalStateException(id + " is not a rule id of " + criterion);
        }
        this.when = Objects.requireNonNull(when);
        this.rationale = Objects.requireNonNull(rationale);
        this.passage = Objects.requireNonNull(passage);
    }

    /** A factor that fired and the earlier actions it rests on. */
    public record Hit(Factor factor, List<PolicyAction> basis) {
    }

    /**
     * The factor for {@code action}, given the earlier actions of the record in (occurredOn, title, id) order
     * (only those before it, none retracted), or empty when the pattern does not show.
     */
    public abstract Optional<Hit> apply(PolicyAction action, List<PolicyAction> earlier, HistoryConfig config);

    public Criterion criterion() {
        return criterion;
    }

    public String id() {
        return id;
    }

    public String when() {
        return when;
    }

    public String rationale() {
        return rationale;
    }

    public String passage() {
        return passage;
    }

    protected Optional<Hit> hit(int points, String evidence, List<PolicyAction> basis) {
        // newest first, like the evidence: the nearest precedent is what a reader looks at first
        List<java.util.UUID> cites = new java.util.ArrayList<>(basis.size());
        for (int i = basis.size() - 1; i >= 0; i--) {
            cites.add(basis.get(i).id());
        }
        return Optional.of(new Hit(new Factor(id, points, evidence, cites), List.copyOf(basis)));
    }

    /** Whether {@code earlier} happened within {@code months} before {@code action} (same day included). */
    static boolean within(PolicyAction action, PolicyAction earlier, int months) {
        LocalDate from = action.occurredOn().minusMonths(months);
        return !earlier.occurredOn().isBefore(from);
    }

    static boolean abroad(PolicyAction a) {
        return a.targetCountry() != null && !"US".equals(a.targetCountry()) && a.theater() != Theater.US_DOMESTIC;
    }

    static boolean unilateral(PolicyAction a) {
        return a.partnerConsent() == PartnerConsent.NONE;
    }

    static boolean lethal(PolicyAction a) {
        return Boolean.TRUE.equals(a.lethalForce());
    }

    static Set<String> organizations(PolicyAction a) {
        if (a.targetOrganizations() == null) {
            return Set.of();
        }
        return a.targetOrganizations().stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** "3 earlier ...: 2014-02-22 "title" (id ...); ... and 2 more", newest first. */
    static String cite(List<PolicyAction> actions) {
        List<PolicyAction> newestFirst = new java.util.ArrayList<>(actions);
        java.util.Collections.reverse(newestFirst);
        String named = newestFirst.stream().limit(NAMED)
                .map(a -> a.occurredOn() + " \"" + shortTitle(a.title()) + "\" (id " + a.id() + ")")
                .collect(Collectors.joining("; "));
        int more = actions.size() - Math.min(NAMED, actions.size());
        return named + (more > 0 ? "; and " + more + " more" : "");
    }

    private static String shortTitle(String title) {
        return title.length() <= 70 ? title : title.substring(0, 67) + "...";
    }
}
