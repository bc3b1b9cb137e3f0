package org.balloon.events.domain;

/** One thing wrong with one field of a submission; {@code field} is the JSON name ("$" = the whole item). */
public record FieldProblem(String field, String message) {

    public static final String WHOLE_ITEM = "$";
}
