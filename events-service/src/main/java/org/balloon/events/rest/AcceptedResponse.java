package org.balloon.events.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted submission. */
@Schema(name = "Accepted", description = "the server-assigned id and receipt time of an accepted action")
public record AcceptedResponse(UUID id, Instant receivedAt) {
}
