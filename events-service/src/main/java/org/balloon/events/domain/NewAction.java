package org.balloon.events.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.balloon.contracts.ActionType;

/**
 * An accepted action as it is written: its columns, the published JSON, the request's trace context
 * and who submitted it (the token's subject and name; the subject also goes on the Kafka record).
 */
public record NewAction(UUID id, Instant receivedAt, int schemaVersion, String title, ActionType type, String targetCountry,
        LocalDate occurredOn, String payload, Set<String> organizationKeys, String traceparent, String submittedBySubject,
        String submittedByName) {
}
