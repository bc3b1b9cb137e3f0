package org.balloon.scoring.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One explainable rule of a criterion: when {@code condition} holds for an action it adds
 * {@code points} (negative for a mitigating rule) and says why in {@code evidence}, built from the
 * action's own fields.
 *
 * @param id        stable id, two letters of the criterion and two digits (e.g. {@code SF-03}); never reused
 * @param points    what the rule adds to the criterion's raw sum; negative points mitigate
 * @param when      the condition in words (shown by {@code GET /model}, part of the model hash)
 * @param rationale one-sentence paraphrase of the article's argument the rule rests on
 * @param passage   the article's sentence (or its decisive part) the rationale paraphrases
 * @param since     the model release that introduced the rule ({@link ModelRelease}); older releases score without it
 * @param studies   the studies or official records the rule rests on besides the article (empty for the
 *                  rules of 2026.1, which rest on the article alone)
 */
public record Rule(String id, int points, String when, String rationale, String passage, String since,
        List<Citation> studies, Predicate<ActionFacts> condition, Function<ActionFacts, String> evidence) {

    private static final Pattern ID = Pattern.compile("^[A-Z]{2}-[0-9]{2}$");

    public Rule {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must look like SF-03: " + id);
        }
        if (points == 0) {
            throw new IllegalArgumentException(id + ": a rule that adds nothing explains nothing");
        }
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(passage, "passage");
        ModelRelease.parse(since);
        studies = List.copyOf(studies);
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** Starts a rule definition; finish it with {@link Builder#evidence(Function)}. */
    public static Builder rule(String id, int points, String when) {
        return new Builder(id, points, when);
    }

    /** Whether a model of this declared version scores with the rule. */
    public boolean activeIn(String declaredVersion) {
        return ModelRelease.atOrBefore(since, declaredVersion);
    }

    /** The evidence text when the rule fires for these facts. */
    public Optional<String> apply(ActionFacts facts) {
        return condition.test(facts) ? Optional.of(evidence.apply(facts)) : Optional.empty();
    }

    /** Small builder so that rule tables read top to bottom: id, points, condition, why, evidence. */
    public static final class Builder {
        private final String id;
        private final int points;
        private final String when;
        private Predicate<ActionFacts> condition;
        private String rationale;
        private String passage;
        private String since = ModelRelease.FIRST;
        private List<Citation> studies = List.of();

        private Builder(String id, int points, String when) {
            this.id = id;
            this.points = points;
            this.when = when;
        }

        public Builder firesWhen(Predicate<ActionFacts> condition) {
            this.condition = condition;
            return this;
        }

        public Builder because(String rationale, String passage) {
            this.rationale = rationale;
            this.passage = passage;
            return this;
        }

        /** A rule added after the first release: the release and the works it rests on besides the article. */
        public Builder since(String release, Citation... studies) {
            this.since = release;
            this.studies = List.of(studies);
            return this;
        }

        public Rule evidence(Function<ActionFacts, String> evidence) {
            return new Rule(id, points, when, rationale, passage, since, studies, condition, evidence);
        }
    }
}
