package org.balloon.gateway.domain;

import java.time.LocalDate;

/**
 * What a query or a stream narrows scores to; every field is optional (null = no filter).
 * {@code country} is upper case, {@code type} and {@code agency} are enum constant names.
 */
public record ScoreFilter(
        String country,
        String type,
        String organization,
        String agency,
        LocalDate from,
        LocalDate to,
        Integer minOverall,
        String modelVersion) {

    public static final ScoreFilter NONE = new ScoreFilter(null, null, null, null, null, null, null, null);

    public ScoreFilter withModelVersion(String version) {
        return new ScoreFilter(country, type, organization, agency, from, to, minOverall, version);
    }

    /** The stream's in-memory check of a live score (the store applies the same filters in SQL). */
    public boolean matches(StoredScore s) {
        return (country == null || country.equals(s.country()))
                && (type == null || type.equals(s.type()))
                && (minOverall == null || s.overall() >= minOverall)
                && (modelVersion == null || modelVersion.equals(s.modelVersion()))
                && (organization == null || s.organizations().contains(organization))
                && (agency == null || s.agencies().contains(agency))
                && (from == null || (s.occurredOn() != null && !s.occurredOn().isBefore(from)))
                && (to == null || (s.occurredOn() != null && !s.occurredOn().isAfter(to)));
    }
}
