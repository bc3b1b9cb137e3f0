package org.balloon.events.domain;

import java.time.Instant;
import java.util.UUID;

/** The outcome of a retraction; {@code alreadyRetracted} when it was retracted before (no second tombstone). */
public record Retraction(UUID id, Instant retractedAt, boolean alreadyRetracted) {
}
