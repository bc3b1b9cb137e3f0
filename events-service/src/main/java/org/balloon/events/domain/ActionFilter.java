package org.balloon.events.domain;

import java.time.LocalDate;
import org.balloon.contracts.ActionType;

/** The list filters of {@code GET /actions}; null = not filtered. {@code from}/{@code to} are inclusive, on occurredOn. */
public record ActionFilter(String country, ActionType type, String organization, LocalDate from, LocalDate to,
        boolean includeRetracted) {

    /** A short fingerprint bound into page tokens, so a token is only used with the filters it was made for. */
    public String fingerprint() {
        // String hashes are stable across JVMs (enum hashCodes are not), so tokens survive restarts
        return Integer.toHexString(String.join("|", String.valueOf(country), String.valueOf(type),
                String.valueOf(organization), String.valueOf(from), String.valueOf(to),
                String.valueOf(includeRetracted)).hashCode());
    }
}
