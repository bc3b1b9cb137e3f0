package org.balloon.events.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.balloon.contracts.problem.Problem;
import org.balloon.events.service.ActionNotFoundException;
import org.balloon.events.service.DatabaseUnavailable;
import org.balloon.events.service.IdempotencyConflictException;
import org.balloon.events.service.IntakeConfig;
import org.balloon.events.service.InvalidRequestException;
import org.balloon.events.service.MalformedJsonException;
import org.balloon.events.service.SubmissionReader;
import org.balloon.events.service.TooLargeException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the service as RFC 9457 application/problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper mapper;
    private final IntakeMetrics metrics;
    private final String retryAfterSeconds;

    public ProblemMappers(ObjectMapper mapper, IntakeMetrics metrics, IntakeConfig config) {
        this.mapper = mapper;
        this.metrics = metrics;
        this.retryAfterSeconds = Integer.toString(config.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public RestResponse<String> invalid(InvalidRequestException e, HttpServerRequest request) {
        countRejection(request, "invalid");
        return respond(Problem.of("invalid-request", "The request breaks the contract", 400, e.getMessage(), request.path())
                .withErrors(e.problems()));
    }

    @ServerExceptionMapper
    public RestResponse<String> malformed(MalformedJsonException e, HttpServerRequest request) {
        countRejection(request, "malformed");
        String detail = "malformed JSON at line " + e.line() + ", column " + e.column() + " (offset " + e.offset() + "): "
                + e.getMessage();
        return respond(Problem.of("malformed-json", "The body is not valid JSON", 400, detail, request.path())
                .at(e.line(), e.column(), e.offset()));
    }

    /** Jackson errors outside our own reader (defensive: every body is read by SubmissionReader). */
    @ServerExceptionMapper
    public RestResponse<String> jackson(JsonProcessingException e, HttpServerRequest request) {
        countRejection(request, "invalid");
        Problem.FieldError problem = SubmissionReader.mappingProblem(e);
        return respond(Problem.of("invalid-request", "The request breaks the contract", 400,
                problem.field() + " " + problem.message(), request.path()).withErrors(List.of(problem)));
    }

    @ServerExceptionMapper
    public RestResponse<String> idempotencyConflict(IdempotencyConflictException e, HttpServerRequest request) {
        countRejection(request, "idempotency_conflict");
        return respond(Problem.of("idempotency-key-reused", "Idempotency-Key reused with a different body", 422,
                e.getMessage(), request.path()));
    }

    @ServerExceptionMapper
    public RestResponse<String> notFound(ActionNotFoundException e, HttpServerRequest request) {
        return respond(Problem.of("not-found", "No such action", 404, e.getMessage(), request.path()));
    }

    @ServerExceptionMapper
    public RestResponse<String> tooLarge(TooLargeException e, HttpServerRequest request) {
        countRejection(request, "too_large");
        return respond(Problem.of("too-large", "Content too large", 413, e.getMessage(), request.path()));
    }

    @ServerExceptionMapper
    public RestResponse<String> web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 415) {
            countRejection(request, "unsupported_media_type");
            String sent = request.getHeader("Content-Type");
            return respond(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    (sent == null ? "the request has a body but no Content-Type" : "Content-Type '" + sent + "' is not accepted here")
                            + "; send application/json"
                            + (request.path().endsWith("/batch") ? " or application/x-ndjson" : ""), request.path()));
        }
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
        return respond(Problem.of(title.toLowerCase().replace(' ', '-'), title, status, e.getMessage(), request.path()));
    }

    @ServerExceptionMapper
    public RestResponse<String> unexpected(Exception e, HttpServerRequest request) {
        if (DatabaseUnavailable.isCause(e)) {
            LOG.warnf("PostgreSQL unavailable for %s %s: %s", request.method(), request.path(), e.toString());
            return respond(Problem.of("database-unavailable", "Service temporarily unavailable", 503,
                    "the record (PostgreSQL) cannot be reached; nothing was stored or published, retry later", request.path()),
                    retryAfterSeconds);
        }
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return respond(Problem.of("internal", "Internal error", 500, "an unexpected error occurred", request.path()));
    }

    private void countRejection(HttpServerRequest request, String reason) {
        if ("POST".equals(request.method().name()) && !request.path().endsWith("/retract")) {
            metrics.rejected(request.path().endsWith("/batch") ? "batch" : "single", reason, 1);
        }
    }

    private RestResponse<String> respond(Problem problem) {
        return respond(problem, null);
    }

    private RestResponse<String> respond(Problem problem, String retryAfter) {
        try {
            // (create(int, String) would take the text as the reason phrase, hence entity())
            RestResponse.ResponseBuilder<String> response = RestResponse.ResponseBuilder.<String>create(problem.status())
                    .entity(mapper.writeValueAsString(problem)).type(Problem.MEDIA_TYPE);
            if (retryAfter != null) {
                response.header("Retry-After", retryAfter);
            }
            return response.build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem document", e);
        }
    }
}
