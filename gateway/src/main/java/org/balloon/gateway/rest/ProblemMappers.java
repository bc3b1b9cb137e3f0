package org.balloon.gateway.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.balloon.contracts.problem.Problem;
import org.balloon.gateway.persistence.StoreException;
import org.balloon.gateway.service.UpstreamUnavailableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error the gateway itself produces leaves as problem+json, never as a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final int retryAfterSeconds;

    public ProblemMappers(@ConfigProperty(name = "balloon.upstream.retry-after") int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e, UriInfo uri) {
        return Problems.builder(400, "bad-parameter", "Bad parameter", e.getMessage(), path(uri),
                e.parameters().stream().map(p -> new Problem.FieldError(p, e.getMessage())).toList()).build();
    }

    @ServerExceptionMapper
    public Response upstreamUnavailable(UpstreamUnavailableException e, UriInfo uri) {
        LOG.warnf("%s %s: %s", "503 for", path(uri), e.getMessage());
        return Problems.builder(503, "upstream-unavailable", "Service unavailable",
                e.service() + " is not answering; try again shortly", path(uri), null)
                .header("Retry-After", retryAfterSeconds).build();
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreException e, UriInfo uri) {
        // an outage is answered 503 to every request: one line each, not a stack trace each
        LOG.warnf("503 for %s: %s (%s)", path(uri), e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
        return Problems.builder(503, "store-unavailable", "Service unavailable",
                "the score store is not answering; try again shortly", path(uri), null)
                .header("Retry-After", retryAfterSeconds).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response r = e.getResponse();
        if (r != null && r.hasEntity()) {
            return r;
        }
        int status = r == null ? 500 : r.getStatus();
        String title = r == null ? "Error" : r.getStatusInfo().getReasonPhrase();
        return Problems.of(status, "http-" + status, title, e.getMessage(), path(uri));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("unexpected failure at " + path(uri), e);
        return Problems.of(500, "internal", "Internal error", "the gateway failed unexpectedly; it has been logged",
                path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
