package org.balloon.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.balloon.gateway.client.EventsClient;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls the events service with fault tolerance. Every call has a timeout and a circuit breaker
 * (a dead service is answered at once instead of costing each caller a connect attempt). Only
 * idempotent calls are retried: reads, and submissions that carry an Idempotency-Key (the events
 * service answers a repeated key with the first result). Upstream 4xx/5xx answers are results,
 * not failures: they neither trip the breaker nor get retried.
 *
 * <p>Failures surface as the fault-tolerance or client exceptions; {@link Upstream#call} turns them
 * into {@link UpstreamUnavailableException}.
 */
@ApplicationScoped
public class EventsForwarder {

    // The breakers open after half of 6 calls failed and try again after 2 s: long enough to spare a
    // restarting events-service the retries of every client, short enough that submissions are taken
    // again within seconds of it being back (5 s made a restart cost 5 s of refused submissions).

    static final String SERVICE = "events-service";

    @RestClient
    EventsClient client;

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse submit(String contentType, String traceparent, byte[] body) {
        return UpstreamResponse.of(client.submit(contentType, null, traceparent, body));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse submitIdempotent(String contentType, String idempotencyKey, String traceparent, byte[] body) {
        return UpstreamResponse.of(client.submit(contentType, idempotencyKey, traceparent, body));
    }

    // a batch may be large (10 000 actions): it has the client's read timeout (60 s) and no retry;
    // the single calls keep their 5 s timeouts
    @Timeout(65000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse submitBatch(String contentType, String idempotencyKey, String traceparent, byte[] body) {
        return UpstreamResponse.of(client.submitBatch(contentType, idempotencyKey, traceparent, body));
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse retract(String id, String contentType, String traceparent, byte[] body) {
        return UpstreamResponse.of(client.retract(id, contentType, traceparent, body));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse get(String id, String traceparent) {
        return UpstreamResponse.of(client.get(id, traceparent));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse list(ListQuery q, String traceparent) {
        return UpstreamResponse.of(client.list(q.country(), q.type(), q.organization(), q.from(), q.to(), q.limit(),
                q.pageToken(), traceparent));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse audit(AuditQuery q, String traceparent) {
        return UpstreamResponse.of(client.audit(q.principal(), q.from(), q.to(), q.limit(), q.pageToken(), traceparent));
    }

    /** The audit filters, passed to the events service as given (it validates them). */
    public record AuditQuery(String principal, String from, String to, String limit, String pageToken) {
    }

    /** The list filters, passed to the events service as given (it validates them). */
    public record ListQuery(String country, String type, String organization, String from, String to, String limit,
            String pageToken) {
    }
}
