package org.balloon.scoring.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Unreadable request bodies as problem+json naming the field, instead of the framework's default bodies. */
public class ProblemMappers {

    static final String INVALID_ACTION = "https://balloon.dev/problems/invalid-action";

    @ServerExceptionMapper
    public RestResponse<Problem> mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidAction(InvalidActionException e, UriInfo uri) {
        return RestResponse.ResponseBuilder.create(Response.Status.BAD_REQUEST,
                new Problem(INVALID_ACTION, "Invalid policy action", 400,
                        e.errors().size() + " field(s) break the action's constraints", uri.getPath(), e.errors()))
                .type(Problem.MEDIA_TYPE).build();
    }

    private static RestResponse<Problem> unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m) : "(body)";
        String message = e.getOriginalMessage();
        return RestResponse.ResponseBuilder.create(Response.Status.BAD_REQUEST,
                new Problem(INVALID_ACTION, "Unreadable policy action", 400,
                        "the body is not a policy action in the contract's JSON", uri.getPath(),
                        List.of(new Problem.FieldError(field, message))))
                .type(Problem.MEDIA_TYPE).build();
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
