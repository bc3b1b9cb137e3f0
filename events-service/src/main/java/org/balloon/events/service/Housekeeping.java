package org.balloon.events.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.balloon.events.persistence.IdempotencyStore;
import org.balloon.events.persistence.OutboxEntity;
import org.jboss.logging.Logger;

/** Forgets expired Idempotency-Keys and outbox rows that were published long ago (the action rows stay). */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final IdempotencyStore idempotency;
    private final Duration sentOutboxRetention;

    public Housekeeping(IdempotencyStore idempotency,
            OutboxConfig config) {
        this.idempotency = idempotency;
        this.sentOutboxRetention = config.sentRetention();
    }

    @Scheduled(every = "${balloon.housekeeping.interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Instant now = Instant.now();
        long keys = idempotency.purgeExpired(now);
        long rows = OutboxEntity.delete("sentAt < ?1", now.minus(sentOutboxRetention));
        if (keys + rows > 0) {
            LOG.debugf("purged %d expired idempotency keys and %d old outbox rows", keys, rows);
        }
    }
}
