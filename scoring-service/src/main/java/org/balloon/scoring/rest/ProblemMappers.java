package org.balloon.scoring.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.Collectors;
import org.balloon.contracts.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Unreadable request bodies as problem+json naming the field, instead of the framework's default bodies. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static final String INVALID_ACTION = "invalid-action";

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
                Problem.of(INVALID_ACTION, "Invalid policy action", 400,
                        e.errors().size() + " field(s) break the action's constraints", uri.getPath()).withErrors(e.errors()))
                .type(Problem.MEDIA_TYPE).build();
    }

    /** 404, 405, 406, 413, 415 and the like: the framework's status with a problem body instead of its own. */
    @ServerExceptionMapper
    public RestResponse<Problem> web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
        return RestResponse.ResponseBuilder.<Problem>create(status).entity(Problem.of("http-" + status,
                title, status, e.getMessage(), uri.getPath())).type(Problem.MEDIA_TYPE).build();
    }

    /** A bug: logged with its stack, answered without it. */
    @ServerExceptionMapper(priority = 10_000)
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        LOG.error("unexpected failure at " + uri.getPath(), e);
        return RestResponse.ResponseBuilder.<Problem>create(500).entity(Problem.of("internal",
                "Internal error", 500, "the scoring service failed unexpectedly; it has been logged", uri.getPath()))
                .type(Problem.MEDIA_TYPE).build();
    }

    private static RestResponse<Problem> unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m) : "(body)";
        String message = e.getOriginalMessage();
        return RestResponse.ResponseBuilder.create(Response.Status.BAD_REQUEST,
                Problem.of(INVALID_ACTION, "Unreadable policy action", 400,
                        "the body is not a policy action in the contract's JSON", uri.getPath())
                        .withErrors(List.of(new Problem.FieldError(field, message))))
                .type(Problem.MEDIA_TYPE).build();
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
