package org.balloon.gateway.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.Band;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shapes of answers that the gateway passes through or assembles as JSON trees, written down
 * here for the OpenAPI document only (the code never instantiates them).
 */
final class ApiDocs {

    private ApiDocs() {
    }

    @Schema(name = "Accepted", description = "The events service took the action; its score follows on the stream")
    record Accepted(@Schema(examples = "3f1c5a52-3e0b-4a51-9a43-3c2f0b0e8d11") UUID id, Instant receivedAt) {
    }

    @Schema(name = "BatchResult", description = "Per-item outcome of a batch, by position in the request")
    record BatchResult(int accepted, int rejected, List<BatchItem> results) {
    }

    @Schema(name = "BatchItem", description = "Either the new action's id or the problems of the item")
    record BatchItem(int index, UUID id, List<Problem.FieldError> problems) {
    }

    @Schema(name = "Retraction")
    record Retraction(@Schema(description = "why the action is withdrawn", examples = "entered twice") String reason) {
    }

    @Schema(name = "ActionView", description = "An action and its latest score (absent until scored)")
    record ActionView(
            @Schema(description = "the action: from the events service (with `retracted`), or from the stored "
                    + "score's copy when the events service is unavailable", implementation = PolicyAction.class) Object action,
            ActionScore score,
            @Schema(description = "where `action` came from", enumeration = {"events-service", "score-store"}) String source) {
    }

    @Schema(name = "ScoreSummary", description = "The headline of an action's latest score")
    record ScoreSummary(int overall, Band band, String modelVersion, Instant scoredAt) {
    }

    @Schema(name = "ActionPage", description = "A page of actions, newest first, each with its score summary when scored")
    record ActionPage(List<ListedAction> items,
            @Schema(description = "pass as pageToken for the next page; absent on the last page") String nextPageToken) {
    }

    @Schema(name = "ListedAction", description = "A stored action with its score summary (when scored)",
            allOf = {PolicyAction.class, ListedExtras.class})
    record ListedAction() {
    }

    @Schema(name = "ListedExtras")
    record ListedExtras(boolean retracted, ScoreSummary score) {
    }

    @Schema(name = "ScorePage", description = "Stored scores, newest first")
    record ScorePage(List<ScoreItem> items,
            @Schema(description = "the highest event id in this page: open the stream with lastEventId to continue live")
            String lastEventId,
            @Schema(description = "pass as `before` for the next (older) page; absent on the last page") String nextBefore) {
    }

    @Schema(name = "ScoreItem")
    record ScoreItem(@Schema(description = "the score's stream event id") String eventId, ActionScore score) {
    }
}
