package org.balloon.events.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a retraction; {@code alreadyRetracted} when an earlier retraction stands (nothing new published). */
@Schema(name = "Retraction")
public record RetractResponse(UUID id, Instant retractedAt, boolean alreadyRetracted) {
}
