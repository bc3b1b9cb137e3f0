package org.balloon.scoring.rest;

import java.util.List;

/** RFC 9457 problem details; {@code errors} lists the fields a validation problem is about. */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that was wrong, by its JSON name. */
    public record FieldError(String field, String message) {
    }
}
