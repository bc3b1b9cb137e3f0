package org.balloon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.events.TestActions.action;
import static org.balloon.events.TestActions.count;
import static org.balloon.events.TestActions.json;
import static org.balloon.events.TestActions.unique;
import static org.balloon.events.TestActions.with;
import static org.balloon.testsupport.Authorized.asAnalyst;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/** Batches: one request, per-item results, only the valid items stored and published. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class BatchIntakeIT {

    private static final int ITEMS = 10_000;

    @Test
    void tenThousandNdjsonActionsWithSomeInvalidLinesAreAnsweredPerLineAndOnlyTheValidOnesStoredAndPublished() {
        String tag = unique("batch");
        StringBuilder body = new StringBuilder();
        Set<Integer> invalid = new HashSet<>();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, Object> a = action(tag + "-" + i);
            if (i % 97 == 13) {
                a = with(a, "targetCountry", "ZZ");
                invalid.add(i);
            } else if (i % 211 == 7) {
                a = with(a, "lethalforce", true);
                invalid.add(i);
            }
            body.append(i == 4242 ? "{\"title\": \"broken\", " : json(a)).append('\n');
        }
        invalid.add(4242);
        int valid = ITEMS - invalid.size();

        Response response = asAnalyst().contentType("application/x-ndjson").body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/actions/batch");
        response.then().statusCode(200).body("accepted", equalTo(valid)).body("rejected", equalTo(invalid.size()))
                .body("results.size()", equalTo(ITEMS));
        List<Map<String, Object>> results = response.jsonPath().getList("results");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, Object> r = results.get(i);
            assertThat(r).containsEntry("index", i).containsEntry("line", i + 1);
            if (invalid.contains(i)) {
                assertThat(r).doesNotContainKey("id");
                @SuppressWarnings("unchecked")
                List<Map<String, String>> problems = (List<Map<String, String>>) r.get("problems");
                String expectedField = i == 4242 ? "$" : (i % 97 == 13 ? "targetCountry" : "lethalforce");
                assertThat(problems).extracting(p -> p.get("field")).contains(expectedField);
            } else {
                ids.add((String) r.get("id"));
            }
        }
        assertThat(ids).hasSize(valid);

        assertThat(count("select count(*) from policy_action where title like ?", tag + "-%")).isEqualTo(valid);
        try (TopicReader topic = TopicReader.of(Topics.POLICY_ACTIONS)) {
            List<ConsumerRecord<String, String>> published = topic.awaitMatching(
                    r -> r.value() != null && r.value().contains(tag), valid, Duration.ofMinutes(2));
            assertThat(published).hasSize(valid);
            assertThat(published.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(ids);
            assertThat(published).allMatch(r -> r.key().equals(TopicReader.header(r, Topics.HEADER_ACTION_ID)));
        }
        assertThat(count("select count(*) from outbox_record o join policy_action a on a.id = o.action_id"
                + " where a.title like ? and o.sent_at is not null", tag + "-%")).isEqualTo(valid);
    }

    @Test
    void aBatchWithAnIdempotencyKeyIsRefusedAndNothingIsStored() {
        // a batch takes no key: ignoring one would let a client retry it believing that safe
        String tag = unique("keyed");
        asAnalyst().contentType("application/json").header("Idempotency-Key", tag).body("[" + json(action(tag + "-0")) + "]")
                .post("/actions/batch").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:balloon:problem:invalid-request")).body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(count("select count(*) from policy_action where title like ?", tag + "-%")).isZero();
    }

    @Test
    void aJsonArrayBatchIsCheckedItemByItem() {
        String tag = unique("array");
        String body = "[" + json(action(tag + "-0")) + "," + json(with(action(tag + "-1"), "occurredOn", "1850-01-01"))
                + "," + json(action(tag + "-2"))
                // valid, but too big to be one record on the topic
                + "," + json(with(action(tag + "-3"), "sources", List.of("https://example.org/" + "a".repeat(600_000)))) + "]";
        asAnalyst().contentType("application/json").body(body).post("/actions/batch").then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("results[1].problems[0].field", equalTo("occurredOn"))
                .body("results[3].problems[0].field", equalTo("$"))
                .body("results[0].id", startsWith("")).body("results[2].index", equalTo(2));
        assertThat(count("select count(*) from policy_action where title like ?", tag + "-%")).isEqualTo(2);

        asAnalyst().contentType("application/json").body("[" + json(action(tag)) + ",").post("/actions/batch")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("line", equalTo(1));
        asAnalyst().contentType("application/json").body("[]").post("/actions/batch").then().statusCode(400);
        String tooMany = "{}\n".repeat(ITEMS + 1);
        asAnalyst().contentType("application/x-ndjson").body(tooMany.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/actions/batch").then().statusCode(413)
                .contentType(startsWith("application/problem+json"));
    }
}
