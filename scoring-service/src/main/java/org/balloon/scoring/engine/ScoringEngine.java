package org.balloon.scoring.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.Factor;
import org.balloon.contracts.PolicyAction;

/**
 * Scores a policy action on the eight failure modes of the article. Framework-free and
 * stateless after construction, so one instance serves every thread.
 *
 * <ul>
 * <li>Each criterion: the sum of its fired rules' points, clamped to 0-100.</li>
 * <li>Overall: the weighted mean of the eight criterion scores, {@code round(sum(w*s) / sum(w))},
 * rounding halves up, so it is 0-100 too.</li>
 * <li>Band: from the configured cut-offs ({@link ModelConfig#band(int)}).</li>
 * <li>Rules: those of the declared release and every earlier one ({@link ModelRelease}); a model
 * declared 2026.1 scores without the rules 2026.2 added, exactly as 2026.1 did.</li>
 * <li>modelVersion: declared version + {@code "+"} + the first 8 hex digits of the SHA-256 of the
 * effective configuration (weights, cut-offs, every rule's id, points and condition text, the
 * country table's version and content hash). Any change to them changes the version.</li>
 * <li>scoredAt: the only time-dependent field. It is the action's {@code receivedAt} when it has
 * one (every action on the stream does), so a redelivered or replayed action yields a
 * byte-identical score; otherwise the injected clock's now (previews of new submissions).</li>
 * </ul>
 */
public final class ScoringEngine {

    private final ModelConfig config;
    private final CountryTable countries;
    private final Clock clock;
    private final List<CriterionModel> criteria;
    private final String configurationHash;
    private final String modelVersion;
    private final double weightSum;
    private final HistoryModel history;

    public ScoringEngine(ModelConfig config, CountryTable countries, Clock clock) {
        this(config, countries, clock, null);
    }

    /**
     * With {@code history} (issue 14) the model also reads an action in the context of the earlier
     * actions of the record ({@link #score(PolicyAction, Instant, List)}); its windows, points and
     * factors are part of the configuration hash. Null: the model scores every action alone.
     */
    public ScoringEngine(ModelConfig config, CountryTable countries, Clock clock, HistoryConfig history) {
        this.history = history == null ? null : new HistoryModel(history);
        this.config = Objects.requireNonNull(config, "config");
        this.countries = Objects.requireNonNull(countries, "countries");
        this.clock = Objects.requireNonNull(clock, "clock");
        // every release's rules are defined once; a model declared as an older release scores with that release's rules
        this.criteria = List.of(new DemandUntouched(), new FragmentationRisk(), new SovereigntyFriction(), new Displacement(),
                        new Backlash(), new PartnerCapacity(), new LegalExposure(), new PolicyIncoherence())
                .stream().map(c -> c.asOf(config.declaredVersion())).toList();
        for (int i = 0; i < criteria.size(); i++) {
            if (criteria.get(i).criterion() != Criterion.values()[i]) {
                throw new IllegalStateException("criteria must follow the enum order");
            }
        }
        this.weightSum = config.weights().values().stream().mapToDouble(Double::doubleValue).sum();
        this.configurationHash = CountryTableLoader.sha256(canonicalConfiguration()).substring(0, 8);
        this.modelVersion = config.declaredVersion() + "+" + configurationHash;
    }

    /** Scores with scoredAt = the action's receivedAt, or the clock's now when it has none. */
    public ActionScore score(PolicyAction action) {
        return score(action, action.receivedAt() != null ? action.receivedAt() : clock.instant());
    }

    /** Scores with an explicit scoredAt (everything else depends only on the action and the model). */
    public ActionScore score(PolicyAction action, Instant scoredAt) {
        return score(action, scoredAt, null);
    }

    /**
     * Scores in the context of the record: {@code earlier} are the non-retracted actions dated before
     * this one, in the record's order ({@link HistoryIndex#order}) (same-day ones and older ones outside the look-back
     * window may be included; they are ignored: actions of the same day are not earlier than each
     * other). The history factors join their criteria (summed and clamped with
     * the action's own rules) and the score says which record state it used ({@code context}).
     * Without a history model, or with {@code earlier} null, the action is scored alone.
     */
    public ActionScore score(PolicyAction action, Instant scoredAt, List<PolicyAction> earlier) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(action.type(), "action.type");
        ActionFacts facts = new ActionFacts(action, countries);
        boolean withHistory = history != null && earlier != null && action.occurredOn() != null;
        // each factor keeps to its own window and to the actions dated before this one
        HistoryModel.Reading reading = withHistory ? history.apply(action, earlier) : null;
        Map<Criterion, List<Factor>> historical = withHistory ? reading.factors() : Map.of();
        List<CriterionScore> scores = new ArrayList<>(criteria.size());
        double weighted = 0;
        for (CriterionModel criterion : criteria) {
            CriterionScore s = criterion.score(facts);
            List<Factor> added = historical.get(criterion.criterion());
            if (added != null) {
                List<Factor> all = new ArrayList<>(s.factors());
                all.addAll(added);
                int sum = all.stream().mapToInt(Factor::points).sum();
                s = new CriterionScore(s.criterion(), Math.max(0, Math.min(100, sum)), List.copyOf(all), s.rationale());
            }
            scores.add(s);
            weighted += config.weights().get(criterion.criterion()) * s.score();
        }
        int overall = overall(weighted);
        return new ActionScore(action.id(), ActionScore.SCHEMA_VERSION, modelVersion, scoredAt, overall,
                config.band(overall), List.copyOf(scores), action, withHistory ? history.context(reading.basis()) : null);
    }

    /** The history-aware part of the model, or null when every action is scored alone. */
    public HistoryModel history() {
        return history;
    }

    private int overall(double weighted) {
        long rounded = Math.round(weighted / weightSum);
        return (int) Math.max(0, Math.min(100, rounded));
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String configurationHash() {
        return configurationHash;
    }

    public ModelConfig config() {
        return config;
    }

    public CountryTable countries() {
        return countries;
    }

    public List<CriterionModel> criteria() {
        return criteria;
    }

    /** Weights in criterion order, for the model's description. */
    public Map<Criterion, Double> weights() {
        return new EnumMap<>(config.weights());
    }

    /** The text the model hash is taken of: one line per ingredient, in a fixed order. */
    String canonicalConfiguration() {
        StringBuilder b = new StringBuilder();
        b.append("declared=").append(config.declaredVersion()).append('\n');
        for (Criterion c : Criterion.values()) {
            b.append("weight.").append(c).append('=')
                    .append(BigDecimal.valueOf(config.weights().get(c)).stripTrailingZeros().toPlainString()).append('\n');
        }
        b.append("bands=").append(config.moderateFrom()).append(',').append(config.highFrom()).append(',')
                .append(config.severeFrom()).append('\n');
        b.append("overall=weighted-mean-round-half-up\n");
        for (CriterionModel c : criteria) {
            for (Rule r : c.rules()) {
                b.append("rule.").append(r.id()).append('=').append(r.points()).append('|').append(r.when()).append('\n');
            }
        }
        b.append("countries=").append(countries.version()).append('|').append(countries.contentHash())
                .append('|').append(countries.neutralDefault()).append('\n');
        if (history != null) {
            b.append(history.canonical());
        }
        return b.toString();
    }
}
