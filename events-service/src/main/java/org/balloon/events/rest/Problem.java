package org.balloon.events.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.balloon.events.domain.FieldProblem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document. {@code errors} lists each bad field of a validation problem;
 * {@code line}, {@code column} and {@code offset} say where a malformed JSON body broke.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldProblem> errors,
        Integer line, Integer column, Long offset) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(type(slug), title, status, detail, instance, null, null, null, null);
    }

    public static String type(String slug) {
        return "urn:balloon:problem:" + slug;
    }

    public Problem withErrors(List<FieldProblem> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, line, column, offset);
    }

    public Problem at(int atLine, int atColumn, long atOffset) {
        return new Problem(type, title, status, detail, instance, errors, atLine, atColumn, atOffset);
    }
}
