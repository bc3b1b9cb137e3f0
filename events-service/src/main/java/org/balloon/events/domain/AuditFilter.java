package org.balloon.events.domain;

import java.time.Instant;

/** Audit filters: a principal (subject or name, exact) and a time window [from, to). All optional. */
public record AuditFilter(String principal, Instant from, Instant to) {

    /** Binds a page token to the filters it was issued for. */
    public String fingerprint() {
        return Integer.toHexString((principal + "|" + from + "|" + to).hashCode());
    }
}
