package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.balloon.scoring.engine.ArticleActions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.Band;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.junit.jupiter.api.Test;

class ScoringEngineTest {

    final ScoringEngine engine = EngineFixture.ENGINE;

    @Test
    void everyScoreHasTheEightCriteriaInOrderEvenWhenNothingFired() {
        ActionScore s = engine.score(harmReductionAtHome().build());
        assertThat(s.criteria()).extracting(CriterionScore::criterion).containsExactly(Criterion.values());
        assertThat(s.criteria()).allSatisfy(c -> assertThat(c.rationale()).isNotBlank());
        assertThat(s.criteria()).filteredOn(c -> c.score() == 0 && c.factors().isEmpty()).isNotEmpty();
        assertThat(s.schemaVersion()).isEqualTo(1);
        assertThat(s.action()).isEqualTo(harmReductionAtHome().build());
    }

    @Test
    void overallIsTheWeightedMeanOfTheCriteriaRoundedHalfUp() {
        ActionScore s = engine.score(maritimeStrikeOffVenezuela().build());
        Map<Criterion, Double> w = ModelConfig.defaults().weights();
        double num = 0;
        double den = 0;
        for (CriterionScore c : s.criteria()) {
            num += w.get(c.criterion()) * c.score();
            den += w.get(c.criterion());
        }
        assertThat(s.overall()).isEqualTo((int) Math.round(num / den));
        assertThat(s.band()).isEqualTo(ModelConfig.defaults().band(s.overall()));
    }

    @Test
    void theArticlesEscalationsRankAboveItsMissingAlternatives() {
        int strike = engine.score(maritimeStrikeOffVenezuela().build()).overall();
        int eradication = engine.score(afghanPoppyEradication().build()).overall();
        int merida = engine.score(meridaInitiative().build()).overall();
        int development = engine.score(alternativeDevelopmentColombia().build()).overall();
        int harmReduction = engine.score(harmReductionAtHome().build()).overall();
        assertThat(strike).isGreaterThan(eradication);
        assertThat(eradication).isGreaterThan(merida);
        assertThat(merida).isGreaterThan(development);
        assertThat(development).isGreaterThanOrEqualTo(harmReduction);
        assertThat(engine.score(maritimeStrikeOffVenezuela().civilianHarm(true).build()).band()).isEqualTo(Band.SEVERE);
        assertThat(engine.score(harmReductionAtHome().build()).band()).isEqualTo(Band.LOW);
        assertThat(engine.score(meridaInitiative().build()).band()).isIn(Band.MODERATE, Band.HIGH);
    }

    @Test
    void bandsFollowTheCutOffs() {
        ModelConfig c = ModelConfig.defaults();
        assertThat(c.band(0)).isEqualTo(Band.LOW);
        assertThat(c.band(14)).isEqualTo(Band.LOW);
        assertThat(c.band(15)).isEqualTo(Band.MODERATE);
        assertThat(c.band(34)).isEqualTo(Band.MODERATE);
        assertThat(c.band(35)).isEqualTo(Band.HIGH);
        assertThat(c.band(54)).isEqualTo(Band.HIGH);
        assertThat(c.band(55)).isEqualTo(Band.SEVERE);
        assertThat(c.band(100)).isEqualTo(Band.SEVERE);
    }

    @Test
    void scoredAtIsTheActionsReceivedAtSoARedeliveryIsIdentical() {
        Instant received = Instant.parse("2025-09-03T08:15:00Z");
        ActionScore first = engine.score(maritimeStrikeOffVenezuela().receivedAt(received).build());
        ActionScore again = new ScoringEngine(ModelConfig.defaults(), EngineFixture.COUNTRIES,
                java.time.Clock.systemUTC()).score(maritimeStrikeOffVenezuela().receivedAt(received).build());
        assertThat(again).isEqualTo(first);
        assertThat(first.scoredAt()).isEqualTo(received);
        // a submission without receivedAt (a preview) is scored "now", by the injected clock
        assertThat(engine.score(maritimeStrikeOffVenezuela().receivedAt(null).build()).scoredAt())
                .isEqualTo(EngineFixture.CLOCK.instant());
    }

    @Test
    void theModelVersionIsTheDeclaredVersionPlusAHashOfTheEffectiveConfiguration() {
        assertThat(engine.modelVersion()).matches("2026\\.2\\+[0-9a-f]{8}");
        ScoringEngine same = new ScoringEngine(ModelConfig.defaults(), EngineFixture.COUNTRIES, EngineFixture.CLOCK);
        assertThat(same.modelVersion()).isEqualTo(engine.modelVersion());

        Map<Criterion, Double> heavierDemand = new EnumMap<>(ModelConfig.defaults().weights());
        heavierDemand.put(Criterion.DEMAND_UNTOUCHED, 2.0);
        ModelConfig d = ModelConfig.defaults();
        Set<String> versions = new HashSet<>(List.of(
                engine.modelVersion(),
                new ScoringEngine(new ModelConfig("2026.2", heavierDemand, 15, 35, 55), EngineFixture.COUNTRIES, EngineFixture.CLOCK).modelVersion(),
                new ScoringEngine(new ModelConfig("2026.2", d.weights(), 20, 35, 55), EngineFixture.COUNTRIES, EngineFixture.CLOCK).modelVersion(),
                new ScoringEngine(new ModelConfig("2026.3", d.weights(), 15, 35, 55), EngineFixture.COUNTRIES, EngineFixture.CLOCK).modelVersion(),
                new ScoringEngine(d, CountryTableLoader.parse(tableWith("MX,Mexico,27,TI CPI,2024,")), EngineFixture.CLOCK).modelVersion()));
        assertThat(versions).hasSize(5);
        // 1.5 and 1.50 are the same weight and the same model
        Map<Criterion, Double> sameWeights = new EnumMap<>(d.weights());
        sameWeights.put(Criterion.DEMAND_UNTOUCHED, 1.50);
        assertThat(new ScoringEngine(new ModelConfig("2026.2", sameWeights, 15, 35, 55), EngineFixture.COUNTRIES,
                EngineFixture.CLOCK).modelVersion()).isEqualTo(engine.modelVersion());
    }

    @Test
    void aConfigurationWithoutEveryWeightOrWithCutOffsOutOfOrderIsRefused() {
        Map<Criterion, Double> missing = new EnumMap<>(ModelConfig.defaults().weights());
        missing.remove(Criterion.BACKLASH);
        assertThatThrownBy(() -> new ModelConfig("2026.1", missing, 15, 35, 55)).hasMessageContaining("BACKLASH");
        assertThatThrownBy(() -> new ModelConfig("2026.1", ModelConfig.defaults().weights(), 35, 15, 55))
                .hasMessageContaining("cut-offs");
    }

    @Test
    void everyRuleHasAUniqueIdAnExplanationAndAPassageQuotedVerbatimFromTheArticle() throws IOException {
        String article;
        try (InputStream in = getClass().getResourceAsStream("/article.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> ids = new HashSet<>();
        int rules = 0;
        for (CriterionModel c : engine.criteria()) {
            assertThat(article).as("passage of %s", c.criterion()).contains(c.passage());
            for (Rule r : c.rules()) {
                rules++;
                assertThat(ids.add(r.id())).as("unique id %s", r.id()).isTrue();
                assertThat(r.id()).startsWith(CriterionModel.prefix(c.criterion()) + "-");
                assertThat(r.rationale()).as(r.id()).endsWith(".");
                assertThat(article).as("passage of %s", r.id()).contains(r.passage());
            }
        }
        assertThat(rules).isGreaterThanOrEqualTo(16);
    }

    private static String tableWith(String row) {
        return """
                # version: test-1
                # index: test index
                # neutral-default: 43
                # neutral-default-source: test default
                iso2,country,score,source,year,note
                """ + row + "\n";
    }
}
