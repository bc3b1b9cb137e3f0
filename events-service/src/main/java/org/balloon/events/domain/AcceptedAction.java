package org.balloon.events.domain;

import java.time.Instant;
import java.util.UUID;

/** An action the record holds: its server-assigned id and time; {@code replayed} when an Idempotency-Key matched. */
public record AcceptedAction(UUID id, Instant receivedAt, boolean replayed) {
}
