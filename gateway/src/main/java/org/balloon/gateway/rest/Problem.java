package org.balloon.gateway.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, as every Balloon service answers errors. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(description = "a URI that names the kind of problem", examples = "urn:balloon:problem:bad-parameter") String type,
        @Schema(description = "short, human-readable summary of the kind of problem", examples = "Bad parameter") String title,
        @Schema(description = "the HTTP status code", examples = "400") int status,
        @Schema(description = "what went wrong in this occurrence", examples = "groupBy must be one of country, organization, type, agency, month") String detail,
        @Schema(description = "the request path this occurrence is about", examples = "/api/aggregates") String instance,
        @Schema(description = "for validation problems: which fields or parameters, and why") List<FieldError> errors) {

    /** One invalid field or parameter, by its JSON field or query parameter name. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "JSON field or query parameter name", examples = "groupBy") String field,
            @Schema(description = "why it is invalid", examples = "must be one of country, organization, type, agency, month") String message) {
    }
}
