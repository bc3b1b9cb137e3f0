package org.balloon.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.balloon.testsupport.Authorized.asViewer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.PolicyAction;
import org.balloon.testsupport.BalloonInfrastructure;
import org.junit.jupiter.api.Test;

/** The score store against the real broker and PostgreSQL: upserts, tombstones, queries and aggregates. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class ScoreStoreIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void storesAScoreWithItsFullBreakdown() {
        PolicyAction action = ScorePublisher.action(UUID.randomUUID(), "GT");
        ScorePublisher.publish(ScorePublisher.score(action, ScorePublisher.MODEL, 57, 10, 20, 30));

        JsonPath score = awaitScore(action.id());
        assertThat(score.getInt("overall")).isEqualTo(57);
        assertThat(score.getString("modelVersion")).isEqualTo(ScorePublisher.MODEL);
        assertThat(score.getList("criteria.criterion")).containsExactly("DEMAND_UNTOUCHED", "FRAGMENTATION_RISK",
                "SOVEREIGNTY_FRICTION");
        assertThat(score.getString("criteria[2].factors[0].evidence")).isEqualTo("test evidence");
        assertThat(score.getString("action.targetCountry")).isEqualTo("GT");
    }

    @Test
    void aggregatesEqualTheValuesComputedByHand() {
        // a country of its own so other tests' scores stay out of these groups
        String country = "BZ";
        LocalDate may = LocalDate.of(2023, 5, 3);
        LocalDate june = LocalDate.of(2023, 6, 20);
        publish(country, ActionType.MILITARY_STRIKE, may, List.of("Cartel A", "Cartel B"), Agency.DOD, List.of(Agency.DEA), 80, 60, 40);
        publish(country, ActionType.MILITARY_STRIKE, june, List.of("Cartel A"), Agency.DEA, null, 61, 30, 10);
        publish(country, ActionType.DEMAND_REDUCTION, june, List.of(), Agency.HHS, null, 20, 0, 5);

        await().atMost(WAIT).untilAsserted(() -> asViewer().get("/api/aggregates?groupBy=country&country=" + country)
                .then().statusCode(200).body("groups[0].count", equalTo(3)));

        JsonPath byCountry = aggregates("country", country);
        assertThat(byCountry.getString("groupBy")).isEqualTo("country");
        assertThat(byCountry.getString("modelVersion")).isEqualTo(ScorePublisher.MODEL);
        assertThat(byCountry.getList("groups")).hasSize(1);
        assertThat(byCountry.getString("groups[0].key")).isEqualTo(country);
        // (80 + 61 + 20) / 3 = 53.666… → 53.67; criteria: (60+30+0)/3 = 30, (40+10+5)/3 = 18.33
        assertThat(byCountry.getDouble("groups[0].meanOverall")).isEqualTo(53.67);
        assertThat(byCountry.getDouble("groups[0].meanByCriterion.DEMAND_UNTOUCHED")).isEqualTo(30.0);
        assertThat(byCountry.getDouble("groups[0].meanByCriterion.FRAGMENTATION_RISK")).isEqualTo(18.33);

        Map<String, Map<String, Object>> byType = groups(aggregates("type", country));
        assertThat(byType).containsOnlyKeys("MILITARY_STRIKE", "DEMAND_REDUCTION");
        assertThat(byType.get("MILITARY_STRIKE")).containsEntry("count", 2).containsEntry("meanOverall", 70.5f);
        assertThat(byType.get("DEMAND_REDUCTION")).containsEntry("count", 1).containsEntry("meanOverall", 20.0f);

        // an action counts in every organisation it names; one naming none is in no organisation group
        Map<String, Map<String, Object>> byOrg = groups(aggregates("organization", country));
        assertThat(byOrg).containsOnlyKeys("Cartel A", "Cartel B");
        assertThat(byOrg.get("Cartel A")).containsEntry("count", 2).containsEntry("meanOverall", 70.5f);
        assertThat(byOrg.get("Cartel B")).containsEntry("count", 1).containsEntry("meanOverall", 80.0f);

        // lead and participating agencies together
        Map<String, Map<String, Object>> byAgency = groups(aggregates("agency", country));
        assertThat(byAgency).containsOnlyKeys("DOD", "DEA", "HHS");
        assertThat(byAgency.get("DEA")).containsEntry("count", 2).containsEntry("meanOverall", 70.5f);

        Map<String, Map<String, Object>> byMonth = groups(aggregates("month", country));
        assertThat(byMonth).containsOnlyKeys("2023-05", "2023-06");
        assertThat(byMonth.get("2023-06")).containsEntry("count", 2).containsEntry("meanOverall", 40.5f);

        // filters narrow before grouping
        JsonPath strikesInJune = JsonPath.from(asViewer().get("/api/aggregates?groupBy=country&country=" + country
                + "&type=MILITARY_STRIKE&from=2023-06-01&to=2023-06-30").asString());
        assertThat(strikesInJune.getInt("groups[0].count")).isEqualTo(1);
        assertThat(strikesInJune.getDouble("groups[0].meanOverall")).isEqualTo(61.0);
    }

    @Test
    void redeliveryDoesNotDoubleCount() {
        String country = "SV";
        double unchangedBefore = unchangedRecords();
        PolicyAction action = ScorePublisher.action(UUID.randomUUID(), country);
        ActionScore score = ScorePublisher.score(action, ScorePublisher.MODEL, 44, 12);
        ScorePublisher.publish(score);
        ScorePublisher.publish(score);
        ScorePublisher.publish(score);
        PolicyAction other = ScorePublisher.action(UUID.randomUUID(), country);
        ScorePublisher.publish(ScorePublisher.score(other, ScorePublisher.MODEL, 10, 2));

        // the two redeliveries were consumed (and changed nothing)
        await().atMost(WAIT).until(() -> unchangedRecords() >= unchangedBefore + 2);
        awaitScore(other.id());
        JsonPath agg = aggregates("country", country);
        assertThat(agg.getInt("groups[0].count")).isEqualTo(2);
        assertThat(agg.getDouble("groups[0].meanOverall")).isEqualTo(27.0);
    }

    @Test
    void anOlderRecordNeverOverwritesANewerScore() {
        PolicyAction action = ScorePublisher.action(UUID.randomUUID(), "GT");
        ActionScore newer = ScorePublisher.score(action, ScorePublisher.MODEL, 60, 6);
        ActionScore older = new ActionScore(newer.actionId(), 1, newer.modelVersion(), newer.scoredAt().minusSeconds(60),
                20, newer.band(), newer.criteria(), action);
        ScorePublisher.publish(newer);
        awaitScore(action.id());
        double unchangedBefore = unchangedRecords();
        ScorePublisher.publish(older);

        await().atMost(WAIT).until(() -> unchangedRecords() >= unchangedBefore + 1);
        assertThat(awaitScore(action.id()).getInt("overall")).isEqualTo(60);
    }

    @Test
    void aTombstoneRemovesTheActionFromAggregatesAndQueries() {
        String country = "NI";
        PolicyAction kept = ScorePublisher.action(UUID.randomUUID(), country);
        PolicyAction retracted = ScorePublisher.action(UUID.randomUUID(), country);
        ScorePublisher.publish(ScorePublisher.score(kept, ScorePublisher.MODEL, 30, 5));
        ScorePublisher.publish(ScorePublisher.score(retracted, ScorePublisher.MODEL, 90, 50));
        await().atMost(WAIT).untilAsserted(() -> assertThat(aggregates("country", country).getInt("groups[0].count")).isEqualTo(2));

        ScorePublisher.tombstone(retracted.id());

        await().atMost(WAIT).untilAsserted(() -> assertThat(aggregates("country", country).getInt("groups[0].count")).isEqualTo(1));
        assertThat(aggregates("country", country).getDouble("groups[0].meanOverall")).isEqualTo(30.0);
        asViewer().get("/api/scores/" + retracted.id()).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        assertThat(asViewer().get("/api/scores?country=" + country).jsonPath().getList("items.score.actionId"))
                .containsExactly(kept.id().toString());
    }

    @Test
    void modelVersionSelectsAnotherModelsScores() {
        String country = "CR";
        PolicyAction action = ScorePublisher.action(UUID.randomUUID(), country);
        ScorePublisher.publish(ScorePublisher.score(action, "2025.9", 70, 1));
        ScorePublisher.publish(ScorePublisher.score(action, ScorePublisher.MODEL, 40, 1));
        await().atMost(WAIT).untilAsserted(() -> asViewer().get("/api/scores/" + action.id()).then().statusCode(200)
                .body("modelVersion", equalTo(ScorePublisher.MODEL)));

        asViewer().get("/api/scores/" + action.id() + "?modelVersion=2025.9").then().statusCode(200).body("overall", equalTo(70));
        asViewer().get("/api/aggregates?groupBy=country&country=" + country + "&modelVersion=2025.9").then().statusCode(200)
                .body("modelVersion", equalTo("2025.9")).body("groups[0].meanOverall", equalTo(70.0f));
        asViewer().get("/api/aggregates?groupBy=country&country=" + country).then().statusCode(200)
                .body("groups[0].meanOverall", equalTo(40.0f)).body("groups[0].count", equalTo(1));
    }

    @Test
    void anUnreadableRecordIsSkippedAndTheConsumerCarriesOn() {
        ScorePublisher.publishRaw(UUID.randomUUID().toString(), "{\"actionId\": 42, not json");
        PolicyAction after = ScorePublisher.action(UUID.randomUUID(), "GT");
        ScorePublisher.publish(ScorePublisher.score(after, ScorePublisher.MODEL, 5, 1));
        awaitScore(after.id());
    }

    @Test
    void badGroupByIsA400ProblemNamingTheParameter() {
        asViewer().get("/api/aggregates?groupBy=nonsense").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("groupBy"))
                .body("instance", equalTo("/api/aggregates"));
        asViewer().get("/api/aggregates").then().statusCode(400).body("errors.field", hasItem("groupBy"));
        asViewer().get("/api/aggregates?groupBy=country&from=yesterday").then().statusCode(400).body("errors.field", hasItem("from"));
        asViewer().get("/api/scores/not-a-uuid").then().statusCode(400).body("errors.field", hasItem("actionId"));
    }

    private static void publish(String country, ActionType type, LocalDate occurred, List<String> orgs, Agency lead,
            List<Agency> agencies, int overall, int... criteria) {
        PolicyAction a = ScorePublisher.action(UUID.randomUUID(), country, type, occurred, orgs, lead, agencies);
        ScorePublisher.publish(ScorePublisher.score(a, ScorePublisher.MODEL, overall, criteria));
    }

    private static JsonPath aggregates(String groupBy, String country) {
        return JsonPath.from(asViewer().get("/api/aggregates?groupBy=" + groupBy + "&country=" + country)
                .then().statusCode(200).extract().asString());
    }

    private static Map<String, Map<String, Object>> groups(JsonPath agg) {
        List<Map<String, Object>> groups = agg.getList("groups");
        return groups.stream().collect(java.util.stream.Collectors.toMap(g -> (String) g.get("key"), g -> g));
    }

    /** Records the consumer stored without changing anything (redeliveries, older records), from /q/metrics. */
    static double unchangedRecords() {
        return given().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith("balloon_gateway_scores_consumed_total{") && l.contains("changed=\"false\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static JsonPath awaitScore(UUID actionId) {
        await().atMost(WAIT).untilAsserted(() -> asViewer().get("/api/scores/" + actionId).then().statusCode(200));
        return asViewer().get("/api/scores/" + actionId).jsonPath();
    }
}
