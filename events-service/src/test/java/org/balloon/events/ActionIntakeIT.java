package org.balloon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.events.TestActions.action;
import static org.balloon.events.TestActions.count;
import static org.balloon.events.TestActions.json;
import static org.balloon.events.TestActions.unique;
import static org.balloon.events.TestActions.with;
import static org.balloon.testsupport.Authorized.asAnalyst;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Intake on the real broker and PostgreSQL: what is accepted is stored and published once; what is not, neither. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class ActionIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static TopicReader topic;

    @BeforeAll
    static void readTopic() {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        topic = TopicReader.of(Topics.POLICY_ACTIONS);
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @Test
    void aPostedActionIsStoredAndPublishedOnceKeyedByItsIdWithTheStoredJsonAndHeaders() {
        String title = unique("strike");
        Response response = asAnalyst().contentType("application/json").header("traceparent", TRACEPARENT)
                .body(json(action(title))).post("/actions");
        response.then().statusCode(202).header("Location", equalTo("/actions/" + response.path("id")))
                .body("receivedAt", startsWith("20"));
        String id = response.path("id");

        List<ConsumerRecord<String, String>> published = topic.awaitMatching(r -> id.equals(r.key()), 1, WAIT);
        ConsumerRecord<String, String> record = published.get(0);
        String stored = TestActions.payload(id);
        assertThat(record.value()).isEqualTo(stored);
        assertThat(TopicReader.header(record, Topics.HEADER_ACTION_ID)).isEqualTo(id);
        assertThat(TopicReader.header(record, Topics.HEADER_TRACEPARENT)).isEqualTo(TRACEPARENT);
        Map<String, Object> value = TestActions.readMap(record.value());
        assertThat(value).containsEntry("id", id).containsEntry("schemaVersion", 1)
                .containsEntry("receivedAt", response.path("receivedAt")).containsEntry("title", title)
                .containsEntry("targetCountry", "CO").containsEntry("lethalForce", false);

        asAnalyst().get("/actions/" + id).then().statusCode(200).body("id", equalTo(id)).body("title", equalTo(title))
                .body("retracted", equalTo(false));

        publishedAfterABarrier();
        assertThat(topic.recordsWithKey(id)).hasSize(1);
        assertThat(count("select count(*) from outbox_record where action_id = ? and sent_at is not null",
                java.util.UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void invalidActionsAreProblemsNamingTheFieldAndLeaveNoRowAndNoRecord() {
        String title = unique("invalid");
        asAnalyst().contentType("application/json").body(json(with(action(title), "targetCountry", "ZZ"))).post("/actions")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400)).body("type", startsWith("urn:balloon:problem:"))
                .body("title", equalTo("The request breaks the contract")).body("instance", equalTo("/actions"))
                .body("errors.field", hasItem("targetCountry"));
        asAnalyst().contentType("application/json").body(json(with(action(title), "lethalforce", true))).post("/actions")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("lethalforce")).body("detail", containsString("lethalforce"));
        asAnalyst().contentType("application/json").body(json(with(action(title), "fatalities", -3))).post("/actions")
                .then().statusCode(400).body("errors.field", hasItem("fatalities"));
        asAnalyst().contentType("application/json").body(json(with(action(title), "type", "CARPET_BOMBING"))).post("/actions")
                .then().statusCode(400).body("errors.field", hasItem("type"))
                .body("errors.message", hasItem(containsString("MARITIME_INTERDICTION")));
        asAnalyst().contentType("application/json").body(json(with(action(title), "id", "3f0d6f0e-7b7c-4d4a-9a37-2f6f1b1e8c11")))
                .post("/actions").then().statusCode(400).body("errors.field", hasItem("id"));
        asAnalyst().contentType("application/json").body(json(with(action(title), "sources", List.of("ftp://x"))))
                .post("/actions").then().statusCode(400).body("errors.field", hasItem("sources[0]"));

        publishedAfterABarrier();
        assertThat(count("select count(*) from policy_action where title = ?", title)).isZero();
        assertThat(topic.records()).noneMatch(r -> r.value() != null && r.value().contains(title));
    }

    @Test
    void malformedJsonWrongContentTypeAndOversizedBodiesAreRefusedAsProblems() {
        asAnalyst().contentType("application/json").body("{\"title\": \"x\", ").post("/actions")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("line", equalTo(1)).body("column", equalTo(16)).body("detail", containsString("line 1, column 16"));
        asAnalyst().contentType("application/json").body("{\"title\": \"x\",\n \"type\": MARITIME}").post("/actions")
                .then().statusCode(400).body("line", equalTo(2));
        asAnalyst().contentType("application/x-www-form-urlencoded").body("title=x").post("/actions")
                .then().statusCode(415).contentType(startsWith("application/problem+json")).body("status", equalTo(415));
        asAnalyst().contentType("text/plain").body("{}").post("/actions/batch").then().statusCode(415);
        String huge = json(action("x".repeat(2 * 1024 * 1024)));
        asAnalyst().contentType("application/json").body(huge).post("/actions")
                .then().statusCode(413).contentType(startsWith("application/problem+json")).body("status", equalTo(413));
        asAnalyst().contentType("application/json").body(json(action("x".repeat(300)))).post("/actions")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        asAnalyst().contentType("application/json").body("").post("/actions").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheOriginalAndPublishesNothingNew() {
        String title = unique("idempotent");
        String key = unique("key");
        String body = json(action(title));
        String first = asAnalyst().contentType("application/json").header("Idempotency-Key", key).body(body).post("/actions")
                .then().statusCode(202).extract().path("id");
        // same content, other key order and whitespace: the same request
        Map<String, Object> reordered = new java.util.TreeMap<>(action(title));
        asAnalyst().contentType("application/json").header("Idempotency-Key", key).body(json(reordered) + "\n").post("/actions")
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", "/actions/" + first);
        asAnalyst().contentType("application/json").header("Idempotency-Key", key).body(json(action(title + "-other")))
                .post("/actions").then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("detail", containsString(key));

        topic.awaitMatching(r -> first.equals(r.key()), 1, WAIT);
        publishedAfterABarrier();
        assertThat(topic.recordsWithKey(first)).hasSize(1);
        assertThat(count("select count(*) from policy_action where title like ?", title + "%")).isEqualTo(1);
        assertThat(count("select count(*) from outbox_record o join policy_action a on a.id = o.action_id where a.title like ?",
                title + "%")).isEqualTo(1);
    }

    @Test
    void aRetractionPublishesATombstoneAfterTheActionAndKeepsTheRow() {
        String id = asAnalyst().contentType("application/json").body(json(action(unique("retracted")))).post("/actions")
                .then().statusCode(202).extract().path("id");
        asAnalyst().contentType("application/json").body("{\"reason\": \"duplicate report\"}").post("/actions/" + id + "/retract")
                .then().statusCode(202).body("id", equalTo(id)).body("alreadyRetracted", equalTo(false));

        List<ConsumerRecord<String, String>> forAction = topic.awaitMatching(r -> id.equals(r.key()), 2, WAIT);
        assertThat(forAction).hasSize(2);
        assertThat(forAction.get(0).value()).isEqualTo(TestActions.payload(id));
        assertThat(forAction.get(1).value()).isNull();
        assertThat(forAction.get(1).partition()).isEqualTo(forAction.get(0).partition());
        assertThat(forAction.get(1).offset()).isGreaterThan(forAction.get(0).offset());
        assertThat(TopicReader.header(forAction.get(1), Topics.HEADER_ACTION_ID)).isEqualTo(id);

        asAnalyst().get("/actions/" + id).then().statusCode(200).body("retracted", equalTo(true))
                .body("retractionReason", equalTo("duplicate report"));
        asAnalyst().contentType("application/json").body("{\"reason\": \"again\"}").post("/actions/" + id + "/retract")
                .then().statusCode(202).body("alreadyRetracted", equalTo(true));
        asAnalyst().contentType("application/json").body("{}").post("/actions/" + id + "/retract")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        asAnalyst().contentType("application/json").body("{\"reason\": \"x\"}")
                .post("/actions/3f0d6f0e-7b7c-4d4a-9a37-2f6f1b1e8c11/retract").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));

        publishedAfterABarrier();
        assertThat(topic.recordsWithKey(id)).hasSize(2);
        assertThat(count("select count(*) from policy_action where id = ?", java.util.UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void theListFiltersAndPagesNewestFirstWithAStableToken() {
        String org = unique("Org");
        List<String> ids = new java.util.ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            Map<String, Object> a = with(with(action(unique("listed")), "occurredOn", "2023-03-0" + day),
                    "targetOrganizations", List.of(org, "Sinaloa Cartel"));
            ids.add(0, asAnalyst().contentType("application/json").body(json(a)).post("/actions").then().statusCode(202)
                    .extract().path("id"));
        }
        Response first = asAnalyst().queryParam("organization", org.toLowerCase()).queryParam("limit", 2).get("/actions");
        first.then().statusCode(200).body("items.id", equalTo(ids.subList(0, 2)));
        String token = first.path("nextPageToken");
        // an action arriving between pages does not shift the next page
        asAnalyst().contentType("application/json").body(json(with(with(action(unique("late")), "occurredOn", "2023-03-09"),
                "targetOrganizations", List.of(org)))).post("/actions").then().statusCode(202);
        Response second = asAnalyst().queryParam("organization", org).queryParam("limit", 2).queryParam("pageToken", token)
                .get("/actions");
        second.then().statusCode(200).body("items.id", equalTo(ids.subList(2, 4)));
        Response third = asAnalyst().queryParam("organization", org).queryParam("limit", 2)
                .queryParam("pageToken", (String) second.path("nextPageToken")).get("/actions");
        third.then().statusCode(200).body("items.id", equalTo(ids.subList(4, 5))).body("nextPageToken", equalTo(null));

        asAnalyst().queryParam("organization", org).queryParam("from", "2023-03-02").queryParam("to", "2023-03-03")
                .queryParam("country", "co").queryParam("type", "MARITIME_INTERDICTION").get("/actions")
                .then().statusCode(200).body("items.id", equalTo(List.of(ids.get(2), ids.get(3))));
        asAnalyst().queryParam("organization", org).queryParam("country", "MX").get("/actions")
                .then().statusCode(200).body("items.size()", equalTo(0));
        asAnalyst().queryParam("organization", org).queryParam("type", "EXTRADITION").get("/actions")
                .then().statusCode(200).body("items.size()", equalTo(0));
        asAnalyst().queryParam("limit", 1000).queryParam("from", "yesterday").get("/actions")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("limit")).body("errors.field", hasItem("from"));
        asAnalyst().queryParam("country", "MX").queryParam("pageToken", token).get("/actions").then().statusCode(400)
                .body("errors.field", hasItem("pageToken"));
    }

    /** Posts one more action and waits for it: the relay publishes in order, so everything before it is settled. */
    private static void publishedAfterABarrier() {
        String barrier = asAnalyst().contentType("application/json").body(json(action(unique("barrier")))).post("/actions")
                .then().statusCode(202).extract().path("id");
        topic.awaitMatching(r -> barrier.equals(r.key()), 1, WAIT);
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_record where sent_at is null") == 0);
    }
}
