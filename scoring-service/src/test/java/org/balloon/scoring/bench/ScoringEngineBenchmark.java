package org.balloon.scoring.bench;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
import org.balloon.scoring.engine.ArticleActions;
import org.balloon.scoring.engine.CountryTable;
import org.balloon.scoring.engine.CountryTableLoader;
import org.balloon.scoring.engine.ModelConfig;
import org.balloon.scoring.engine.ScoringEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine alone (no JSON, no Kafka): the time to score one action, averaged over the article's
 * actions and their contrasts. Run: {@code ./mvnw -B -pl scoring-service -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScoringEngineBenchmark {

    private ScoringEngine engine;
    private PolicyAction[] actions;
    private int next;

    @Setup
    public void setUp() {
        CountryTable countries = CountryTableLoader.fromClasspath("country-context/cpi-2024.csv");
        engine = new ScoringEngine(ModelConfig.defaults(), countries, Clock.systemUTC());
        actions = List.of(ArticleActions.maritimeStrikeOffVenezuela(), ArticleActions.elChapoCapture(),
                ArticleActions.ftoDesignations(), ArticleActions.planColombiaEradication(),
                ArticleActions.afghanPoppyEradication(), ArticleActions.meridaInitiative(),
                ArticleActions.harmReductionAtHome(), ArticleActions.alternativeDevelopmentColombia())
                .stream().map(b -> b.build()).toArray(PolicyAction[]::new);
    }

    @Benchmark
    public ActionScore scoreOneAction() {
        PolicyAction a = actions[next];
        next = (next + 1) % actions.length;
        return engine.score(a);
    }
}
