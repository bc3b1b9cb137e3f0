package org.balloon.access;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details for the answers of this module: 401, 403 and 429. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessProblem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static AccessProblem of(String slug, String title, int status, String detail, String instance) {
        return new AccessProblem("urn:balloon:problem:" + slug, title, status, detail, instance);
    }
}
