package org.balloon.events.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the relay thread runs. A broker outage does not make the service unready or dead:
 * intake keeps accepting and the lag is reported (balloon_outbox_lag) for alerting instead.
 */
@Liveness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxRelayHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay").status(relay.isAlive()).withData("lag", relay.lag()).build();
    }
}
