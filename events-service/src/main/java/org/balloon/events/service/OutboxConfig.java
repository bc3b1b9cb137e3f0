package org.balloon.events.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** {@code balloon.outbox.*}, typed. The defaults are in application.properties, once. */
@ConfigMapping(prefix = "balloon.outbox")
public interface OutboxConfig {

    /** Outbox rows the relay publishes per round. */
    int batchSize();

    /** How often the relay looks for rows when nothing signalled new ones. */
    Duration pollInterval();

    /** How long the broker may take to acknowledge a record before it is retried. */
    Duration deliveryTimeout();

    /** How long sent outbox rows are kept. */
    Duration sentRetention();
}
