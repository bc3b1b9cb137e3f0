package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.balloon.testsupport.TestTokens;

/**
 * The shipped history ({@code data/history.ndjson}, 161 real actions) as an e2e test brings it into
 * the stack and takes it out again: through the public API, as the importer does, speaking as a new
 * caller every 500 calls (the gateway allows one caller 600 a minute).
 */
final class ShippedHistory {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static int calls;

    private ShippedHistory() {
    }

    static String token(String role) {
        return TestTokens.of(role, "e2e-shipped-" + role + "-" + (calls++ / 500));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> actions() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("balloon.root", ".."), "data", "history.ndjson"))) {
            if (!line.isBlank()) {
                out.add(Api.JSON.readValue(line, LinkedHashMap.class));
            }
        }
        return out;
    }

    /** Posts {@code actions} through {@code POST /api/actions/batch}, 50 at a time; answers id -> action. */
    static Map<String, Map<String, Object>> post(List<Map<String, Object>> actions) {
        Map<String, Map<String, Object>> ids = new LinkedHashMap<>();
        for (int from = 0; from < actions.size(); from += 50) {
            List<Map<String, Object>> batch = actions.subList(from, Math.min(actions.size(), from + 50));
            Api.Answer a = Api.post("/api/actions/batch", batch, token("analyst"));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.json().path("rejected").asInt()).as(a.body()).isZero();
            for (JsonNode r : a.json().path("results")) {
                ids.put(r.path("id").asText(), batch.get(r.path("index").asInt()));
            }
        }
        assertThat(ids).hasSize(actions.size());
        return ids;
    }

    /**
     * Waits until every one of {@code ids} has a stored score and the store has settled: two reads of
     * the newest scores a second apart agree (the history stage re-scores later actions as earlier ones
     * arrive).
     */
    static void awaitScored(Collection<String> ids) {
        AtomicReference<String> last = new AtomicReference<>();
        await("scores of the shipped history stored and settled").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Api.Answer a = Api.getAs("/api/scores?limit=500", token("viewer"));
            if (a.status() != 200 || !storedIds(a).containsAll(ids)) {
                last.set(null);
                return false;
            }
            boolean same = a.body().equals(last.get());
            last.set(a.body());
            return same;
        });
    }

    /** Retracts {@code ids} (as an admin) and waits until the store holds none of their scores. */
    static void retract(Collection<String> ids) {
        for (String id : ids) {
            Api.Answer a = Api.post("/api/actions/" + id + "/retract", Map.of("reason", "e2e: shipped history taken out"), token("admin"));
            assertThat(a.status()).as(a.body()).isBetween(200, 204);
        }
        await("scores of the shipped history gone").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Api.Answer a = Api.getAs("/api/scores?limit=500", token("viewer"));
            Set<String> left = storedIds(a);
            return a.status() == 200 && ids.stream().noneMatch(left::contains);
        });
    }

    private static Set<String> storedIds(Api.Answer a) {
        Set<String> stored = new HashSet<>();
        a.json().path("items").forEach(i -> stored.add(i.path("score").path("actionId").asText()));
        return stored;
    }
}
