package org.balloon.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.scoring.engine.ArticleActions;
import org.balloon.scoring.engine.EngineFixture;
import org.balloon.scoring.service.ScoringService;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scoring topology without a broker (the fast tier): what one poll of mixed records becomes.
 * The real-broker behaviour (commits, acks, the DLQ topic) is {@link ActionStreamIT}'s.
 */
class ScoringTopologyTest {

    static final String ACTIONS = "actions";
    static final String SCORES = "scores";
    static final String DLQ = "dlq";

    static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    TopologyTestDriver driver;
    TestInputTopic<String, String> actions;
    TestOutputTopic<String, String> scores;
    TestOutputTopic<String, String> dlq;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        var deps = new ScoreProcessor.Dependencies(new ActionRecordDecoder(StreamFixture.JSON, VALIDATOR, registry),
                new ScoringService(EngineFixture.ENGINE, registry), StreamFixture.JSON, registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(ScoringTopology.build(deps, ACTIONS, SCORES, DLQ), props);
        actions = driver.createInputTopic(ACTIONS, new StringSerializer(), new StringSerializer());
        scores = driver.createOutputTopic(SCORES, new StringDeserializer(), new StringDeserializer());
        dlq = driver.createOutputTopic(DLQ, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aBatchMixingActionsTombstonesAndPoisonKeepsEachActionsOrderAndDeadLettersOnlyThePoison() throws Exception {
        PolicyAction first = StreamFixture.newAction(ArticleActions.elChapoCapture());
        PolicyAction second = StreamFixture.newAction(ArticleActions.meridaInitiative());
        String k1 = first.id().toString();
        String k2 = second.id().toString();
        String poisonKey = UUID.randomUUID().toString();

        actions.pipeRecordList(List.of(
                new TestRecord<>(k1, StreamFixture.json(first), headers(Topics.HEADER_ACTION_ID, k1)),
                new TestRecord<>(poisonKey, "{not json", headers(Topics.HEADER_TRACEPARENT, "00-abc-def-01")),
                new TestRecord<>(k1, null, headers(Topics.HEADER_ACTION_ID, k1)),
                new TestRecord<>(k2, StreamFixture.json(second), headers(Topics.HEADER_ACTION_ID, k2))));

        List<TestRecord<String, String>> out = scores.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly(k1, k1, k2);
        assertThat(StreamFixture.JSON.readValue(out.get(0).value(), ActionScore.class).actionId()).isEqualTo(first.id());
        assertThat(out.get(1).value()).as("the retraction follows its action's score").isNull();
        assertThat(StreamFixture.JSON.readValue(out.get(2).value(), ActionScore.class).action()).isEqualTo(second);
        assertThat(header(out.get(1).headers(), ScoreHeaders.MODEL_VERSION)).isEqualTo(EngineFixture.ENGINE.modelVersion());

        List<TestRecord<String, String>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo(poisonKey);
        assertThat(dead.get(0).value()).isEqualTo("{not json");
        assertThat(header(dead.get(0).headers(), ScoreHeaders.DLQ_REASON)).isEqualTo("unparsable-json");
        assertThat(header(dead.get(0).headers(), ScoreHeaders.DLQ_TOPIC)).isEqualTo(ACTIONS);
        assertThat(header(dead.get(0).headers(), ScoreHeaders.DLQ_OFFSET)).isEqualTo("1");
        assertThat(header(dead.get(0).headers(), Topics.HEADER_TRACEPARENT)).as("original headers kept").isEqualTo("00-abc-def-01");
        assertThat(registry.get("balloon.scoring.dlq").tag("reason", "unparsable-json").counter().count()).isEqualTo(1);
        assertThat(registry.get("balloon.scoring.tombstones").counter().count()).isEqualTo(1);
    }

    @Test
    void actionsWithUnknownFieldsOfANewerOrTheFirstSchemaVersionAreScoredAndTheFieldsCounted() throws Exception {
        PolicyAction newer = StreamFixture.newAction(ArticleActions.meridaInitiative());
        PolicyAction first = StreamFixture.newAction(ArticleActions.elChapoCapture());
        PolicyAction tooOld = StreamFixture.newAction(ArticleActions.planColombiaEradication());
        actions.pipeInput(newer.id().toString(), StreamFixture.json(newer).replace("\"schemaVersion\":1",
                "\"schemaVersion\":2,\"verifiedBy\":{\"desk\":\"newsroom\"}"));
        actions.pipeInput(first.id().toString(), StreamFixture.json(first).replace("\"schemaVersion\":1",
                "\"schemaVersion\":1,\"confidence\":0.8"));
        actions.pipeInput(tooOld.id().toString(), StreamFixture.json(tooOld).replace("\"schemaVersion\":1", "\"schemaVersion\":0"));

        List<TestRecord<String, String>> out = scores.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly(newer.id().toString(), first.id().toString());
        PolicyAction carried = StreamFixture.JSON.readValue(out.get(0).value(), ActionScore.class).action();
        assertThat(carried.schemaVersion()).as("carried on as received").isEqualTo(2);
        assertThat(carried.title()).isEqualTo(newer.title());
        List<TestRecord<String, String>> dead = dlq.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly(tooOld.id().toString());
        assertThat(header(dead.get(0).headers(), ScoreHeaders.DLQ_REASON)).isEqualTo("unsupported-schema-version");
        assertThat(registry.get("balloon.topic.unknown.fields").tag("topic", Topics.POLICY_ACTIONS).counter().count())
                .isEqualTo(2);
    }

    @Test
    void replayingTheSameRecordsYieldsByteIdenticalScoresAndHeaders() {
        PolicyAction action = StreamFixture.newAction(ArticleActions.planColombiaEradication());
        String key = action.id().toString();
        TestRecord<String, String> in = new TestRecord<>(key, StreamFixture.json(action),
                headers(Topics.HEADER_TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        actions.pipeInput(in);
        actions.pipeInput(in);

        List<TestRecord<String, String>> out = scores.readRecordsToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(1).value()).isEqualTo(out.get(0).value());
        assertThat(out.get(1).headers()).isEqualTo(out.get(0).headers());
        assertThat(out.get(1).timestamp()).isEqualTo(out.get(0).timestamp());
    }

    private static Headers headers(String key, String value) {
        return new RecordHeaders().add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
