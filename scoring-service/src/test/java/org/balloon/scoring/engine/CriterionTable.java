package org.balloon.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A criterion's table of cases: an action (mostly ones the article names), the rules that must
 * fire and the rules that must stay silent. Subclasses add the direction checks of their criterion.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CriterionTable {

    /** One row: what the article says about this kind of action, in rule ids. */
    record Row(String name, ActionBuilder action, Set<String> fires, Set<String> silent) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Row row(String name, ActionBuilder action, Set<String> fires, Set<String> silent) {
        return new Row(name, action, fires, silent);
    }

    static Set<String> fires(String... ids) {
        return Set.of(ids);
    }

    static Set<String> silent(String... ids) {
        return Set.of(ids);
    }

    abstract Criterion criterion();

    abstract Stream<Row> table();

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theRulesTheArticleImpliesFire(Row row) {
        CriterionScore s = EngineFixture.criterion(EngineFixture.score(row.action()), criterion());
        List<String> fired = s.factors().stream().map(f -> f.rule()).toList();
        assertThat(fired).as("rules fired for %s", row.name()).containsAll(row.fires());
        assertThat(fired).as("rules that must stay silent for %s", row.name()).noneMatch(row.silent()::contains);
        if (row.fires().isEmpty()) {
            assertThat(s.score()).as("nothing the article names applies to %s", row.name()).isZero();
        }
        // the score is exactly the clamped sum of what fired: every point is explained
        int sum = s.factors().stream().mapToInt(f -> f.points()).sum();
        assertThat(s.score()).isEqualTo(Math.max(0, Math.min(100, sum)));
        assertThat(s.factors()).allSatisfy(f -> assertThat(f.evidence()).isNotBlank());
    }

    int score(ActionBuilder b) {
        return EngineFixture.points(b, criterion());
    }
}
