package org.balloon.scoring.engine;

import java.util.Objects;

/**
 * A study or official record a rule rests on, beside the article's passage it extends.
 *
 * @param key     short stable key, e.g. {@code calderon-2015}; rules and GET /model refer to it
 * @param authors the authors or the issuing body
 * @param year    year of publication (or of the record)
 * @param title   the work's title
 * @param venue   journal, publisher, court or office
 * @param finding one sentence: what the work found that the rule encodes (listed in the README)
 */
public record Citation(String key, String authors, int year, String title, String venue, String finding) {

    public Citation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(authors, "authors");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(finding, "finding");
        if (year < 1900 || year > 2100) {
            throw new IllegalArgumentException(key + ": implausible year " + year);
        }
    }

    /** How the work is named in evidence and in the README, e.g. {@code Dickenson (2014)}. */
    public String shortName() {
        return authors + " (" + year + ")";
    }
}
