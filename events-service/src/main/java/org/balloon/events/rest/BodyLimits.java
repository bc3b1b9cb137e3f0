package org.balloon.events.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.balloon.contracts.problem.Problem;
import org.balloon.events.service.IntakeConfig;
import org.balloon.events.service.TooLargeException;

/**
 * The documented body limits: {@code balloon.intake.max-action-bytes} for one action (and a
 * retraction), {@code balloon.intake.max-batch-bytes} for a batch. A declared Content-Length over the
 * limit is refused before the body is read; a chunked body is checked once read (and Vert.x's
 * quarkus.http.limits.max-body-size caps everything).
 */
@ApplicationScoped
public class BodyLimits {

    private final long maxActionBytes;
    private final long maxBatchBytes;
    private final ObjectMapper mapper;
    private final IntakeMetrics metrics;

    public BodyLimits(IntakeConfig config, ObjectMapper mapper, IntakeMetrics metrics) {
        this.maxActionBytes = config.maxActionBytes();
        this.maxBatchBytes = config.maxBatchBytes();
        this.mapper = mapper;
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::checkDeclaredLength);
    }

    /** Throws 413 when a body that has been read is over the limit of its path. */
    public void check(String path, int length) {
        long limit = limitFor(path);
        if (length > limit) {
            throw new TooLargeException(message(length, limit));
        }
    }

    public boolean fitsOneAction(int length) {
        return length <= maxActionBytes;
    }

    public long maxActionBytes() {
        return maxActionBytes;
    }

    private void checkDeclaredLength(RoutingContext rc) {
        String declared = rc.request().getHeader("Content-Length");
        if (declared == null || !rc.request().path().startsWith("/actions")) {
            rc.next();
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            // Vert.x answers a broken Content-Length itself
            rc.next();
            return;
        }
        long limit = limitFor(rc.request().path());
        if (length <= limit) {
            rc.next();
            return;
        }
        metrics.rejected(rc.request().path().endsWith("/batch") ? "batch" : "single", "too_large", 1);
        Problem problem = Problem.of("too-large", "Content too large", 413, message(length, limit), rc.request().path());
        try {
            rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }

    private long limitFor(String path) {
        return path.endsWith("/batch") ? maxBatchBytes : maxActionBytes;
    }

    private static String message(long length, long limit) {
        return "the body has " + length + " bytes; the limit here is " + limit + " bytes";
    }
}
