package org.balloon.gateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.balloon.gateway.client.ScoringClient;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Calls the scoring service's model and preview endpoints; both are side-effect free, so both retry. */
@ApplicationScoped
public class ScoringForwarder {

    static final String SERVICE = "scoring-service";

    @RestClient
    ScoringClient client;

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    public UpstreamResponse model(String traceparent) {
        return UpstreamResponse.of(client.model(traceparent));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    public UpstreamResponse preview(String contentType, String traceparent, byte[] body) {
        return UpstreamResponse.of(client.preview(contentType, traceparent, body));
    }
}
