package org.balloon.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.BalloonJson;
import org.balloon.contracts.Band;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.Factor;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.LocalKafka;

/** Plays the scoring service: publishes ActionScore records (and tombstones) to the run's scores topic. */
final class ScorePublisher {

    static final ObjectMapper JSON = BalloonJson.newMapper();
    static final String MODEL = "2026.1";

    private static KafkaProducer<String, String> producer;

    private ScorePublisher() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = LocalKafka.get().clientProperties();
            p.setProperty("acks", "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    static PolicyAction action(UUID id, String country, ActionType type, LocalDate occurredOn, List<String> organizations,
            Agency lead, List<Agency> agencies) {
        return action(id, "test action " + id, country, type, occurredOn, organizations, lead, agencies);
    }

    static PolicyAction action(UUID id, String title, String country, ActionType type, LocalDate occurredOn,
            List<String> organizations, Agency lead, List<Agency> agencies) {
        return new PolicyAction(id, 1, Instant.now(), title, type, country, occurredOn, null, null, lead,
                agencies, null, organizations, null, null, null, null, null, null, null, null, null, null, null);
    }

    static PolicyAction action(UUID id, String country) {
        return action(id, country, ActionType.MARITIME_INTERDICTION, LocalDate.of(2024, 5, 10), List.of(), Agency.DHS, null);
    }

    /**
     * A score whose criteria are the given values in {@link Criterion} order (fewer values: fewer
     * criteria) and whose overall is {@code overall}.
     */
    static ActionScore score(PolicyAction action, String model, int overall, int... criteria) {
        List<CriterionScore> cs = new ArrayList<>();
        for (int i = 0; i < criteria.length; i++) {
            Criterion c = Criterion.values()[i];
            cs.add(new CriterionScore(c, criteria[i], List.of(new Factor(c.name().substring(0, 2) + "-01", criteria[i],
                    "test evidence")), "test rationale"));
        }
        Band band = overall >= 75 ? Band.SEVERE : overall >= 50 ? Band.HIGH : overall >= 25 ? Band.MODERATE : Band.LOW;
        return new ActionScore(action.id(), 1, model, Instant.parse("2026-01-05T10:15:30Z"), overall, band, cs, action);
    }

    static String publish(ActionScore score) {
        try {
            String json = JSON.writeValueAsString(score);
            send(score.actionId().toString(), json);
            return json;
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + score, e);
        }
    }

    static void publishRaw(String key, String value) {
        send(key, value);
    }

    /**
     * Sends several records without waiting between them, then waits for all: they reach the
     * topic within milliseconds, so the consumer usually takes them in one poll.
     */
    static void publishTogether(Map<String, String> keyToValue) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        keyToValue.forEach((key, value) -> {
            ProducerRecord<String, String> record = new ProducerRecord<>(LocalKafka.get().topic(Topics.ACTION_SCORES), key, value);
            record.headers().add(Topics.HEADER_ACTION_ID, key.getBytes(StandardCharsets.UTF_8));
            acks.add(producer().send(record));
        });
        try {
            for (var ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to the scores topic", e);
        }
    }

    static String json(ActionScore score) {
        try {
            return JSON.writeValueAsString(score);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void tombstone(UUID actionId) {
        send(actionId.toString(), null);
    }

    private static void send(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(LocalKafka.get().topic(Topics.ACTION_SCORES), key, value);
        record.headers().add(Topics.HEADER_ACTION_ID, key.getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to the scores topic", e);
        }
    }
}
