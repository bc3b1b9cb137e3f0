package org.balloon.gateway.domain;

import java.util.Arrays;
import java.util.Optional;

/** The dimensions aggregates can be grouped by, named as the {@code groupBy} parameter spells them. */
public enum GroupBy {
    COUNTRY("country"),
    ORGANIZATION("organization"),
    TYPE("type"),
    AGENCY("agency"),
    MONTH("month");

    private final String parameter;

    GroupBy(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<GroupBy> fromParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(value)).findFirst();
    }
}
