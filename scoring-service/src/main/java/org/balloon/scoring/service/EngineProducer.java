package org.balloon.scoring.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.balloon.contracts.Criterion;
import org.balloon.scoring.engine.CountryTable;
import org.balloon.scoring.engine.CountryTableLoader;
import org.balloon.scoring.engine.ModelConfig;
import org.balloon.scoring.engine.ModelVersions;
import org.balloon.scoring.engine.ScoringEngine;

/** Builds the framework-free engine once, from configuration and the shipped country table. */
public class EngineProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ModelVersions models(ModelSettings settings, HistorySettings history, Clock clock) {
        CountryTable countries = CountryTableLoader.fromClasspath(settings.countryTable());
        ModelConfig current = modelConfig(settings);
        ScoringEngine previous = settings.previousVersion()
                .map(v -> new ScoringEngine(current.withDeclaredVersion(v), countries, clock))
                .orElse(null);
        // the history factors belong to the active model only; the kept previous release scores actions alone, as it did
        return new ModelVersions(new ScoringEngine(current, countries, clock, history.config()), previous);
    }

    /** The active model: what the stream, previews and re-scores use. */
    @Produces
    @Singleton
    ScoringEngine engine(ModelVersions models) {
        return models.current();
    }

    /** Fails start-up on a misspelt or missing criterion: a silently ignored weight would change scores unseen. */
    static ModelConfig modelConfig(ModelSettings settings) {
        Map<Criterion, Double> weights = new EnumMap<>(Criterion.class);
        Set<String> unknown = new TreeSet<>();
        settings.weights().forEach((name, weight) -> {
            try {
                weights.put(Criterion.valueOf(name), weight);
            } catch (IllegalArgumentException e) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("balloon.model.weights names unknown criteria " + unknown
                    + "; expected the names of " + java.util.Arrays.toString(Criterion.values()));
        }
        ModelSettings.Bands b = settings.bands();
        return new ModelConfig(settings.version(), weights, b.moderate(), b.high(), b.severe());
    }
}
