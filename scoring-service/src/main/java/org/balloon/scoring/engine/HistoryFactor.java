package org.balloon.scoring.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 *
 * <p><b>What a factor rests on.</b> A factor reads earlier actions through keys: an earlier action
 * counts for it under {@link #basisKeys} (e.g. "a removal of a Sinaloa Cartel leader"), an action
 * reads {@link #readKeys} (e.g. "removals of the organisations I target"). It rests on the
 * {@link #nearest} matching earlier actions per key inside its window, the newest first: as many as
 * it takes to reach the factor's cap, because more would not change its points. Why bounded: a score
 * then depends on a few nearby actions, not on the size of the record, so a back-dated or retracted
 * action changes only the later scores that rest on it ({@link HistoryIndex#affectedBy}), and the
 * cost of scoring and of keeping scores current does not grow with the record.
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

    /** The keys under which {@code earlier} counts for this factor (empty: it never does). */
    public abstract Set<String> basisKeys(PolicyAction earlier);

    /** The keys {@code action} reads (empty: the factor never fires for it). */
    public abstract Set<String> readKeys(PolicyAction action);

    /** How far back the factor looks, in months. */
    public abstract int windowMonths(HistoryConfig c);

    /** How many of the nearest matching earlier actions per key it rests on: what it takes to reach its cap. */
    public abstract int nearest(HistoryConfig c);

    /**
     * The factor for {@code action} given what it rests on: per read key, the {@link #nearest} matching
     * earlier actions of its window, merged in the record's order ({@link HistoryIndex#order}) (oldest first, never empty).
     */
    protected abstract Optional<Hit> judge(PolicyAction action, List<PolicyAction> basis, HistoryConfig c);

    /**
     * The factor for {@code action}, given earlier actions of the record in the record's order ({@link HistoryIndex#order})
     * (any that are not before it are ignored; none retracted), or empty when the pattern does not show.
     * {@code earlier} may be the whole record or only {@link HistoryIndex#candidates}: the result is the same.
     */
    public final Optional<Hit> apply(PolicyAction action, List<PolicyAction> earlier, HistoryConfig c) {
        Set<String> reads = readKeys(action);
        if (reads.isEmpty()) {
            return Optional.empty();
        }
        int limit = nearest(c);
        int months = windowMonths(c);
        Map<String, Integer> taken = new HashMap<>();
        List<PolicyAction> basis = new ArrayList<>();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            PolicyAction e = earlier.get(i);
            if (!e.occurredOn().isBefore(action.occurredOn())) {
                continue;
            }
            if (!within(action, e, months)) {
                break; // the rest is older still
            }
            boolean counts = false;
            for (String key : basisKeys(e)) {
                if (reads.contains(key) && taken.getOrDefault(key, 0) < limit) {
                    taken.merge(key, 1, Integer::sum);
                    counts = true;
                }
            }
            if (counts) {
                basis.add(e);
            }
        }
        if (basis.isEmpty()) {
            return Optional.empty();
        }
        Collections.reverse(basis);
        return judge(action, basis, c);
    }

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
        List<UUID> cites = new ArrayList<>(basis.size());
        for (int i = basis.size() - 1; i >= 0; i--) {
            cites.add(basis.get(i).id());
        }
        return Optional.of(new Hit(new Factor(id, points, evidence, cites), List.copyOf(basis)));
    }

    /** The newest {@code n} of {@code oldestFirst} (all when it holds fewer), still oldest first. */
    static List<PolicyAction> newest(List<PolicyAction> oldestFirst, int n) {
        return oldestFirst.subList(Math.max(0, oldestFirst.size() - n), oldestFirst.size());
    }

    /** "3" or, when the factor took as many as it rests on, "at least 3": more may exist; they add no points. */
    static String count(List<PolicyAction> basis, int nearest) {
        return basis.size() >= nearest ? "at least " + basis.size() : String.valueOf(basis.size());
    }

    /** How many of {@code points} it takes to reach {@code cap}. */
    static int toReach(int cap, int points) {
        return Math.max(1, (cap + points - 1) / points);
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

    /** "2014-02-22 "title" (id ...); 2013-...", newest first: every action the factor rests on (a handful). */
    static String cite(List<PolicyAction> actions) {
        List<PolicyAction> newestFirst = new ArrayList<>(actions);
        Collections.reverse(newestFirst);
        return newestFirst.stream().map(a -> a.occurredOn() + " \"" + shortTitle(a.title()) + "\" (id " + a.id() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String shortTitle(String title) {
        return title.length() <= 70 ? title : title.substring(0, 67) + "...";
    }
}
