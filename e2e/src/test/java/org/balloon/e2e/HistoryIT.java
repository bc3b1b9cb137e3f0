package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.balloon.e2e.CaptureThread.cites;
import static org.balloon.e2e.CaptureThread.fr11;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.balloon.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14 on the real broker and PostgreSQL, through the gateway: the shipped history plus
 * synthetic actions (200 in all) posted in three random orders end with identical stored scores;
 * a back-dated action changes exactly the later scores that come to rest on it; retracting an earlier
 * capture lowers the later fragmentation factor. Each order is retracted before the next is
 * posted, so every order meets the same record.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoryIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Title | date -> id of the order that stays live for the back-dating and retraction tests. */
    private static Map<String, String> live = Map.of();
    private static List<Map<String, Object>> record;

    @BeforeAll
    static void stack() throws IOException {
        Stack.get();
        record = twoHundred();
    }

    /** The 161 shipped actions and 39 synthetic ones in the same years, countries and organisations. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> twoHundred() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "data", "history.ndjson"))) {
            if (!line.isBlank()) {
                out.add(Api.JSON.readValue(line, LinkedHashMap.class));
            }
        }
        Random r = new Random(14);
        String[] countries = {"MX", "CO", "VE", "HN", "GT", "PE", "EC"};
        String[] types = {"LEADERSHIP_TARGETING", "MARITIME_INTERDICTION", "MILITARY_STRIKE", "SECURITY_ASSISTANCE", "EXTRADITION"};
        String[] orgs = {"Sinaloa Cartel", "CJNG", "Gulf Cartel", "Tren de Aragua", "Clan del Golfo"};
        String[] agencies = {"DOJ", "STATE", "DOD", "DHS"};
        for (int i = out.size(), n = 1; i < 200; i++, n++) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("title", "e2e history synthetic action " + n);
            a.put("type", types[r.nextInt(types.length)]);
            a.put("targetCountry", countries[r.nextInt(countries.length)]);
            a.put("occurredOn", LocalDate.of(2000, 1, 1).plusDays(r.nextInt(9000)).toString());
            a.put("leadAgency", agencies[r.nextInt(agencies.length)]);
            a.put("targetOrganizations", List.of(orgs[r.nextInt(orgs.length)]));
            a.put("partnerConsent", r.nextBoolean() ? "FULL" : "NONE");
            a.put("lethalForce", r.nextInt(4) == 0);
            out.add(a);
        }
        assertThat(out).hasSize(200);
        return out;
    }

    private static int calls;

    /**
     * A token for the next call: the gateway allows one caller 600 requests a minute, and this test
     * makes thousands, so it speaks as a new caller (same role) every 500 calls.
     */
    private static String token(String role) {
        return TestTokens.of(role, "e2e-history-" + role + "-" + (calls++ / 500));
    }

    private static Api.Answer get(String path) {
        return Api.getAs(path, token("viewer"));
    }

    private static void retract(String id) {
        assertThat(Api.post("/api/actions/" + id + "/retract", Map.of("reason", "e2e history"), token("admin")).status())
                .isBetween(200, 204);
    }

    /** Posts the record in the order of {@code seed}, in batches of 50 (the import's path); answers title -> id. */
    private static Map<String, String> post(long seed) {
        List<Map<String, Object>> order = new ArrayList<>(record);
        Collections.shuffle(order, new Random(seed));
        Map<String, String> ids = new LinkedHashMap<>();
        for (int from = 0; from < order.size(); from += 50) {
            List<Map<String, Object>> batch = order.subList(from, Math.min(order.size(), from + 50));
            Api.Answer a = Api.post("/api/actions/batch", batch, token("analyst"));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.json().path("rejected").asInt()).as(a.body()).isZero();
            for (JsonNode r : a.json().path("results")) {
                ids.put(key(batch.get(r.path("index").asInt())), r.path("id").asText());
            }
        }
        assertThat(ids).hasSize(order.size());
        return ids;
    }

    /** Every stored score of {@code ids}, once two reads a second apart agree (the stage has settled). */
    private static Map<String, JsonNode> settled(Map<String, String> ids) {
        java.util.concurrent.atomic.AtomicReference<Map<String, JsonNode>> last = new java.util.concurrent.atomic.AtomicReference<>();
        await("scores settle").atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, JsonNode> now = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : ids.entrySet()) {
                Api.Answer a = get("/api/scores/" + e.getValue());
                if (a.status() != 200) {
                    last.set(null);
                    return false;
                }
                now.put(e.getKey(), a.json());
            }
            boolean same = now.equals(last.get());
            last.set(now);
            return same;
        });
        return last.get();
    }

    /** A score without what differs between orders by construction: ids (as titles), times, digest. */
    private static String normalised(JsonNode score, Map<String, String> titleById) {
        ObjectNode s = score.deepCopy();
        s.remove(List.of("actionId", "scoredAt", "action"));
        ((ObjectNode) s.path("context")).remove("digest");
        Matcher m = ID.matcher(s.toString());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(titleById.getOrDefault(m.group(), "?")));
        }
        return m.appendTail(b).toString();
    }

    private static Map<String, String> normalised(Map<String, JsonNode> scores, Map<String, String> ids) {
        Map<String, String> titleById = new LinkedHashMap<>();
        ids.forEach((title, id) -> titleById.put(id, title));
        Map<String, String> out = new LinkedHashMap<>();
        scores.forEach((title, s) -> out.put(title, normalised(s, titleById)));
        return out;
    }

    private static void retractAll(Map<String, String> ids) {
        ids.values().forEach(HistoryIT::retract);
        for (String id : ids.values()) {
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> get("/api/scores/" + id).status() == 404);
        }
    }

    /** Titles repeat across dates in the record (e.g. annual determinations); title and date do not. */
    private static String key(Map<String, Object> action) {
        return action.get("title") + " | " + action.get("occurredOn");
    }

    private static String date(String key) {
        return key.substring(key.lastIndexOf(" | ") + 3);
    }

    @Test
    @Order(1)
    void twoHundredActionsInThreeRandomOrdersEndWithIdenticalStoredScores() {
        List<Map<String, String>> finals = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3}) {
            Map<String, String> ids = post(seed);
            Map<String, JsonNode> scores = settled(ids);
            assertThat(scores.values()).allSatisfy(s -> assertThat(s.path("context").path("historyVersion").asText()).isNotEmpty());
            finals.add(normalised(scores, ids));
            if (seed < 3) {
                retractAll(ids);
            } else {
                live = ids;
            }
        }
        assertThat(finals.get(0)).hasSize(200);
        assertThat(finals.get(1)).isEqualTo(finals.get(0));
        assertThat(finals.get(2)).isEqualTo(finals.get(0));
        assertThat(finals.get(0).values().stream().filter(s -> s.contains("\"FR-11\"")).count()).isGreaterThan(10);
    }

    @Test
    @Order(2)
    void aBackDatedCaptureChangesOnlyLaterScoresAndItsRetractionTakesItBack() {
        assertThat(live).as("needs the live order of the first test").hasSize(200);
        Map<String, JsonNode> before = settled(live);
        Map<String, Object> capture = new LinkedHashMap<>(Map.of("title", "e2e back-dated capture of a Sinaloa Cartel leader",
                "type", "LEADERSHIP_TARGETING", "targetCountry", "MX", "occurredOn", "2013-06-01", "stage", "COMPLETED",
                "targetOrganizations", List.of("Sinaloa Cartel")));
        Api.Answer posted = Api.post("/api/actions", capture, token("analyst"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        String backDated = posted.json().path("id").asText();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> get("/api/scores/" + backDated).status() == 200);
        Map<String, JsonNode> after = settled(live);

        List<String> changed = after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList();
        assertThat(changed).isNotEmpty();
        for (String t : changed) {
            assertThat(date(t)).as(t + " is later").isGreaterThanOrEqualTo("2013-06-01");
            assertThat(cites(after.get(t))).as(t + " now rests on it").contains(backDated);
        }
        // exactly those: every score that now rests on the back-dated capture changed, no other
        assertThat(after.keySet().stream().filter(t -> cites(after.get(t)).contains(backDated)).toList())
                .containsExactlyInAnyOrderElementsOf(changed);

        // retracting an earlier capture lowers the later fragmentation factor: a thread whose FR-11 is
        // below its cap rests on every removal in its window, so losing one lowers it
        String thread = live.keySet().stream().filter(t -> fr11(after.get(t)) != null && fr11(after.get(t)).path("points").asInt() < 30)
                .filter(t -> live.containsValue(fr11(after.get(t)).path("cites").path(0).asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no FR-11 below its cap"));
        String captureId = fr11(after.get(thread)).path("cites").path(0).asText();
        String retracted = live.entrySet().stream().filter(e -> e.getValue().equals(captureId)).findFirst().orElseThrow().getKey();
        retract(captureId);
        Map<String, String> rest = new LinkedHashMap<>(live);
        rest.remove(retracted);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> get("/api/scores/" + captureId).status() == 404);
        Map<String, JsonNode> afterRetraction = settled(rest);
        int lowered = fr11(afterRetraction.get(thread)) == null ? 0 : fr11(afterRetraction.get(thread)).path("points").asInt();
        assertThat(lowered).isEqualTo(fr11(after.get(thread)).path("points").asInt() - 10);
        assertThat(cites(afterRetraction.get(thread))).doesNotContain(captureId);
        rest.keySet().stream().filter(t -> date(t).compareTo(date(retracted)) < 0)
                .forEach(t -> assertThat(afterRetraction.get(t)).as(t + " is earlier").isEqualTo(after.get(t)));

        // leave the record as the other tests found it
        retract(backDated);
        retractAll(rest);
    }
}
