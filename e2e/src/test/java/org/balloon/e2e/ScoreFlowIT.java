package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.balloon.testsupport.SseClient;
import org.balloon.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1 and 2 of the gateway issue, through the gateway's public API with the three
 * services, the real broker and PostgreSQL: scores on the stream and in the store, resume with
 * Last-Event-ID, retraction, and aggregates equal to hand-computed values.
 */
@Order(1)
class ScoreFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Set<String> CRITERIA = Set.of("DEMAND_UNTOUCHED", "FRAGMENTATION_RISK", "SOVEREIGNTY_FRICTION",
            "DISPLACEMENT", "BACKLASH", "PARTNER_CAPACITY", "LEGAL_EXPOSURE", "POLICY_INCOHERENCE");

    @BeforeAll
    static void stack() {
        Stack.get();
    }

    private static String stream(String query) {
        return Stack.get().gatewayUrl() + "/api/stream/scores" + query;
    }

    private static JsonNode awaitScore(String id) {
        await("score of " + id).atMost(WAIT).until(() -> Api.get("/api/scores/" + id).status() == 200);
        return Api.get("/api/scores/" + id).json();
    }

    @Test
    void aPostedActionsScoreArrivesOnAnOpenStreamAndFromTheStore() throws Exception {
        try (SseClient stream = new SseClient(stream("?country=PA"), null, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> stream.status() == 200 && !stream.comments().isEmpty());
            String id = Api.submit(Api.action("PA", "MILITARY_STRIKE", "e2e stream"));

            await("score on the stream").atMost(WAIT).until(() -> !stream.scoresMentioning(id).isEmpty());
            SseClient.Event event = stream.scoresMentioning(id).get(0);
            assertThat(event.id()).matches("\\d+");
            JsonNode streamed = Api.JSON.readTree(event.data());
            assertThat(streamed.path("actionId").asText()).isEqualTo(id);

            JsonNode stored = awaitScore(id);
            assertThat(stored.path("overall").asInt()).isEqualTo(streamed.path("overall").asInt());
            List<String> criteria = new ArrayList<>();
            stored.path("criteria").forEach(c -> criteria.add(c.path("criterion").asText()));
            assertThat(criteria).containsExactlyInAnyOrderElementsOf(CRITERIA);

            JsonNode view = Api.get("/api/actions/" + id).json();
            assertThat(view.path("action").path("id").asText()).isEqualTo(id);
            assertThat(view.path("score").path("overall").asInt()).isEqualTo(stored.path("overall").asInt());
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdReceivesExactlyTheScoresItMissed() throws Exception {
        String country = "BO";
        List<String> seen = new ArrayList<>();
        String lastId;
        try (SseClient first = new SseClient(stream("?country=" + country), null, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> first.status() == 200 && !first.comments().isEmpty());
            for (int i = 0; i < 2; i++) {
                seen.add(Api.submit(Api.action(country, "CROP_ERADICATION", "e2e seen")));
            }
            await().atMost(WAIT).until(() -> seen.stream().allMatch(id -> !first.scoresMentioning(id).isEmpty()));
            lastId = first.scores().get(first.scores().size() - 1).id();
        }
        // disconnected: these are missed
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(Api.submit(Api.action(country, "BORDER_INTERDICTION", "e2e missed")));
        }
        missed.forEach(ScoreFlowIT::awaitScore);

        try (SseClient resumed = new SseClient(stream("?country=" + country), lastId, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> resumed.scores().size() >= missed.size());
            String live = Api.submit(Api.action(country, "EXTRADITION", "e2e live"));
            await().atMost(WAIT).until(() -> !resumed.scoresMentioning(live).isEmpty());

            List<String> got = resumed.scores().stream().map(e -> e.data()).toList();
            assertThat(got).hasSize(missed.size() + 1);
            // the missed ones first, in store order: actions on different partitions may be
            // scored in any order, so only the set is fixed
            for (String id : missed) {
                assertThat(got.subList(0, missed.size())).filteredOn(d -> d.contains(id)).hasSize(1);
            }
            assertThat(got.get(missed.size())).contains(live);
            assertThat(got).noneMatch(d -> seen.stream().anyMatch(d::contains));
        }
    }

    @Test
    void aRetractionRemovesTheActionFromAggregates() {
        String country = "GY";
        String kept = Api.submit(Api.action(country, "INTELLIGENCE_SHARING", "e2e kept"));
        String retracted = Api.submit(Api.action(country, "INTELLIGENCE_SHARING", "e2e retracted"));
        awaitScore(kept);
        awaitScore(retracted);
        await().atMost(WAIT).until(() -> countFor(country) == 2);

        Api.Answer r = Api.post("/api/actions/" + retracted + "/retract", Map.of("reason", "e2e"));
        assertThat(r.status()).isBetween(200, 204);

        await("retraction reaches the aggregates").atMost(WAIT).until(() -> countFor(country) == 1);
        await().atMost(WAIT).until(() -> Api.get("/api/scores/" + retracted).status() == 404);
        assertThat(Api.get("/api/scores/" + kept).status()).isEqualTo(200);
    }

    @Test
    void aggregatesOverKnownActionsEqualTheValuesComputedByHand() {
        String country = "SR";
        List<String> types = List.of("MILITARY_STRIKE", "MILITARY_STRIKE", "DEMAND_REDUCTION", "LEADERSHIP_TARGETING",
                "DEMAND_REDUCTION");
        List<String> ids = types.stream().map(t -> Api.submit(Api.action(country, t, "e2e aggregate"))).toList();
        Map<String, JsonNode> scores = ids.stream().collect(Collectors.toMap(id -> id, ScoreFlowIT::awaitScore));
        await().atMost(WAIT).until(() -> countFor(country) == ids.size());

        JsonNode byCountry = Api.get("/api/aggregates?groupBy=country&country=" + country).json();
        JsonNode group = byCountry.path("groups").get(0);
        assertThat(group.path("key").asText()).isEqualTo(country);
        assertThat(group.path("count").asInt()).isEqualTo(ids.size());
        assertThat(group.path("meanOverall").asDouble()).isCloseTo(mean(scores.values(), null), within(0.006));
        for (String criterion : CRITERIA) {
            assertThat(group.path("meanByCriterion").path(criterion).asDouble()).as(criterion)
                    .isCloseTo(mean(scores.values(), criterion), within(0.006));
        }

        JsonNode byType = Api.get("/api/aggregates?groupBy=type&country=" + country).json();
        Map<String, List<JsonNode>> handGroups = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            handGroups.computeIfAbsent(types.get(i), t -> new ArrayList<>()).add(scores.get(ids.get(i)));
        }
        assertThat(byType.path("groups")).hasSize(handGroups.size());
        for (JsonNode g : byType.path("groups")) {
            List<JsonNode> members = handGroups.get(g.path("key").asText());
            assertThat(members).as(g.path("key").asText()).isNotNull();
            assertThat(g.path("count").asInt()).isEqualTo(members.size());
            assertThat(g.path("meanOverall").asDouble()).isCloseTo(mean(members, null), within(0.006));
        }
    }

    /** Mean overall (criterion null) or mean of one criterion, rounded like the API (two decimals). */
    private static double mean(java.util.Collection<JsonNode> scores, String criterion) {
        double sum = 0;
        for (JsonNode s : scores) {
            if (criterion == null) {
                sum += s.path("overall").asInt();
            } else {
                for (JsonNode c : s.path("criteria")) {
                    if (criterion.equals(c.path("criterion").asText())) {
                        sum += c.path("score").asInt();
                    }
                }
            }
        }
        return Math.round(sum / scores.size() * 100.0) / 100.0;
    }

    static int countFor(String country) {
        Api.Answer a = Api.get("/api/aggregates?groupBy=country&country=" + country);
        if (a.status() != 200) {
            return -1;
        }
        JsonNode groups = a.json().path("groups");
        return groups.isEmpty() ? 0 : groups.get(0).path("count").asInt();
    }
}
