package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.junit.jupiter.api.Test;

/** Model 2026.2 beside 2026.1: what an upgrade keeps, what it moves and what every new rule rests on. */
class ModelReleaseTest {

    /** The version 2026.1 published (README, OpenAPI example): the kept previous model must reproduce it exactly. */
    static final String PUBLISHED_2026_1 = "2026.1+9472a251";

    @Test
    void theKeptPreviousModelIsExactlyThePublishedModel2026_1() {
        assertThat(EngineFixture.PREVIOUS.modelVersion()).isEqualTo(PUBLISHED_2026_1);
        assertThat(EngineFixture.ENGINE.modelVersion()).startsWith("2026.2+").isNotEqualTo(PUBLISHED_2026_1);
        assertThat(EngineFixture.PREVIOUS.criteria().stream().flatMap(c -> c.rules().stream()))
                .allSatisfy(r -> assertThat(r.since()).isEqualTo(ModelRelease.FIRST));
    }

    @Test
    void theArticlesOwnExamplesKeepTheirScoresExceptElChapoWhoseRemovalRaisesCivilianHomicides() {
        Map<String, ActionBuilder> examples = Map.of(
                "maritime strike off Venezuela", ArticleActions.maritimeStrikeOffVenezuela(),
                "the same with civilian harm", ArticleActions.maritimeStrikeOffVenezuela().civilianHarm(true),
                "Afghan poppy eradication", ArticleActions.afghanPoppyEradication(),
                // gains LE-13 (aerial spraying, ICJ Ecuador v. Colombia) but LE-09 (Congress) keeps LEGAL_EXPOSURE at 0
                "Plan Colombia aerial eradication", ArticleActions.planColombiaEradication(),
                "2025 FTO designations", ArticleActions.ftoDesignations(),
                "Mérida Initiative", ArticleActions.meridaInitiative(),
                "crop substitution", ArticleActions.alternativeDevelopmentColombia(),
                "naloxone and treatment", ArticleActions.harmReductionAtHome(),
                "judicial reform", ArticleActions.institutionalReformMexico());
        examples.forEach((name, a) -> {
            ActionScore now = EngineFixture.ENGINE.score(a.build());
            ActionScore before = EngineFixture.PREVIOUS.score(a.build());
            assertThat(now.overall()).as(name).isEqualTo(before.overall());
            assertThat(now.criteria().stream().map(CriterionScore::score))
                    .as(name).containsExactlyElementsOf(before.criteria().stream().map(CriterionScore::score).toList());
        });

        // the one that moves: a consented, non-lethal capture scored 0 on BACKLASH; leader removals raise homicides
        // among the general population where the organisation operates (Calderón et al. 2015; Lindo & Padilla-Romo 2018)
        ActionScore chapoNow = EngineFixture.ENGINE.score(ArticleActions.elChapoCapture().build());
        ActionScore chapoBefore = EngineFixture.PREVIOUS.score(ArticleActions.elChapoCapture().build());
        assertThat(chapoBefore.overall()).isEqualTo(26);
        assertThat(EngineFixture.criterion(chapoNow, Criterion.BACKLASH).score()).isEqualTo(20);
        assertThat(chapoNow.overall()).isEqualTo(29);
        assertThat(chapoNow.band()).isEqualTo(chapoBefore.band());
    }

    @Test
    void everyRuleAfter2026_1RestsOnAStudyOrOfficialRecordAndExtendsAnArticlePassage() {
        List<Rule> rules = EngineFixture.ENGINE.criteria().stream().flatMap(c -> c.rules().stream()).toList();
        List<Rule> added = rules.stream().filter(r -> !r.since().equals(ModelRelease.FIRST)).toList();
        assertThat(added).extracting(Rule::id).containsExactlyInAnyOrder("FR-10", "SF-10", "SF-11", "SF-12", "DI-10", "DI-11",
                "BA-09", "LE-11", "LE-12", "LE-13", "PI-11", "PI-12", "PI-13");
        assertThat(added).allSatisfy(r -> {
            assertThat(r.studies()).as(r.id()).isNotEmpty();
            assertThat(Literature.ALL).as(r.id()).containsAll(r.studies());
            assertThat(r.passage()).as(r.id()).isNotBlank();
            assertThat(r.points()).as(r.id() + ": 2026.2 only adds aggravating rules").isPositive();
        });
        // and every listed work is cited by some rule
        assertThat(added.stream().flatMap(r -> r.studies().stream()).distinct()).containsExactlyInAnyOrderElementsOf(Literature.ALL);
    }

    @Test
    void everyCitedWorkIsListedInTheReadmeWithItsFinding() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(Literature.ALL).allSatisfy(w -> {
            assertThat(readme).as(w.key()).contains(w.shortName());
            assertThat(readme).as(w.key()).contains(w.title());
            assertThat(readme).as(w.key() + ": one-line finding").contains(w.finding());
        });
    }

    @Test
    void releasesCompareByYearAndNumber() {
        assertThat(ModelRelease.atOrBefore("2026.1", "2026.2")).isTrue();
        assertThat(ModelRelease.atOrBefore("2026.2", "2026.1")).isFalse();
        assertThat(ModelRelease.atOrBefore("2026.2", "2026.10")).isTrue();
        assertThat(ModelRelease.atOrBefore("2026.2", "2027.1")).isTrue();
        assertThat(ModelRelease.atOrBefore("2026.2", "2026.2-rc1")).isTrue();
        assertThat(ModelRelease.atOrBefore("2026.2", "dev")).as("a non-release version gets every rule").isTrue();
        assertThat(Stream.of("2026.1", "2026.2")).allSatisfy(ModelRelease::parse);
    }
}
