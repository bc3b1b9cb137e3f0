package org.balloon.scoring.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** {@code balloon.model.*}: the declared version, weights and band cut-offs of the scoring model. */
@ConfigMapping(prefix = "balloon.model")
public interface ModelSettings {

    /** Declared model version, e.g. 2026.1; the published modelVersion adds a configuration hash. */
    String version();

    /** One weight per criterion, keyed by the criterion's name (DEMAND_UNTOUCHED=1.5, ...). */
    Map<String, Double> weights();

    Bands bands();

    /**
     * The declared version of the model this one replaced (e.g. 2026.1), kept beside it so that an
     * action can be scored under both on demand. Same weights and bands; only the rules of that
     * release. Absent: no comparison is offered.
     */
    Optional<String> previousVersion();

    /** Re-score the history at start when the stored scores were made by another model (messaging.ModelUpgradeCheck). */
    @WithDefault("true")
    boolean rescoreOnUpgrade();

    /** Classpath resource of the country table PARTNER_CAPACITY reads. */
    @WithDefault("country-context/cpi-2024.csv")
    String countryTable();

    /** Lowest overall score of each band above LOW. */
    interface Bands {
        int moderate();

        int high();

        int severe();
    }
}
