package org.balloon.scoring.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.Factor;

/**
 * One failure mode of the article as an ordered list of rules. The criterion's score is the sum
 * of the points of the rules that fire, clamped to 0-100: mitigating rules (negative points) can
 * pull a score down but never below 0, and many aggravating rules never push it above 100.
 * Every rule that fired is listed as a factor, in rule order, even when clamping hides its points.
 */
public abstract class CriterionModel {

    private final Criterion criterion;
    private final String rationale;
    private final String passage;
    private final List<Rule> rules;

    protected CriterionModel(Criterion criterion, String rationale, String passage, List<Rule> rules) {
        this.criterion = Objects.requireNonNull(criterion);
        this.rationale = Objects.requireNonNull(rationale);
        this.passage = Objects.requireNonNull(passage);
        this.rules = List.copyOf(rules);
        String prefix = prefix(criterion);
        Set<String> ids = new HashSet<>();
        for (Rule r : this.rules) {
            if (!r.id().startsWith(prefix + "-") || !ids.add(r.id())) {
                throw new IllegalStateException(criterion + ": rule id " + r.id() + " is not a unique " + prefix + "-nn id");
            }
        }
    }

    /** The two-letter prefix of the criterion's rule ids. */
    public static String prefix(Criterion c) {
        return switch (c) {
            case DEMAND_UNTOUCHED -> "DU";
            case FRAGMENTATION_RISK -> "FR";
            case SOVEREIGNTY_FRICTION -> "SF";
            case DISPLACEMENT -> "DI";
            case BACKLASH -> "BA";
            case PARTNER_CAPACITY -> "PC";
            case LEGAL_EXPOSURE -> "LE";
            case POLICY_INCOHERENCE -> "PI";
        };
    }

    public Criterion criterion() {
        return criterion;
    }

    /** One sentence: the article's failure mode this criterion measures. */
    public String rationale() {
        return rationale;
    }

    /** The article's passage the criterion rests on. */
    public String passage() {
        return passage;
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * The criterion as a model of an older release scores it: only the rules that release had.
     * Rule ids, points and order are unchanged, so the older release's scores are reproduced exactly.
     */
    public CriterionModel asOf(String declaredVersion) {
        List<Rule> active = rules.stream().filter(r -> r.activeIn(declaredVersion)).toList();
        if (active.size() == rules.size()) {
            return this;
        }
        return new CriterionModel(criterion, rationale, passage, active) {
        };
    }

    public CriterionScore score(ActionFacts facts) {
        List<Factor> factors = new ArrayList<>();
        int sum = 0;
        for (Rule rule : rules) {
            Optional<String> evidence = rule.apply(facts);
            if (evidence.isPresent()) {
                factors.add(new Factor(rule.id(), rule.points(), evidence.get()));
                sum += rule.points();
            }
        }
        return new CriterionScore(criterion, Math.max(0, Math.min(100, sum)), List.copyOf(factors), rationale);
    }
}
