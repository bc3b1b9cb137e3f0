package org.balloon.events.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit trail: who submitted or retracted which action, and when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(Instant at, Kind kind, UUID actionId, String title, Principal principal, String reason) {

    public enum Kind { SUBMITTED, RETRACTED }

    /** The token's subject and name; null for actions recorded before access control. */
    public record Principal(String subject, String name) {
    }
}
