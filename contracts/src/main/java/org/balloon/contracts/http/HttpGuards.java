package org.balloon.contracts.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What every service does before a request reaches its resources:
 * <ul>
 * <li>the body is read here, on the event loop, before a worker thread is taken: Quarkus REST reads
 * the body of a blocking endpoint on its worker, so 200 clients sending one byte a second held
 * every worker of the gateway (Quarkus REST uses a body that was read already);</li>
 * <li>a body that does not arrive within {@code balloon.http.body-timeout} (10 s) plus one second per
 * {@code balloon.http.body-min-rate} bytes it declares answers 408 problem+json and the connection
 * is closed (no Quarkus timeout bounds a body that trickles in: the read timeout is per read);</li>
 * <li>a declared Content-Length over {@code quarkus.http.limits.max-body-size} answers 413 here,
 * before Vert.x's own limit would end the exchange with an empty body;</li>
 * <li>from the moment a SIGTERM arrives, a new request answers 503 problem+json with
 * {@code Retry-After} and {@code Connection: close} (the client goes to another replica or comes
 * back after the restart), while those in flight are answered;</li>
 * <li>a failure of the router itself (a chunked body over the limit, a handler's failure) answers
 * problem+json instead of Vert.x's bare status line. Requests Vert.x refuses before any route (a
 * malformed request line or header, a head over the size limits) still get its bare 400/414/431:
 * Quarkus does not let an application replace that handler.</li>
 * </ul>
 * Runs before Quarkus' upload-limit route (order -2).
 */
@ApplicationScoped
public class HttpGuards {

    private static final Logger LOG = Logger.getLogger(HttpGuards.class);
    static final int ORDER = -3;

    @ConfigProperty(name = "balloon.http.body-timeout", defaultValue = "10S")
    Duration bodyTimeout;

    /** Bytes per second a declared body may take on top of the timeout (a 16 MB batch gets 26 s by default). */
    @ConfigProperty(name = "balloon.http.body-min-rate", defaultValue = "1048576")
    long bodyMinRate;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    /** Seconds a client refused during shutdown is told to wait: about a restart, or at once elsewhere. */
    @ConfigProperty(name = "balloon.http.shutdown-retry-after", defaultValue = "2")
    int shutdownRetryAfter;

    private BodyHandler bodies;
    private volatile boolean draining;

    void install(@Observes Router router, Vertx vertx) {
        bodies = BodyHandler.create(false).setBodyLimit(maxBodySize.map(MemorySize::asLongValue).orElse(-1L))
                .setMergeFormAttributes(false);
        router.route().order(ORDER).handler(ctx -> guard(ctx, vertx)).failureHandler(HttpGuards::failed);
    }

    /**
     * The first step of a graceful shutdown (Quarkus fires it before it waits for requests in flight;
     * needs {@code quarkus.shutdown.delay-enabled=true}): from now on new requests are refused.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
    }

    private void guard(RoutingContext ctx, Vertx vertx) {
        HttpServerRequest request = ctx.request();
        if (draining) {
            ctx.response().putHeader("Retry-After", Integer.toString(shutdownRetryAfter));
            refuse(ctx, 503, "shutting-down", "Service unavailable", "the service is shutting down; retry in "
                    + shutdownRetryAfter + " s");
            return;
        }
        long declared = parse(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (maxBodySize.isPresent()) {
            if (declared > maxBodySize.get().asLongValue()) {
                refuse(ctx, 413, "too-large", "Content too large", "the body has " + declared + " bytes; at most "
                        + maxBodySize.get().asLongValue() + " are read");
                return;
            }
        }
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader(HttpHeaders.TRANSFER_ENCODING));
        if (request.isEnded() || (declared <= 0 && !chunked)) {
            ctx.next(); // no body to wait for
            return;
        }
        long allowed = bodyTimeout.toMillis() + Math.max(0, declared) * 1000 / Math.max(1, bodyMinRate);
        long timer = vertx.setTimer(allowed, id -> {
            if (!request.isEnded()) {
                LOG.debugf("%s %s: body not received within %d ms, closing", request.method(), request.path(), allowed);
                refuse(ctx, 408, "request-timeout", "Request Timeout",
                        "the request body did not arrive within " + allowed / 1000 + " s");
            }
        });
        ctx.addEndHandler(done -> vertx.cancelTimer(timer));
        if (readHere(request)) {
            bodies.handle(ctx); // calls ctx.next() once the whole body is in
        } else {
            ctx.next();
        }
    }

    /**
     * Bodies Quarkus REST takes from a buffer read before it: HTTP/1.x, not a form (forms it parses
     * from the stream itself, and an HTTP/2 request cannot be paused once read). The others still
     * have the deadline.
     */
    private static boolean readHere(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return request.version() != HttpVersion.HTTP_2 && (type == null
                || !(type.regionMatches(true, 0, "multipart/", 0, 10)
                        || type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)));
    }

    /**
     * A route failed with a bare status (the body reader's 413 for a chunked body over the limit, say)
     * and nothing was written yet: problem+json with that status. Failures with an exception, and a
     * 401 (which needs its WWW-Authenticate), go on to the services' mappers and Quarkus' handlers.
     */
    private static void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().headWritten() || ctx.failure() != null || status < 400 || status == 401) {
            ctx.next();
            return;
        }
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        refuse(ctx, status, "http-" + status, reason, reason + " (" + ctx.request().method() + " " + ctx.request().path() + ")");
    }

    private static void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        if (!ctx.response().headWritten()) {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(new JsonObject().put("type", "urn:balloon:problem:" + type).put("title", title).put("status", status)
                            .put("detail", detail).put("instance", ctx.request().path()).encode());
        }
        // the rest of the body is not read: closing frees whatever waits on it (an HTTP/2 stream ends
        // with its response; its connection carries other streams)
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.request().connection().close();
        }
    }

    private static long parse(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
