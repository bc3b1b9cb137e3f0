package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread of the record of a test's own (issue 14): captures of one organisation's leaders in one
 * country, a quarter apart from {@code first}. Give it a country no other test and no region of the
 * model uses, and years no other test posts in (DU-10 reads the whole record): then the history of
 * the n-th capture by date rests on exactly the {@link #NEAREST} captures before it (fewer for the
 * first ones), which makes a capture that is doubled or lost visible: FR-11 cites exactly those, and
 * {@code context.earlierActions} counts them.
 */
final class CaptureThread {

    /** The removals FR-11 rests on: as many as reach its cap (30 points at 10 each, history h2). */
    static final int NEAREST = 3;

    private final String country;
    private final String organization;
    private final LocalDate first;
    /** Action id -> its place in the thread by date (0 = earliest). */
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    CaptureThread(String country, String organization, LocalDate first) {
        this.country = country;
        this.organization = organization;
        this.first = first;
    }

    /** Posts the capture at place {@code n} (dated {@code n} quarters after the first) and answers its id. */
    String post(int n) {
        String id = Api.submit(new LinkedHashMap<>(Map.of("title", "e2e capture " + n + " of a " + organization + " leader",
                "type", "LEADERSHIP_TARGETING", "targetCountry", country, "occurredOn", first.plusDays(91L * n).toString(),
                "stage", "COMPLETED", "leadAgency", "DOJ", "partnerConsent", "FULL", "lethalForce", false,
                "targetOrganizations", List.of(organization))));
        ids.put(id, n);
        return id;
    }

    /** The posted captures: id -> place by date. */
    Map<String, Integer> ids() {
        return Map.copyOf(ids);
    }

    /** How many earlier actions the capture at place {@code n} rests on. */
    static int expected(int n) {
        return Math.min(n, NEAREST);
    }

    /**
     * The stored score of every capture posted, once each rests on exactly the captures it should (waits up
     * to {@code timeout}); asserts each action is stored once and FR-11 cites the nearest earlier captures,
     * newest first.
     */
    Map<String, JsonNode> awaitCounted(Duration timeout) {
        AtomicReference<Map<String, JsonNode>> stored = new AtomicReference<>(Map.of());
        await("every capture of " + country + " stored with its exact history").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    stored.set(stored());
                    return stored.get().keySet().containsAll(ids.keySet()) && ids.entrySet().stream()
                            .allMatch(e -> earlierActions(stored.get().get(e.getKey())) == expected(e.getValue())
                                    && fr11Cites(stored.get().get(e.getKey())).equals(nearestBefore(e.getValue())));
                });
        ids.forEach((id, n) -> assertThat(fr11Cites(stored.get().get(id))).as("FR-11 of capture " + n).isEqualTo(nearestBefore(n)));
        return stored.get();
    }

    /** The ids of the posted captures just before place {@code n}, newest first, at most {@link #NEAREST}. */
    private List<String> nearestBefore(int n) {
        Map<Integer, String> byPlace = new java.util.HashMap<>();
        ids.forEach((id, place) -> byPlace.put(place, id));
        List<String> out = new java.util.ArrayList<>();
        for (int p = n - 1; p >= 0 && out.size() < NEAREST; p--) {
            if (byPlace.containsKey(p)) {
                out.add(byPlace.get(p));
            }
        }
        return out;
    }

    /** The country's stored scores (the gateway's newest page), by action id; a duplicate fails. */
    private Map<String, JsonNode> stored() {
        Api.Answer a = Api.get("/api/scores?country=" + country + "&limit=500");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode item : a.json().path("items")) {
            JsonNode score = item.path("score");
            assertThat(out.put(score.path("actionId").asText(), score)).as("stored once: " + score.path("actionId")).isNull();
        }
        return out;
    }

    static int earlierActions(JsonNode score) {
        return score.path("context").path("earlierActions").asInt(-1);
    }

    /** FR-11 of a stored score, or null when it did not fire. */
    static JsonNode fr11(JsonNode score) {
        for (JsonNode c : score.path("criteria")) {
            for (JsonNode f : c.path("factors")) {
                if (f.path("rule").asText().equals("FR-11")) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The ids FR-11 cites (its earlier removals, newest first); empty when it did not fire. */
    static List<String> fr11Cites(JsonNode score) {
        List<String> out = new java.util.ArrayList<>();
        JsonNode fr11 = fr11(score);
        if (fr11 != null) {
            fr11.path("cites").forEach(id -> out.add(id.asText()));
        }
        return out;
    }

    /** The ids of every earlier action the score's history factors rest on. */
    static java.util.Set<String> cites(JsonNode score) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (JsonNode c : score.path("criteria")) {
            for (JsonNode f : c.path("factors")) {
                f.path("cites").forEach(id -> out.add(id.asText()));
            }
        }
        return out;
    }
}
