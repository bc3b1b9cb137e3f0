package org.balloon.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.balloon.testsupport.Authorized.asViewer;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.PolicyAction;
import org.balloon.testsupport.BalloonInfrastructure;
import org.junit.jupiter.api.Test;

/** CSV out of the score store, on the real broker and PostgreSQL: what a spreadsheet gets. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class CsvExportIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BOM = "\uFEFF";

    @Test
    void scoresAsCsvHaveAHeaderAndOneColumnPerCriterion() throws Exception {
        String country = "UY"; // a country of its own: other tests' scores stay out
        PolicyAction plain = action(country, "Coast guard patrol", List.of("Cartel A"));
        PolicyAction awkward = action(country, "Raid, \"Operation Sol\"\non two lines", List.of("Cartel A", "Los B"));
        PolicyAction formula = action(country, "=HYPERLINK(\"http://evil\")", List.of());
        ScorePublisher.publish(ScorePublisher.score(plain, ScorePublisher.MODEL, 40, 10, 20, 30, 40, 50, 60, 70, 80));
        ScorePublisher.publish(ScorePublisher.score(awkward, ScorePublisher.MODEL, 61, 5, 15));
        ScorePublisher.publish(ScorePublisher.score(formula, ScorePublisher.MODEL, 12, 1));
        await().atMost(WAIT).untilAsserted(() -> asViewer().get("/api/scores?country=" + country)
                .then().statusCode(200).body("items.size()", equalTo(3)));

        // by query parameter, and by Accept header: the same document
        Response byParam = asViewer().get("/api/scores?format=csv&country=" + country);
        Response byAccept = asViewer().accept("text/csv").get("/api/scores?country=" + country);
        for (Response r : List.of(byParam, byAccept)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("text/csv").contains("charset=utf-8");
            assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"balloon-scores.csv\"");
        }
        assertThat(byAccept.asString()).isEqualTo(byParam.asString());

        String body = byParam.asString();
        assertThat(body).startsWith(BOM).endsWith("\r\n");
        List<List<String>> rows = parse(body.substring(1));
        List<String> header = rows.get(0);
        assertThat(header).startsWith("eventId", "actionId", "modelVersion", "scoredAt", "overall", "band", "title");
        assertThat(header.subList(header.size() - Criterion.values().length, header.size()))
                .containsExactly(java.util.Arrays.stream(Criterion.values()).map(Enum::name).toArray(String[]::new));
        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSameSizeAs(header));

        Map<String, Map<String, String>> byAction = rows.subList(1, rows.size()).stream()
                .map(row -> zip(header, row)).collect(Collectors.toMap(m -> m.get("actionId"), Function.identity()));
        Map<String, String> p = byAction.get(plain.id().toString());
        assertThat(p).containsEntry("overall", "40").containsEntry("band", "MODERATE").containsEntry("title", "Coast guard patrol")
                .containsEntry("targetCountry", country).containsEntry("modelVersion", ScorePublisher.MODEL)
                .containsEntry("DEMAND_UNTOUCHED", "10").containsEntry("POLICY_INCOHERENCE", "80")
                .containsEntry("targetOrganizations", "Cartel A");
        // commas, quotes and line breaks survive quoting; criteria a score lacks are empty cells
        Map<String, String> a = byAction.get(awkward.id().toString());
        assertThat(a).containsEntry("title", "Raid, \"Operation Sol\"\non two lines").containsEntry("FRAGMENTATION_RISK", "15")
                .containsEntry("SOVEREIGNTY_FRICTION", "").containsEntry("targetOrganizations", "Cartel A;Los B");
        // a title a spreadsheet would run as a formula is defused
        assertThat(byAction.get(formula.id().toString())).containsEntry("title", "'=HYPERLINK(\"http://evil\")");

        // newest first, like the JSON list; limit caps the export
        List<String> jsonOrder = asViewer().get("/api/scores?country=" + country).jsonPath().getList("items.score.actionId");
        assertThat(rows.subList(1, 4).stream().map(r -> r.get(1)).toList()).isEqualTo(jsonOrder);
        assertThat(parse(asViewer().get("/api/scores?format=csv&limit=1&country=" + country).asString().substring(1))).hasSize(2);
    }

    @Test
    void aggregatesAsCsvHaveOneRowPerGroup() throws Exception {
        String country = "AR";
        ScorePublisher.publish(ScorePublisher.score(action(country, "a", List.of()), ScorePublisher.MODEL, 80, 60, 40));
        ScorePublisher.publish(ScorePublisher.score(action(country, "b", List.of()), ScorePublisher.MODEL, 61, 30, 10));
        await().atMost(WAIT).untilAsserted(() -> asViewer().get("/api/aggregates?groupBy=country&country=" + country)
                .then().statusCode(200).body("groups[0].count", equalTo(2)));

        Response r = asViewer().accept("text/csv").get("/api/aggregates?groupBy=type&country=" + country);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.header("Content-Disposition")).contains("balloon-aggregates-by-type.csv");
        List<List<String>> rows = parse(r.asString().substring(1));
        assertThat(rows.get(0)).startsWith("type", "modelVersion", "count", "meanOverall", "DEMAND_UNTOUCHED")
                .hasSize(4 + Criterion.values().length);
        Map<String, String> row = zip(rows.get(0), rows.get(1));
        // (80 + 61) / 2 = 70.5; criteria (60 + 30) / 2 = 45, (40 + 10) / 2 = 25
        assertThat(row).containsEntry("type", "MILITARY_STRIKE").containsEntry("count", "2").containsEntry("meanOverall", "70.5")
                .containsEntry("DEMAND_UNTOUCHED", "45.0").containsEntry("FRAGMENTATION_RISK", "25.0")
                .containsEntry("modelVersion", ScorePublisher.MODEL);
        assertThat(rows).hasSize(2);
    }

    @Test
    void jsonStaysTheDefaultAndABadFormatIsRefused() {
        asViewer().get("/api/scores?limit=1").then().statusCode(200).contentType("application/json");
        asViewer().get("/api/aggregates?groupBy=country").then().statusCode(200).contentType("application/json");
        asViewer().get("/api/scores?format=xlsx").then().statusCode(400).contentType("application/problem+json");
        asViewer().accept("text/csv").get("/api/aggregates?groupBy=nonsense").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static PolicyAction action(String country, String title, List<String> organizations) throws Exception {
        PolicyAction base = ScorePublisher.action(UUID.randomUUID(), country, ActionType.MILITARY_STRIKE,
                LocalDate.of(2024, 3, 1), organizations, Agency.DOD, null);
        ObjectNode json = ScorePublisher.JSON.valueToTree(base);
        json.put("title", title);
        return ScorePublisher.JSON.treeToValue(json, PolicyAction.class);
    }

    private static Map<String, String> zip(List<String> header, List<String> row) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), row.get(i));
        }
        return m;
    }

    /** A strict RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(quoted).as("unterminated quote").isFalse();
        assertThat(cell).as("a row without CRLF").isEmpty();
        return rows;
    }
}
