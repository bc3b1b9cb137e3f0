package org.balloon.gateway.domain;

import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/aggregates}: one entry per group, computed by the database. */
public record Aggregates(String groupBy, String modelVersion, List<Group> groups) {

    /**
     * One group: its key (a country code, an organisation, an action type, an agency or a
     * month {@code YYYY-MM}), how many scored actions it holds, and their mean scores
     * (rounded to two decimals).
     */
    public record Group(String key, long count, double meanOverall, Map<String, Double> meanByCriterion) {
    }
}
