package org.balloon.gateway.service;

import jakarta.ws.rs.ProcessingException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/** Runs an upstream call and turns "could not get an answer" into {@link UpstreamUnavailableException}. */
public final class Upstream {

    private Upstream() {
    }

    public static UpstreamResponse events(Supplier<UpstreamResponse> call) {
        return call(EventsForwarder.SERVICE, call);
    }

    public static UpstreamResponse scoring(Supplier<UpstreamResponse> call) {
        return call(ScoringForwarder.SERVICE, call);
    }

    static UpstreamResponse call(String service, Supplier<UpstreamResponse> call) {
        try {
            return call.get();
        } catch (ProcessingException | FaultToleranceException e) {
            // FaultToleranceException covers the open circuit and the timeout
            throw new UpstreamUnavailableException(service, e);
        }
    }
}
