package org.balloon.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The RFC 9457 problem document every Balloon service answers errors with. One {@code type}
 * scheme, {@code urn:balloon:problem:<slug>}, for all of them; the extensions are optional members:
 * {@code errors} lists each bad field of a validation problem, {@code line}, {@code column} and
 * {@code offset} say where a malformed JSON body broke.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "a URI that names the kind of problem", examples = "urn:balloon:problem:bad-parameter") String type,
        @Schema(description = "short, human-readable summary of the kind of problem", examples = "Bad parameter") String title,
        @Schema(description = "the HTTP status code", examples = "400") int status,
        @Schema(description = "what went wrong in this occurrence", examples = "groupBy must be one of country, organization, type, agency, month") String detail,
        @Schema(description = "the request path this occurrence is about", examples = "/api/aggregates") String instance,
        @Schema(description = "for validation problems: which fields or parameters, and why") List<FieldError> errors,
        @Schema(description = "for a malformed JSON body: the line where it broke (1-based)") Integer line,
        @Schema(description = "for a malformed JSON body: the column where it broke (1-based)") Integer column,
        @Schema(description = "for a malformed JSON body: the byte offset where it broke") Long offset) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The one {@code type} scheme: a stable slug under this prefix, never a resolvable URL. */
    public static final String TYPE_PREFIX = "urn:balloon:problem:";

    /** One invalid field or parameter, by its JSON field or query parameter name ({@value #WHOLE_ITEM} = the whole item). */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "JSON field or query parameter name", examples = "groupBy") String field,
            @Schema(description = "why it is invalid", examples = "must be one of country, organization, type, agency, month") String message) {

        public static final String WHOLE_ITEM = "$";
    }

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(type(slug), title, status, detail, instance, null, null, null, null);
    }

    /** The same problem naming its bad fields; none (null or empty) leaves the member out. */
    public Problem withErrors(List<FieldError> fieldErrors) {
        List<FieldError> named = fieldErrors == null || fieldErrors.isEmpty() ? null : List.copyOf(fieldErrors);
        return new Problem(type, title, status, detail, instance, named, line, column, offset);
    }

    /** The same problem saying where a malformed body broke. */
    public Problem at(int atLine, int atColumn, long atOffset) {
        return new Problem(type, title, status, detail, instance, errors, atLine, atColumn, atOffset);
    }
}
