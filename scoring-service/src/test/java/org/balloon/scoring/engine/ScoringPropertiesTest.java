package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.LegalBasis;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.Stage;
import org.balloon.contracts.Substance;
import org.balloon.contracts.Theater;

/** The model's promises, over arbitrary actions (every field free, "not stated" included). */
class ScoringPropertiesTest {

    final ScoringEngine engine = EngineFixture.ENGINE;

    @Provide
    Arbitrary<ActionBuilder> actions() {
        return Builders.withBuilder(ActionBuilder::new)
                .use(Arbitraries.create(UUID::randomUUID)).in(ActionBuilder::id)
                .use(Arbitraries.of(ActionType.class)).in(ActionBuilder::type)
                // table countries, the US, and ones the table lacks (neutral default)
                .use(Arbitraries.of("US", "MX", "CO", "VE", "AF", "UY", "PE", "CN", "KE", "NL")).in(ActionBuilder::country)
                .use(Arbitraries.of(Stage.class).injectNull(0.2)).in(ActionBuilder::stage)
                .use(Arbitraries.of(Agency.class).injectNull(0.2)).in(ActionBuilder::lead)
                .use(Arbitraries.of(Agency.class).list().ofMaxSize(6).injectNull(0.2)).in(ActionBuilder::agencies)
                .use(Arbitraries.of(Theater.class).injectNull(0.2)).in(ActionBuilder::theater)
                .use(Arbitraries.of("Sinaloa Cartel", "CJNG", "Tren de Aragua", "FARC dissidents", "ELN").list().ofMaxSize(5)
                        .injectNull(0.2)).in(ActionBuilder::organizations)
                .use(Arbitraries.of(Substance.class).list().ofMaxSize(3).injectNull(0.2)).in(ActionBuilder::substances)
                .use(Arbitraries.of(PartnerConsent.class).injectNull(0.2)).in(ActionBuilder::consent)
                .use(Arbitraries.of(true, false).injectNull(0.2)).in(ActionBuilder::lethal)
                .use(Arbitraries.integers().between(0, 300).injectNull(0.3)).in(ActionBuilder::fatalities)
                .use(Arbitraries.of(true, false).injectNull(0.3)).in(ActionBuilder::civilianHarm)
                .use(Arbitraries.doubles().between(0, 1).injectNull(0.3)).in(ActionBuilder::demandShare)
                .use(Arbitraries.of(true, false).injectNull(0.3)).in(ActionBuilder::livelihoods)
                .use(Arbitraries.doubles().between(0, 1e10).injectNull(0.3)).in(ActionBuilder::budget)
                .use(Arbitraries.integers().between(0, 1200).injectNull(0.3)).in(ActionBuilder::months)
                .use(Arbitraries.of(LegalBasis.class).injectNull(0.2)).in(ActionBuilder::legal)
                .use(Arbitraries.of(Instant.parse("2025-01-01T00:00:00Z"), null)).in(ActionBuilder::receivedAt)
                .use(Arbitraries.of(LocalDate.of(2000, 7, 13), LocalDate.of(2025, 9, 2))).in(ActionBuilder::occurredOn)
                .build();
    }

    private int score(ActionBuilder b, Criterion c) {
        return EngineFixture.criterion(engine.score(b.build()), c).score();
    }

    private static ActionBuilder copy(ActionBuilder b) {
        return ActionBuilder.from(b.build());
    }

    @Property
    void grantingFullPartnerConsentNeverRaisesSovereigntyFriction(@ForAll("actions") ActionBuilder a) {
        int before = score(a, Criterion.SOVEREIGNTY_FRICTION);
        int withFullConsent = score(copy(a).consent(PartnerConsent.FULL), Criterion.SOVEREIGNTY_FRICTION);
        assertThat(withFullConsent).isLessThanOrEqualTo(before);
    }

    @Property
    void raisingTheDemandSideShareNeverRaisesDemandUntouched(@ForAll("actions") ActionBuilder a,
            @ForAll @DoubleRange(min = 0, max = 1) double x, @ForAll @DoubleRange(min = 0, max = 1) double y) {
        double low = Math.min(x, y);
        double high = Math.max(x, y);
        assertThat(score(copy(a).demandShare(high), Criterion.DEMAND_UNTOUCHED))
                .isLessThanOrEqualTo(score(copy(a).demandShare(low), Criterion.DEMAND_UNTOUCHED));
    }

    @Property
    void addingLethalForceOrCivilianHarmNeverLowersBacklash(@ForAll("actions") ActionBuilder a) {
        int before = score(a, Criterion.BACKLASH);
        assertThat(score(copy(a).lethal(true), Criterion.BACKLASH)).isGreaterThanOrEqualTo(before);
        assertThat(score(copy(a).civilianHarm(true), Criterion.BACKLASH)).isGreaterThanOrEqualTo(before);
        assertThat(score(copy(a).lethal(true).civilianHarm(true), Criterion.BACKLASH)).isGreaterThanOrEqualTo(before);
    }

    @Property
    void everyScoreIsWithinZeroToHundredWithAllEightCriteriaAndTheRightBand(@ForAll("actions") ActionBuilder a) {
        ActionScore s = engine.score(a.build());
        assertThat(s.overall()).isBetween(0, 100);
        assertThat(s.band()).isEqualTo(engine.config().band(s.overall()));
        assertThat(s.criteria()).extracting(CriterionScore::criterion).containsExactly(Criterion.values());
        assertThat(s.criteria()).allSatisfy(c -> assertThat(c.score()).isBetween(0, 100));
    }

    @Property
    void anyCriterionAboveZeroIsExplainedByAtLeastOneFactor(@ForAll("actions") ActionBuilder a) {
        for (CriterionScore c : engine.score(a.build()).criteria()) {
            if (c.score() > 0) {
                assertThat(c.factors()).as(c.criterion().name()).isNotEmpty();
                assertThat(c.factors()).anySatisfy(f -> assertThat(f.points()).isPositive());
            }
        }
    }

    @Property
    void scoringIsDeterministic(@ForAll("actions") ActionBuilder a) {
        ScoringEngine other = new ScoringEngine(ModelConfig.defaults(), EngineFixture.COUNTRIES, EngineFixture.CLOCK);
        assertThat(other.score(a.build())).isEqualTo(engine.score(a.build()));
        assertThat(engine.score(a.build())).isEqualTo(engine.score(copy(a).build()));
    }
}
