package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.AsyncApiContract;
import org.balloon.testsupport.LocalKafka;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The records the packaged services really publish - an action and its retraction from the
 * events-service, the score and its tombstone and a dead letter from the scoring-service - fit the
 * AsyncAPI document the gateway serves at /q/asyncapi.
 */
// before EventsServiceDownIT (4), which leaves the events service stopped
@Order(3)
class TopicsMatchAsyncApiIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @BeforeAll
    static void stack() {
        Stack.get();
    }

    @Test
    void producedRecordsValidateAgainstTheServedDocument() throws Exception {
        Api.Answer served = Api.get("/q/asyncapi?format=json");
        assertThat(served.status()).isEqualTo(200);
        AsyncApiContract contract = AsyncApiContract.of(served.json());

        String id = Api.post("/api/actions", Api.action("EC", "MARITIME_INTERDICTION", "e2e asyncapi"),
                Map.of("traceparent", TRACEPARENT)).json().path("id").asText();
        UUID.fromString(id);
        String poisonKey = UUID.randomUUID().toString();
        try (TopicReader actions = TopicReader.of(Topics.POLICY_ACTIONS);
                TopicReader scores = TopicReader.of(Topics.ACTION_SCORES);
                TopicReader dlq = TopicReader.of(Topics.POLICY_ACTIONS_DLQ)) {
            scores.awaitMatching(r -> id.equals(r.key()) && r.value() != null, 1, WAIT);
            assertThat(Api.post("/api/actions/" + id + "/retract", Map.of("reason", "e2e asyncapi")).status()).isEqualTo(202);
            // a record the contract forbids, as a broken producer would write it: the scoring-service dead-letters it
            send(poisonKey, "{\"title\": \"no id, no type\"}");

            List<ConsumerRecord<String, String>> actionRecords = actions.awaitMatching(r -> id.equals(r.key()), 2, WAIT);
            List<ConsumerRecord<String, String>> scoreRecords = scores.awaitMatching(r -> id.equals(r.key()), 2, WAIT);
            List<ConsumerRecord<String, String>> deadLetters = dlq.awaitMatching(r -> poisonKey.equals(r.key()), 1, WAIT);

            assertThat(actionRecords).anyMatch(r -> r.value() == null).anyMatch(r -> r.value() != null)
                    // the request's trace (its span is the events-service's own when tracing is on)
                    .anyMatch(r -> String.valueOf(TopicReader.header(r, Topics.HEADER_TRACEPARENT))
                            .startsWith(TRACEPARENT.substring(0, 36)));
            assertThat(scoreRecords).anyMatch(r -> r.value() == null).anyMatch(r -> r.value() != null);
            for (ConsumerRecord<String, String> r : actionRecords) {
                assertThat(contract.violations(Topics.POLICY_ACTIONS, r)).as("action record %s", r).isEmpty();
            }
            for (ConsumerRecord<String, String> r : scoreRecords) {
                assertThat(contract.violations(Topics.ACTION_SCORES, r)).as("score record %s", r).isEmpty();
            }
            for (ConsumerRecord<String, String> r : deadLetters) {
                assertThat(contract.violations(Topics.POLICY_ACTIONS_DLQ, r)).as("dead letter %s", r).isEmpty();
            }
            // and the dead letter does not pass for an action: the document tells them apart
            assertThat(contract.violations(Topics.POLICY_ACTIONS, deadLetters.get(0))).isNotEmpty();
        }
    }

    private static void send(String key, String value) throws Exception {
        Properties p = LocalKafka.get().clientProperties();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(LocalKafka.get().topic(Topics.POLICY_ACTIONS), key, value);
            record.headers().add(Topics.HEADER_ACTION_ID, key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }
}
