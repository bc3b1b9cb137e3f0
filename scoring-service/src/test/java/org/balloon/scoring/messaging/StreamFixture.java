package org.balloon.scoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.balloon.contracts.BalloonJson;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.scoring.engine.ActionBuilder;
import org.balloon.scoring.engine.ArticleActions;
import org.balloon.testsupport.LocalKafka;

/** Writes to the run's actions topic as the events service would, with a plain producer; validates against the contract's schema. */
public final class StreamFixture implements AutoCloseable {

    public static final ObjectMapper JSON = BalloonJson.newMapper();
    private static final JsonSchema SCORE_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    b -> b.schemaMappers(m -> m.mapPrefix("https://balloon.dev/schemas/", "classpath:schemas/")))
            .getSchema(SchemaLocation.of("https://balloon.dev/schemas/action-score.v1.schema.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private final KafkaProducer<String, String> producer =
            new KafkaProducer<>(LocalKafka.get().clientProperties(), new StringSerializer(), new StringSerializer());

    /** A valid action as the events service publishes it: fresh id, receivedAt, schemaVersion 1. */
    public static PolicyAction newAction(ActionBuilder b) {
        return b.id(UUID.randomUUID()).receivedAt(Instant.parse("2025-09-03T08:15:30.123Z")).build();
    }

    public static PolicyAction newAction() {
        return newAction(ArticleActions.maritimeStrikeOffVenezuela());
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Set<ValidationMessage> schemaErrors(String scoreJson) throws JsonProcessingException {
        JsonNode node = JSON.readTree(scoreJson);
        return SCORE_SCHEMA.validate(node);
    }

    public void publish(PolicyAction action, Map<String, String> headers) {
        send(action.id().toString(), json(action), headers);
    }

    public void send(String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> r = new ProducerRecord<>(LocalKafka.get().topic(Topics.POLICY_ACTIONS), key, value);
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(r).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to the test broker", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
