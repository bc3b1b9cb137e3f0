package org.balloon.scoring.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.balloon.contracts.Band;
import org.balloon.contracts.Criterion;

/**
 * The tunable part of the model: its declared version, one weight per criterion and the band
 * cut-offs of the overall score. Comes from configuration ({@code balloon.model.*}).
 *
 * @param declaredVersion e.g. {@code 2026.2}; it also selects the release's rules ({@link ModelRelease}); the published modelVersion adds a hash of everything
 * @param weights         a weight &gt; 0 for each of the eight criteria
 * @param moderateFrom    lowest overall score in band MODERATE (below it: LOW)
 * @param highFrom        lowest overall score in band HIGH
 * @param severeFrom      lowest overall score in band SEVERE
 */
public record ModelConfig(String declaredVersion, Map<Criterion, Double> weights, int moderateFrom, int highFrom,
        int severeFrom) {

    public ModelConfig {
        Objects.requireNonNull(declaredVersion, "declaredVersion");
        if (declaredVersion.isBlank()) {
            throw new IllegalArgumentException("the model needs a declared version");
        }
        EnumMap<Criterion, Double> copy = new EnumMap<>(Criterion.class);
        copy.putAll(weights);
        for (Criterion c : Criterion.values()) {
            Double w = copy.get(c);
            if (w == null || !(w > 0) || w.isInfinite()) {
                throw new IllegalArgumentException("criterion " + c + " needs a finite weight > 0, got " + w);
            }
        }
        weights = java.util.Collections.unmodifiableMap(copy);
        if (!(0 < moderateFrom && moderateFrom < highFrom && highFrom < severeFrom && severeFrom <= 100)) {
            throw new IllegalArgumentException("band cut-offs must satisfy 0 < moderate < high < severe <= 100, got "
                    + moderateFrom + "/" + highFrom + "/" + severeFrom);
        }
    }

    /** The model's defaults, the same as application.properties ships (see README). */
    public static ModelConfig defaults() {
        Map<Criterion, Double> w = new EnumMap<>(Criterion.class);
        w.put(Criterion.DEMAND_UNTOUCHED, 1.5);
        w.put(Criterion.FRAGMENTATION_RISK, 1.0);
        w.put(Criterion.SOVEREIGNTY_FRICTION, 1.0);
        w.put(Criterion.DISPLACEMENT, 1.25);
        w.put(Criterion.BACKLASH, 1.25);
        w.put(Criterion.PARTNER_CAPACITY, 1.0);
        w.put(Criterion.LEGAL_EXPOSURE, 0.75);
        w.put(Criterion.POLICY_INCOHERENCE, 0.75);
        return new ModelConfig(ModelRelease.LITERATURE, w, 15, 35, 55);
    }

    /** The same weights and bands under another declared version (e.g. the previous release, for comparison). */
    public ModelConfig withDeclaredVersion(String version) {
        return new ModelConfig(version, weights, moderateFrom, highFrom, severeFrom);
    }

    public Band band(int overall) {
        if (overall >= severeFrom) {
            return Band.SEVERE;
        }
        if (overall >= highFrom) {
            return Band.HIGH;
        }
        return overall >= moderateFrom ? Band.MODERATE : Band.LOW;
    }
}
