package org.balloon.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import org.balloon.contracts.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401, 403 and 429 as problem details, the same in every service. Proactive authentication is
 * off (see META-INF/microprofile-config.properties), so a bad token surfaces here as
 * {@link AuthenticationFailedException} instead of an empty 401 from the HTTP layer.
 */
public class AccessProblemMappers {

    private static final Logger LOG = Logger.getLogger(AccessProblemMappers.class);

    @ServerExceptionMapper
    public RestResponse<Problem> unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return problem(Problem.of("unauthorized", "A bearer token is required", 401,
                "send Authorization: Bearer <token> (bin/balloon token --role viewer --name you)", request.path()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        // why a token was refused (expired, signature, issuer, audience) is logged, never the token itself
        LOG.debugf("token refused on %s %s: %s", request.method(), request.path(), rootMessage(e));
        return problem(Problem.of("invalid-token", "The bearer token is not valid", 401,
                "the token is expired, not signed by a trusted key, or for another issuer or audience", request.path()))
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, HttpServerRequest request) {
        String detail = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : "the role of this token does not allow " + request.method() + " " + request.path();
        return problem(Problem.of("forbidden", "Not allowed for this role", 403, detail, request.path())).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> quota(QuotaExceededException e, HttpServerRequest request) {
        return problem(Problem.of("too-many-requests", "Too many requests", 429, e.getMessage(), request.path()))
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }

    private static RestResponse.ResponseBuilder<Problem> problem(Problem p) {
        return RestResponse.ResponseBuilder.<Problem>create(p.status()).entity(p).type(Problem.MEDIA_TYPE);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
