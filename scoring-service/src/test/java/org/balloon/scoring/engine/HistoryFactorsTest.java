package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.Factor;
import org.balloon.contracts.PartnerConsent;
import org.balloon.contracts.PolicyAction;
import org.junit.jupiter.api.Test;

/** Issue 14: each history factor fires on its pattern, names the earlier actions, and stays inside its window. */
class HistoryFactorsTest {

    static final HistoryConfig H = HistoryConfig.defaults();
    static final ScoringEngine ENGINE = new ScoringEngine(ModelConfig.defaults(), EngineFixture.COUNTRIES, EngineFixture.CLOCK, H);
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static PolicyAction on(ActionBuilder b, String date, int n) {
        return b.occurredOn(LocalDate.parse(date)).id(UUID.fromString("00000000-0000-4000-8000-0000000000" + String.format("%02d", n)))
                .build();
    }

    private static List<Factor> history(PolicyAction action, PolicyAction... earlier) {
        HistoryModel model = ENGINE.history();
        return model.apply(action, List.of(earlier)).factors().values().stream()
                .flatMap(List::stream).toList();
    }

    private static Factor only(List<Factor> factors, String rule) {
        return factors.stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " did not fire: " + factors));
    }

    private static boolean fired(List<Factor> factors, String rule) {
        return factors.stream().anyMatch(f -> f.rule().equals(rule));
    }

    @Test
    void fr11CountsEarlierRemovalsOfTheSameOrganisationWithinTenYears() {
        PolicyAction first = on(ActionBuilder.action("first capture", ActionType.LEADERSHIP_TARGETING, "MX").organizations("Sinaloa Cartel"), "2014-02-22", 1);
        PolicyAction second = on(ActionBuilder.action("second capture", ActionType.LEADERSHIP_TARGETING, "MX").organizations("sinaloa cartel"), "2016-01-08", 2);
        Factor fr11 = only(history(second, first), "FR-11");
        assertThat(fr11.points()).isEqualTo(H.decapitationPoints());
        assertThat(fr11.evidence()).contains("2014-02-22", "\"first capture\"", first.id().toString());
        // another organisation, or more than ten years before: nothing
        PolicyAction other = on(ActionBuilder.action("other", ActionType.LEADERSHIP_TARGETING, "MX").organizations("Gulf Cartel"), "2016-01-08", 3);
        assertThat(fired(history(other, first), "FR-11")).isFalse();
        PolicyAction much = on(ActionBuilder.action("much later", ActionType.LEADERSHIP_TARGETING, "MX").organizations("Sinaloa Cartel"), "2024-02-23", 4);
        assertThat(fired(history(much, first), "FR-11")).isFalse();
    }

    @Test
    void di12AndDi13CountPressureOnTheSameCountryAndItsNeighbours() {
        PolicyAction co = on(ActionBuilder.action("eradication in Colombia", ActionType.CROP_ERADICATION, "CO"), "2020-03-01", 1);
        PolicyAction pe = on(ActionBuilder.action("interdiction off Peru", ActionType.MARITIME_INTERDICTION, "PE"), "2021-03-01", 2);
        PolicyAction now = on(ActionBuilder.action("eradication again", ActionType.CROP_ERADICATION, "CO"), "2022-03-01", 3);
        List<Factor> f = history(now, co, pe);
        assertThat(only(f, "DI-12").evidence()).contains(co.id().toString()).doesNotContain(pe.id().toString());
        assertThat(only(f, "DI-13").evidence()).contains("PE (", pe.id().toString());
    }

    @Test
    void du10FiresOnlyWhenNoDemandSideMeasureWasTakenInTheWindow() {
        PolicyAction strike = on(ActionBuilder.action("strike", ActionType.MILITARY_STRIKE, "VE"), "2025-09-02", 1);
        PolicyAction next = on(ActionBuilder.action("next strike", ActionType.MILITARY_STRIKE, "VE"), "2025-09-15", 2);
        assertThat(only(history(next, strike), "DU-10").evidence()).contains(strike.id().toString());
        PolicyAction treatment = on(ActionBuilder.action("treatment funding", ActionType.DEMAND_REDUCTION, "US"), "2025-01-10", 3);
        assertThat(fired(history(next, treatment, strike), "DU-10")).isFalse();
    }

    @Test
    void sf13AndBa10CountEarlierUnilateralAndLethalActionsAgainstTheCountry() {
        PolicyAction strike = on(ActionBuilder.action("strike", ActionType.MILITARY_STRIKE, "VE").consent(PartnerConsent.NONE).lethal(true), "2025-09-02", 1);
        PolicyAction next = on(ActionBuilder.action("next strike", ActionType.MILITARY_STRIKE, "VE").consent(PartnerConsent.NONE).lethal(true), "2025-09-15", 2);
        List<Factor> f = history(next, strike);
        assertThat(only(f, "SF-13").points()).isEqualTo(H.frictionPoints());
        assertThat(only(f, "BA-10").evidence()).contains(strike.id().toString());
        // a consented, non-lethal action counts for neither
        PolicyAction quiet = on(ActionBuilder.action("joint interdiction", ActionType.MARITIME_INTERDICTION, "VE").consent(PartnerConsent.FULL).lethal(false), "2025-09-15", 3);
        assertThat(fired(history(quiet, strike), "SF-13") || fired(history(quiet, strike), "BA-10")).isFalse();
    }

    @Test
    void pi10FiresWhenAnotherAgencyCoercesWhereOneCooperated() {
        PolicyAction aid = on(ActionBuilder.action("police aid", ActionType.SECURITY_ASSISTANCE, "HN").lead(Agency.STATE), "2013-03-01", 1);
        PolicyAction extradition = on(ActionBuilder.action("extradition", ActionType.EXTRADITION, "HN").lead(Agency.DOJ), "2014-05-08", 2);
        assertThat(only(history(extradition, aid), "PI-10").evidence()).contains("STATE SECURITY_ASSISTANCE", aid.id().toString());
        PolicyAction sameAgency = on(ActionBuilder.action("extradition", ActionType.EXTRADITION, "HN").lead(Agency.STATE), "2014-05-08", 3);
        assertThat(fired(history(sameAgency, aid), "PI-10")).isFalse();
    }

    @Test
    void historyFactorsAddToTheCriterionAndTheScoreCarriesItsContext() {
        PolicyAction first = on(ActionBuilder.action("first capture", ActionType.LEADERSHIP_TARGETING, "MX").organizations("Sinaloa Cartel"), "2014-02-22", 1);
        PolicyAction second = on(ActionBuilder.action("second capture", ActionType.LEADERSHIP_TARGETING, "MX").organizations("Sinaloa Cartel"), "2016-01-08", 2);
        ActionScore alone = ENGINE.score(second, AT, List.of());
        ActionScore after = ENGINE.score(second, AT, List.of(first));
        assertThat(EngineFixture.criterion(after, Criterion.FRAGMENTATION_RISK).score())
                .isGreaterThan(EngineFixture.criterion(alone, Criterion.FRAGMENTATION_RISK).score());
        assertThat(alone.context().earlierActions()).isZero();
        assertThat(after.context().earlierActions()).isEqualTo(1);
        assertThat(after.context().historyVersion()).isEqualTo(H.version());
        assertThat(after.context().digest()).matches("[0-9a-f]{16}").isNotEqualTo(alone.context().digest());
        // deterministic: the same inputs give the same score
        assertThat(ENGINE.score(second, AT, List.of(first))).isEqualTo(after);
    }

    @Test
    void aChangedWindowOrWeightIsANewModelVersionAndNoHistoryKeepsTheOldOne() {
        ScoringEngine plain = new ScoringEngine(ModelConfig.defaults(), EngineFixture.COUNTRIES, EngineFixture.CLOCK);
        ScoringEngine off = new ScoringEngine(ModelConfig.defaults(), EngineFixture.COUNTRIES, EngineFixture.CLOCK, null);
        assertThat(off.modelVersion()).isEqualTo(plain.modelVersion());
        assertThat(ENGINE.modelVersion()).isNotEqualTo(plain.modelVersion());
        HistoryConfig longer = new HistoryConfig("h1", 12, 10, 30, 5, 5, 15, 5, 20, 10, 10, 5, 5, 20, 5, 15, 24, 15);
        ScoringEngine other = new ScoringEngine(ModelConfig.defaults(), EngineFixture.COUNTRIES, EngineFixture.CLOCK, longer);
        assertThat(other.modelVersion()).isNotEqualTo(ENGINE.modelVersion());
    }
}
