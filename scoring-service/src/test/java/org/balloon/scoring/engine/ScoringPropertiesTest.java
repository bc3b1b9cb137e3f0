package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PartnerOfficialTarget;
import org.balloon.contracts.Stage;
import org.balloon.contracts.Substance;
import org.balloon.contracts.Theater;

/** The model's promises, over arbitrary actions (every field free, "not stated" included). */
class ScoringPropertiesTest {

    final ScoringEngine engine = EngineFixture.ENGINE;

    /** How many random actions each property is checked on. */
    static final int TRIES = 1000;
    /** Fixed, so a failure names an action that can be rebuilt; change it to explore further. */
    static final long SEED = 20_261_127L;

    /**
     * Arbitrary actions: every field free, "not stated" (null) included. Plain JUnit with a seeded
     * generator rather than a property-testing library: the properties are simple enough, and the
     * case index in the test name identifies the action.
     */
    static Stream<ActionBuilder> actions() {
        Random r = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> randomAction(r));
    }

    static ActionBuilder randomAction(Random r) {
        return new ActionBuilder()
                .id(new UUID(r.nextLong(), r.nextLong()))
                .type(pick(r, ActionType.values()))
                // table countries, the US, and ones the table lacks (neutral default)
                .country(pick(r, new String[] {"US", "MX", "CO", "VE", "AF", "UY", "PE", "CN", "KE", "NL"}))
                .stage(orNull(r, 0.2, () -> pick(r, Stage.values())))
                .lead(orNull(r, 0.2, () -> pick(r, Agency.values())))
                .agencies(orNull(r, 0.2, () -> listOf(r, 6, () -> pick(r, Agency.values()))))
                .theater(orNull(r, 0.2, () -> pick(r, Theater.values())))
                .organizations(orNull(r, 0.2, () -> listOf(r, 5,
                        () -> pick(r, new String[] {"Sinaloa Cartel", "CJNG", "Tren de Aragua", "FARC dissidents", "ELN"}))))
                .substances(orNull(r, 0.2, () -> listOf(r, 3, () -> pick(r, Substance.values()))))
                .consent(orNull(r, 0.2, () -> pick(r, PartnerConsent.values())))
                .lethal(orNull(r, 0.2, r::nextBoolean))
                .fatalities(orNull(r, 0.3, () -> r.nextInt(301)))
                .civilianHarm(orNull(r, 0.3, r::nextBoolean))
                .demandShare(orNull(r, 0.3, r::nextDouble))
                .livelihoods(orNull(r, 0.3, r::nextBoolean))
                .budget(orNull(r, 0.3, () -> r.nextDouble() * 1e10))
                .months(orNull(r, 0.3, () -> r.nextInt(1201)))
                .legal(orNull(r, 0.2, () -> pick(r, LegalBasis.values())))
                .receivedAt(r.nextBoolean() ? Instant.parse("2025-01-01T00:00:00Z") : null)
                .occurredOn(r.nextBoolean() ? LocalDate.of(2000, 7, 13) : LocalDate.of(2025, 9, 2))
                // the fields model 2026.2 added, drawn last so the earlier fields stay as they were
                .official(orNull(r, 0.5, () -> pick(r, PartnerOfficialTarget.values())))
                .informed(orNull(r, 0.5, r::nextBoolean));
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T orNull(Random r, double nullChance, Supplier<T> value) {
        return r.nextDouble() < nullChance ? null : value.get();
    }

    private static <T> List<T> listOf(Random r, int maxSize, Supplier<T> element) {
        List<T> list = new ArrayList<>();
        for (int i = r.nextInt(maxSize + 1); i > 0; i--) {
            list.add(element.get());
        }
        return list;
    }

    private int score(ActionBuilder b, Criterion c) {
        return EngineFixture.criterion(engine.score(b.build()), c).score();
    }

    private static ActionBuilder copy(ActionBuilder b) {
        return ActionBuilder.from(b.build());
    }

    @ParameterizedTest
    @MethodSource("actions")
    void grantingFullPartnerConsentNeverRaisesSovereigntyFriction(ActionBuilder a) {
        int before = score(a, Criterion.SOVEREIGNTY_FRICTION);
        int withFullConsent = score(copy(a).consent(PartnerConsent.FULL), Criterion.SOVEREIGNTY_FRICTION);
        assertThat(withFullConsent).isLessThanOrEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("actions")
    void raisingTheDemandSideShareNeverRaisesDemandUntouched(ActionBuilder a) {
        Random r = new Random(a.build().id().getLeastSignificantBits());
        double x = r.nextDouble();
        double y = r.nextDouble();
        double low = Math.min(x, y);
        double high = Math.max(x, y);
        assertThat(score(copy(a).demandShare(high), Criterion.DEMAND_UNTOUCHED))
                .isLessThanOrEqualTo(score(copy(a).demandShare(low), Criterion.DEMAND_UNTOUCHED));
    }

    @ParameterizedTest
    @MethodSource("actions")
    void addingLethalForceOrCivilianHarmNeverLowersBacklash(ActionBuilder a) {
        int before = score(a, Criterion.BACKLASH);
        assertThat(score(copy(a).lethal(true), Criterion.BACKLASH)).isGreaterThanOrEqualTo(before);
        assertThat(score(copy(a).civilianHarm(true), Criterion.BACKLASH)).isGreaterThanOrEqualTo(before);
        assertThat(score(copy(a).lethal(true).civilianHarm(true), Criterion.BACKLASH)).isGreaterThanOrEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("actions")
    void everyScoreIsWithinZeroToHundredWithAllEightCriteriaAndTheRightBand(ActionBuilder a) {
        ActionScore s = engine.score(a.build());
        assertThat(s.overall()).isBetween(0, 100);
        assertThat(s.band()).isEqualTo(engine.config().band(s.overall()));
        assertThat(s.criteria()).extracting(CriterionScore::criterion).containsExactly(Criterion.values());
        assertThat(s.criteria()).allSatisfy(c -> assertThat(c.score()).isBetween(0, 100));
    }

    @ParameterizedTest
    @MethodSource("actions")
    void anyCriterionAboveZeroIsExplainedByAtLeastOneFactor(ActionBuilder a) {
        for (CriterionScore c : engine.score(a.build()).criteria()) {
            if (c.score() > 0) {
                assertThat(c.factors()).as(c.criterion().name()).isNotEmpty();
                assertThat(c.factors()).anySatisfy(f -> assertThat(f.points()).isPositive());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("actions")
    void scoringIsDeterministic(ActionBuilder a) {
        ScoringEngine other = new ScoringEngine(ModelConfig.defaults(), EngineFixture.COUNTRIES, EngineFixture.CLOCK);
        assertThat(other.score(a.build())).isEqualTo(engine.score(a.build()));
        assertThat(engine.score(a.build())).isEqualTo(engine.score(copy(a).build()));
    }
}
