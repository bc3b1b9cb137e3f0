package org.balloon.gateway.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Band;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.ScoreContext;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code GET /api/timeline}: one country's or one organisation's actions in
 * {@code occurredOn} order with their scores and history factors, and the earlier actions those
 * factors cite, resolved once for the whole answer.
 *
 * @param items     oldest first (occurredOn, then title, then action id); the latest {@code limit} when truncated
 * @param cited     every id a history factor of the items cites, that the store still holds, by id
 * @param truncated whether earlier actions were left out to stay within {@code limit}
 */
@Schema(name = "Timeline", description = "One country's or organisation's actions, oldest first, with the earlier actions "
        + "their scores cite")
public record Timeline(String country, String organization, List<Item> items,
        @Schema(description = "every id a history factor of the items cites, resolved from the store (absent if retracted)")
        Map<UUID, CitedAction> cited,
        @Schema(description = "earlier actions were left out to stay within `limit`") boolean truncated) {

    /** One action of the timeline with its score. */
    @Schema(name = "TimelineItem", description = "An action with its score; `eventId` is the score's stream event id")
    public record Item(
            UUID actionId,
            String eventId,
            LocalDate occurredOn,
            String title,
            ActionType type,
            String targetCountry,
            List<String> organizations,
            int overall,
            Band band,
            String modelVersion,
            Map<Criterion, Integer> criterionScores,
            ScoreContext context,
            List<HistoryFactor> historyFactors) {
    }

    /** A factor of the score that rests on earlier actions of the record ({@code Factor.cites}), with its criterion. */
    @Schema(name = "HistoryFactor", description = "A rule that read the action against the earlier record; `cites`: "
            + "the earlier actions it rests on, newest first")
    public record HistoryFactor(Criterion criterion, String rule, int points, String evidence, List<UUID> cites) {
    }

    /** The headline of an earlier action a score cites. */
    @Schema(name = "CitedAction")
    public record CitedAction(UUID actionId, LocalDate occurredOn, String title, ActionType type, String targetCountry,
            int overall, Band band) {
    }
}
