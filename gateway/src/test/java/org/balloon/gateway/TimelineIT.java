package org.balloon.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.balloon.testsupport.Authorized.asViewer;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.Factor;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.ScoreContext;
import org.balloon.testsupport.BalloonInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/timeline} on the real broker and PostgreSQL: scores published to the topic the
 * way the scoring service publishes them, read back in occurredOn order with their history factors
 * and the earlier actions they cite resolved; retracted actions neither listed nor resolved.
 */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class TimelineIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OLD_MODEL = "2025.9";

    @Test
    void answersTheActionsInOrderWithTheirHistoryFactorsAndTheActionsTheyCite() {
        // a country and an organisation of this test's own, so other tests' scores stay out
        String country = "MN"; // no other test uses Mongolia (CsvExportIT has UY)
        String org = "Timeline Org " + UUID.randomUUID();
        PolicyAction onlyOld = action("e old model only", country, "2018-01-01", List.of());
        PolicyAction capture = action("a capture", country, "2019-03-01", List.of(org));
        PolicyAction retracted = action("r retracted", country, "2020-01-01", List.of(org));
        PolicyAction strike = action("b strike", country, "2020-06-01", List.of(org));
        PolicyAction later = action("c later", country, "2021-01-01", List.of(org));
        PolicyAction sameDay = action("a same day", country, "2021-01-01", List.of());
        // same day and title: the action id decides (as PostgreSQL orders uuids: their text)
        List<PolicyAction> twins = Stream.of(UUID.randomUUID(), UUID.randomUUID())
                .sorted((x, y) -> x.toString().compareTo(y.toString()))
                .map(id -> ScorePublisher.action(id, "d twin", country, ActionType.EXTRADITION, LocalDate.parse("2021-05-05"),
                        List.of(), Agency.DOJ, null))
                .toList();
        PolicyAction abroad = action("f abroad", "PY", "2022-02-02", List.of(org));
        UUID neverStored = UUID.randomUUID();

        // the old model first: the active model is the one of the latest stored score
        ScorePublisher.publish(scored(onlyOld, OLD_MODEL, 12));
        ScorePublisher.publish(scored(capture, OLD_MODEL, 11));
        ScorePublisher.publish(scored(capture, ScorePublisher.MODEL, 20));
        ScorePublisher.publish(scored(retracted, ScorePublisher.MODEL, 30));
        ScorePublisher.publish(scored(strike, ScorePublisher.MODEL, 45,
                new Factor("FR-11", 10, "1 earlier removal: 2019-03-01 a capture", List.of(capture.id()))));
        ScorePublisher.publish(withSovereigntyFactor(scored(later, ScorePublisher.MODEL, 60,
                new Factor("FR-11", 20, "2 earlier removals", List.of(strike.id(), capture.id())),
                new Factor("FR-01", 5, "a rule of the action alone")),
                new Factor("SF-13", 15, "3 earlier actions against MN", List.of(strike.id(), retracted.id(), neverStored))));
        ScorePublisher.publish(scored(sameDay, ScorePublisher.MODEL, 8));
        twins.forEach(t -> ScorePublisher.publish(scored(t, ScorePublisher.MODEL, 9)));
        ScorePublisher.publish(scored(abroad, ScorePublisher.MODEL, 70,
                new Factor("FR-11", 20, "earlier removals", List.of(later.id(), capture.id()))));
        ScorePublisher.tombstone(retracted.id());

        List<String> expected = Stream.of(onlyOld, capture, strike, sameDay, later, twins.get(0), twins.get(1))
                .map(a -> a.id().toString()).toList();
        await().atMost(WAIT).untilAsserted(() -> assertThat(timeline("country=" + country).getList("items.actionId"))
                .containsExactlyElementsOf(expected));

        JsonPath t = timeline("country=" + country);
        assertThat(t.getString("country")).isEqualTo(country);
        assertThat(t.getBoolean("truncated")).isFalse();
        assertThat(t.getList("items.occurredOn")).containsExactly("2018-01-01", "2019-03-01", "2020-06-01", "2021-01-01",
                "2021-01-01", "2021-05-05", "2021-05-05");
        // no model asked for: the active model's score, or else the latest (the first action has only an old one)
        assertThat(t.getList("items.modelVersion")).containsExactly(OLD_MODEL, ScorePublisher.MODEL, ScorePublisher.MODEL,
                ScorePublisher.MODEL, ScorePublisher.MODEL, ScorePublisher.MODEL, ScorePublisher.MODEL);
        assertThat(t.getInt("items[1].overall")).isEqualTo(20);

        // the item of "c later": every field, and only the factors that cite earlier actions
        String item = "items[4].";
        assertThat(t.getString(item + "title")).isEqualTo("c later");
        assertThat(t.getString(item + "type")).isEqualTo("LEADERSHIP_TARGETING");
        assertThat(t.getString(item + "targetCountry")).isEqualTo(country);
        assertThat(t.getList(item + "organizations")).containsExactly(org);
        assertThat(t.getInt(item + "overall")).isEqualTo(60);
        assertThat(t.getString(item + "band")).isEqualTo("HIGH");
        assertThat(t.getString(item + "eventId")).matches("\\d+");
        assertThat(t.getMap(item + "criterionScores")).containsEntry("DEMAND_UNTOUCHED", 10)
                .containsEntry("FRAGMENTATION_RISK", 25).containsEntry("SOVEREIGNTY_FRICTION", 15);
        assertThat(t.getString(item + "context.historyVersion")).isEqualTo("h1");
        assertThat(t.getInt(item + "context.earlierActions")).isEqualTo(4);
        assertThat(t.getList(item + "historyFactors.rule")).containsExactly("FR-11", "SF-13");
        assertThat(t.getList(item + "historyFactors.criterion")).containsExactly("FRAGMENTATION_RISK", "SOVEREIGNTY_FRICTION");
        assertThat(t.getList(item + "historyFactors.points")).containsExactly(20, 15);
        assertThat(t.getString(item + "historyFactors[0].evidence")).isEqualTo("2 earlier removals");
        assertThat(t.getList(item + "historyFactors[0].cites")).containsExactly(strike.id().toString(), capture.id().toString());
        assertThat(t.getList(item + "historyFactors[1].cites"))
                .containsExactly(strike.id().toString(), retracted.id().toString(), neverStored.toString());
        assertThat(t.getList("items[0].historyFactors")).isEmpty();
        assertThat((Object) t.get("items[0].context")).isNull();

        // cited: resolved from the store, once; the retracted and the unknown id are absent
        assertThat(t.getMap("cited")).containsOnlyKeys(capture.id().toString(), strike.id().toString());
        String cited = "cited.'" + strike.id() + "'.";
        assertThat(t.getString(cited + "actionId")).isEqualTo(strike.id().toString());
        assertThat(t.getString(cited + "occurredOn")).isEqualTo("2020-06-01");
        assertThat(t.getString(cited + "title")).isEqualTo("b strike");
        assertThat(t.getString(cited + "type")).isEqualTo("LEADERSHIP_TARGETING");
        assertThat(t.getString(cited + "targetCountry")).isEqualTo(country);
        assertThat(t.getInt(cited + "overall")).isEqualTo(45);
        assertThat(t.getString(cited + "band")).isEqualTo("MODERATE");

        // an organisation's timeline spans countries; a cited action of another country is resolved too
        JsonPath byOrg = timeline("organization=" + org);
        assertThat(byOrg.getList("items.title")).containsExactly("a capture", "b strike", "c later", "f abroad");
        assertThat(byOrg.getString("organization")).isEqualTo(org);
        assertThat(byOrg.getMap("cited")).containsOnlyKeys(capture.id().toString(), strike.id().toString(),
                later.id().toString());

        // another model version: only its scores
        assertThat(timeline("country=" + country + "&modelVersion=" + OLD_MODEL).getList("items.overall")).containsExactly(12, 11);

        // a limit keeps the latest actions, still oldest first
        JsonPath latestTwo = timeline("country=" + country + "&limit=2");
        assertThat(latestTwo.getList("items.actionId")).containsExactly(twins.get(0).id().toString(), twins.get(1).id().toString());
        assertThat(latestTwo.getBoolean("truncated")).isTrue();
    }

    @Test
    void anythingButExactlyOneValidCountryOrOrganizationIsA400NamingTheField() {
        badRequest("", "country", "organization");
        badRequest("?country=CO&organization=FARC", "country", "organization");
        badRequest("?country=Colombia", "country");
        badRequest("?organization=" + "x".repeat(201), "organization");
        badRequest("?country=CO&limit=0", "limit");
        badRequest("?country=CO&limit=501", "limit");
        badRequest("?country=CO&limit=many", "limit");
        asViewer().get("/api/timeline?country=co&limit=500").then().statusCode(200).body("country", equalTo("CO"));
    }

    private static void badRequest(String query, String... fields) {
        asViewer().get("/api/timeline" + query).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/timeline"))
                .body("errors.field", containsInAnyOrder((Object[]) fields));
    }

    private static JsonPath timeline(String query) {
        return JsonPath.from(asViewer().get("/api/timeline?" + query).then().statusCode(200).extract().asString());
    }

    private static PolicyAction action(String title, String country, String occurredOn, List<String> organizations) {
        return ScorePublisher.action(UUID.randomUUID(), title, country, ActionType.LEADERSHIP_TARGETING, LocalDate.parse(occurredOn),
                organizations, Agency.DEA, null);
    }

    /** A score with one rule of the action alone and, when given, history factors under fragmentation risk. */
    private static ActionScore scored(PolicyAction action, String model, int overall, Factor... fragmentation) {
        ActionScore base = ScorePublisher.score(action, model, overall, 10);
        if (fragmentation.length == 0) {
            return base;
        }
        return withCriterion(base, Criterion.FRAGMENTATION_RISK, fragmentation);
    }

    private static ActionScore withSovereigntyFactor(ActionScore score, Factor factor) {
        return withCriterion(score, Criterion.SOVEREIGNTY_FRICTION, factor);
    }

    private static ActionScore withCriterion(ActionScore score, Criterion criterion, Factor... factors) {
        List<CriterionScore> criteria = new ArrayList<>(score.criteria());
        criteria.add(new CriterionScore(criterion, Stream.of(factors).mapToInt(Factor::points).sum(), List.of(factors), "test rationale"));
        long earlier = criteria.stream().flatMap(c -> c.factors().stream()).filter(f -> f.cites() != null)
                .flatMap(f -> f.cites().stream()).distinct().count();
        return new ActionScore(score.actionId(), 1, score.modelVersion(), score.scoredAt(), score.overall(), score.band(),
                criteria, score.action(), new ScoreContext("h1", (int) earlier, "0123456789abcdef"));
    }
}
