package org.balloon.scoring.engine;

import java.util.Objects;

/**
 * The history-aware part of the model (issue 14): the look-back windows and the points of the
 * history factors. Versioned ({@code version}) and part of the model's configuration hash, so a
 * change of a window or a weight changes the modelVersion. Comes from {@code balloon.history.*}.
 *
 * @param version               the history configuration's own version, e.g. {@code h1}
 * @param decapitationYears     FR-11: how far back earlier leadership removals of the same organisation count
 * @param decapitationPoints    FR-11: points per earlier removal
 * @param decapitationCap       FR-11: at most
 * @param pressureYears         DI-12/DI-13: how far back earlier supply-side pressure counts
 * @param sameCountryPoints     DI-12: points per earlier pressure action in the same country
 * @param sameCountryCap        DI-12: at most
 * @param nearbyPoints          DI-13: points per earlier pressure action in a neighbour or on the same route
 * @param nearbyCap             DI-13: at most
 * @param demandYears           DU-10: the window in which no demand-side measure was taken anywhere
 * @param demandUntouchedPoints DU-10: points
 * @param frictionYears         SF-13/BA-10: how far back earlier unilateral or lethal actions against the country count
 * @param frictionPoints        SF-13: points per earlier unilateral or lethal action
 * @param frictionCap           SF-13: at most
 * @param backlashPoints        BA-10: points per earlier lethal action
 * @param backlashCap           BA-10: at most
 * @param incoherenceMonths     PI-10: the period in which other agencies' conflicting actions count
 * @param incoherencePoints     PI-10: points
 */
public record HistoryConfig(String version, int decapitationYears, int decapitationPoints, int decapitationCap,
        int pressureYears, int sameCountryPoints, int sameCountryCap, int nearbyPoints, int nearbyCap,
        int demandYears, int demandUntouchedPoints,
        int frictionYears, int frictionPoints, int frictionCap, int backlashPoints, int backlashCap,
        int incoherenceMonths, int incoherencePoints) {

    public HistoryConfig {
        Objects.requireNonNull(version, "version");
        if (version.isBlank()) {
            throw new IllegalArgumentException("the history configuration needs a version");
        }
        for (int years : new int[] {decapitationYears, pressureYears, demandYears, frictionYears}) {
            if (years < 1 || years > 50) {
                throw new IllegalArgumentException("history windows are 1-50 years, got " + years);
            }
        }
        if (incoherenceMonths < 1 || incoherenceMonths > 600) {
            throw new IllegalArgumentException("the incoherence window is 1-600 months, got " + incoherenceMonths);
        }
    }

    /** The defaults application.properties ships (scoring-service README, "History"). */
    public static HistoryConfig defaults() {
        return new HistoryConfig("h2", 10, 10, 30, 5, 5, 15, 5, 20, 10, 10, 5, 5, 20, 5, 15, 24, 15);
    }

    /** The configuration as text, for the model's hash. */
    String canonical() {
        return "history=" + this + "\n" + Regions.canonical();
    }
}
