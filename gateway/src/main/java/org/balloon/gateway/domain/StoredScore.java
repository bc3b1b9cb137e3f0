package org.balloon.gateway.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A score as the store holds it: its stream sequence, the filter columns, and the
 * {@code ActionScore} JSON exactly as it was received ({@code json}).
 */
public record StoredScore(
        long seq,
        UUID actionId,
        String modelVersion,
        int overall,
        String country,
        String type,
        LocalDate occurredOn,
        List<String> organizations,
        List<String> agencies,
        boolean retracted,
        String json) {
}
