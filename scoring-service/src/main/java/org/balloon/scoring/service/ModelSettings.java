package org.balloon.scoring.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** {@code balloon.model.*}: the declared version, weights and band cut-offs of the scoring model. */
@ConfigMapping(prefix = "balloon.model")
public interface ModelSettings {

    /** Declared model version, e.g. 2026.1; the published modelVersion adds a configuration hash. */
    String version();

    /** One weight per criterion, keyed by the criterion's name (DEMAND_UNTOUCHED=1.5, ...). */
    Map<String, Double> weights();

    Bands bands();

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
