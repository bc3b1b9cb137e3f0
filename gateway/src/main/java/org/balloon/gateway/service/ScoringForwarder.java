package org.balloon.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.balloon.gateway.client.ScoringClient;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Calls the scoring service's model, preview and compare endpoints; all are side-effect free, so all retry. */
@ApplicationScoped
public class ScoringForwarder {

    // breakers as in EventsForwarder: half-open after 2 s, so a restarted scoring-service is used again at once

    static final String SERVICE = "scoring-service";

    @RestClient
    ScoringClient client;

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse model(String traceparent, String version) {
        return UpstreamResponse.of(client.model(traceparent, version));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse preview(String contentType, String traceparent, byte[] body) {
        return UpstreamResponse.of(client.preview(contentType, traceparent, body));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 2000, successThreshold = 2)
    public UpstreamResponse compare(String contentType, String traceparent, byte[] body) {
        return UpstreamResponse.of(client.compare(contentType, traceparent, body));
    }
}
