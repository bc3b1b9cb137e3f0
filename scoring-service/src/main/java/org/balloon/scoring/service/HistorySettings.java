package org.balloon.scoring.service;

import io.smallrye.config.ConfigMapping;
import org.balloon.scoring.engine.HistoryConfig;

/**
 * {@code balloon.history.*}: whether the model reads each action in the context of the record
 * (issue 14) and the versioned windows and points of the history factors (defaults in
 * application.properties; the scoring-service README's "History" section explains them).
 */
@ConfigMapping(prefix = "balloon.history")
public interface HistorySettings {

    /** Off: every action is scored alone, as before issue 14 (BALLOON_HISTORY=false). */
    boolean enabled();

    String version();

    int decapitationYears();

    int decapitationPoints();

    int decapitationCap();

    int pressureYears();

    int sameCountryPoints();

    int sameCountryCap();

    int nearbyPoints();

    int nearbyCap();

    int demandYears();

    int demandUntouchedPoints();

    int frictionYears();

    int frictionPoints();

    int frictionCap();

    int backlashPoints();

    int backlashCap();

    int incoherenceMonths();

    int incoherencePoints();

    /** The engine's configuration, or null when history is off. */
    default HistoryConfig config() {
        if (!enabled()) {
            return null;
        }
        return new HistoryConfig(version(), decapitationYears(), decapitationPoints(), decapitationCap(), pressureYears(),
                sameCountryPoints(), sameCountryCap(), nearbyPoints(), nearbyCap(), demandYears(), demandUntouchedPoints(),
                frictionYears(), frictionPoints(), frictionCap(), backlashPoints(), backlashCap(), incoherenceMonths(),
                incoherencePoints());
    }
}
