package org.balloon.scoring.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.Factor;
import org.balloon.contracts.PolicyAction;

/** The engine as the service builds it: default configuration and the shipped country table. */
public final class EngineFixture {

    public static final CountryTable COUNTRIES = CountryTableLoader.fromClasspath("country-context/cpi-2024.csv");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    public static final ScoringEngine ENGINE = new ScoringEngine(ModelConfig.defaults(), COUNTRIES, CLOCK);
    /** The model 2026.2 replaced, as the service keeps it for comparison (same weights and bands, 2026.1's rules). */
    public static final ScoringEngine PREVIOUS = new ScoringEngine(ModelConfig.defaults().withDeclaredVersion(ModelRelease.FIRST),
            COUNTRIES, CLOCK);

    private EngineFixture() {
    }

    public static ActionScore score(PolicyAction a) {
        return ENGINE.score(a);
    }

    public static ActionScore score(ActionBuilder b) {
        return ENGINE.score(b.build());
    }

    public static CriterionScore criterion(ActionScore s, Criterion c) {
        return s.criteria().stream().filter(x -> x.criterion() == c).findFirst().orElseThrow();
    }

    public static int points(ActionBuilder b, Criterion c) {
        return criterion(score(b), c).score();
    }

    public static List<String> fired(ActionBuilder b, Criterion c) {
        return criterion(score(b), c).factors().stream().map(Factor::rule).toList();
    }
}
