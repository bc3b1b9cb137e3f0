package org.balloon.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Criterion;
import org.balloon.contracts.CriterionScore;
import org.balloon.contracts.Factor;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Stage;
import org.balloon.scoring.engine.EngineFixture;
import org.balloon.scoring.engine.HistoryConfig;
import org.balloon.scoring.engine.ModelConfig;
import org.balloon.scoring.engine.ScoringEngine;
import org.balloon.scoring.service.ScoringService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The history-aware topology without a broker (issue 14), on the shipped history of real actions:
 * scores depend on the set of actions, not on their arrival order; a back-dated action changes the
 * later scores it should; a retraction takes its weight out of the later scores.
 */
class HistoryTopologyTest {

    static final String ACTIONS = "actions";
    static final String SCORES = "scores";
    static final String DLQ = "dlq";
    static final ScoringEngine ENGINE = new ScoringEngine(ModelConfig.defaults(), EngineFixture.COUNTRIES, EngineFixture.CLOCK,
            HistoryConfig.defaults());

    final List<TopologyTestDriver> drivers = new ArrayList<>();

    @AfterEach
    void stop() {
        drivers.forEach(TopologyTestDriver::close);
    }

    /** The shipped history as stream records: each line gets a stable id and a receivedAt, as the events service would. */
    static List<PolicyAction> shippedHistory() throws Exception {
        List<PolicyAction> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(Path.of("../data/history.ndjson"), StandardCharsets.UTF_8)) {
            ObjectNode json = (ObjectNode) StreamFixture.JSON.readTree(line);
            json.put("id", UUID.nameUUIDFromBytes(line.getBytes(StandardCharsets.UTF_8)).toString());
            json.put("schemaVersion", 1);
            json.put("receivedAt", Instant.parse("2026-01-10T00:00:00Z").plusSeconds(n++).toString());
            out.add(StreamFixture.JSON.treeToValue(json, PolicyAction.class));
        }
        return out;
    }

    Harness start() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        var deps = new ScoreProcessor.Dependencies(new ActionRecordDecoder(StreamFixture.JSON, ScoringTopologyTest.VALIDATOR, registry),
                new ScoringService(ENGINE, registry), StreamFixture.JSON, registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "history-topology-test-" + drivers.size());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/history-topology-test-" + UUID.randomUUID());
        TopologyTestDriver driver = new TopologyTestDriver(ScoringTopology.buildWithHistory(deps, ACTIONS, SCORES, DLQ), props);
        drivers.add(driver);
        return new Harness(driver, driver.createInputTopic(ACTIONS, new StringSerializer(), new StringSerializer()),
                driver.createOutputTopic(SCORES, new StringDeserializer(), new StringDeserializer()),
                driver.createOutputTopic(DLQ, new StringDeserializer(), new StringDeserializer()));
    }

    record Harness(TopologyTestDriver driver, TestInputTopic<String, String> actions, TestOutputTopic<String, String> scores, TestOutputTopic<String, String> dlq) {

        void send(PolicyAction a) {
            actions.pipeInput(a.id().toString(), StreamFixture.json(a));
        }

        void retract(PolicyAction a) {
            actions.pipeInput(new TestRecord<>(a.id().toString(), (String) null));
        }

        /** The records published since the last call, in order, once the stage's next flush of re-scores ran. */
        List<TestRecord<String, String>> published() {
            driver.advanceWallClockTime(java.time.Duration.ofMillis(200));
            return scores.readRecordsToList();
        }
    }

    /** The latest score per action, as a store that keeps the last record per key would hold it. */
    static Map<String, String> latest(List<TestRecord<String, String>> records, Map<String, String> into) {
        for (TestRecord<String, String> r : records) {
            if (r.value() == null) {
                into.remove(r.key());
            } else {
                into.put(r.key(), r.value());
            }
        }
        return into;
    }

    static ActionScore parse(String json) {
        try {
            return StreamFixture.JSON.readValue(json, ActionScore.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Factor> factors(ActionScore s, Criterion c) {
        return s.criteria().stream().filter(x -> x.criterion() == c).findFirst().map(CriterionScore::factors).orElseThrow();
    }

    static int points(ActionScore s, String rule) {
        return s.criteria().stream().flatMap(c -> c.factors().stream()).filter(f -> f.rule().equals(rule))
                .mapToInt(Factor::points).sum();
    }

    @Test
    void theSameActionsInThreeRandomOrdersEndWithIdenticalScores() throws Exception {
        List<PolicyAction> history = shippedHistory();
        assertThat(history).hasSizeGreaterThanOrEqualTo(150);
        List<Map<String, String>> finals = new ArrayList<>();
        for (long seed : new long[] {1, 2, 3}) {
            List<PolicyAction> order = new ArrayList<>(history);
            Collections.shuffle(order, new Random(seed));
            Harness h = start();
            order.forEach(h::send);
            finals.add(latest(h.published(), new LinkedHashMap<>()));
        }
        assertThat(finals.get(0)).hasSize(history.size());
        assertThat(finals.get(1)).isEqualTo(finals.get(0));
        assertThat(finals.get(2)).isEqualTo(finals.get(0));
        // and the record did matter: history factors fired and name the earlier actions
        long withHistory = finals.get(0).values().stream().filter(j -> j.contains("\"FR-11\"") || j.contains("\"DI-13\"")
                || j.contains("\"SF-13\"") || j.contains("\"DU-10\"")).count();
        assertThat(withHistory).isGreaterThan(20);
    }

    @Test
    void aBackDatedActionChangesExactlyTheLaterScoresItShould() throws Exception {
        List<PolicyAction> history = shippedHistory();
        Harness h = start();
        history.forEach(h::send);
        Map<String, String> before = latest(h.published(), new LinkedHashMap<>());

        // a capture of a Sinaloa Cartel leader, reported late: dated 2013, it arrives after everything else
        PolicyAction backDated = ActionBuilderForHistory.capture("Sinaloa Cartel", LocalDate.parse("2013-06-01"));
        h.send(backDated);
        List<TestRecord<String, String>> out = h.published();
        assertThat(out.get(0).key()).as("its own score first").isEqualTo(backDated.id().toString());
        Map<String, String> changed = latest(out.subList(1, out.size()), new LinkedHashMap<>());
        assertThat(changed).isNotEmpty();
        Map<String, PolicyAction> byId = new LinkedHashMap<>();
        history.forEach(a -> byId.put(a.id().toString(), a));
        for (Map.Entry<String, String> e : changed.entrySet()) {
            PolicyAction later = byId.get(e.getKey());
            assertThat(later.occurredOn()).as("only later actions are re-scored").isAfterOrEqualTo(backDated.occurredOn());
            assertThat(e.getValue()).as("a re-score is published only when it changed").isNotEqualTo(before.get(e.getKey()));
            ActionScore was = parse(before.get(e.getKey()));
            ActionScore now = parse(e.getValue());
            assertThat(cites(now)).as("it changed because it now rests on the back-dated action").contains(backDated.id());
            assertThat(now.context().digest()).isNotEqualTo(was.context().digest());
        }
        // exactly those: every later score that now rests on it was re-published, no other
        Map<String, String> now = new LinkedHashMap<>(before);
        now.putAll(changed);
        Set<String> restOnIt = now.entrySet().stream().filter(e -> cites(parse(e.getValue())).contains(backDated.id()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(changed.keySet()).isEqualTo(restOnIt);
        // the nearest later capture of the same organisation counts it as a removal (FR-11 names it)
        PolicyAction nearest = history.stream()
                .filter(a -> a.occurredOn().isAfter(backDated.occurredOn()) && a.type() == ActionType.LEADERSHIP_TARGETING
                        && a.targetOrganizations() != null && a.targetOrganizations().contains("Sinaloa Cartel"))
                .min(java.util.Comparator.comparing(PolicyAction::occurredOn)).orElseThrow();
        assertThat(fr11(parse(changed.get(nearest.id().toString()))).cites()).contains(backDated.id());
        // earlier actions are untouched
        history.stream().filter(a -> a.occurredOn().isBefore(backDated.occurredOn()))
                .forEach(a -> assertThat(changed).doesNotContainKey(a.id().toString()));
    }

    @Test
    void retractingAnEarlierCaptureLowersTheLaterFragmentationFactor() throws Exception {
        List<PolicyAction> history = shippedHistory();
        Map<String, PolicyAction> byId = new LinkedHashMap<>();
        history.forEach(a -> byId.put(a.id().toString(), a));
        Harness h = start();
        history.forEach(h::send);
        Map<String, String> scores = latest(h.published(), new LinkedHashMap<>());
        // a real thread where FR-11 is below its cap: it rests on every removal in its window, so taking
        // one away lowers it (at the cap, an older removal would take the retracted one's place)
        int cap = HistoryConfig.defaults().decapitationCap();
        Map.Entry<String, String> thread = scores.entrySet().stream()
                .filter(e -> fr11(parse(e.getValue())) != null && fr11(parse(e.getValue())).points() < cap)
                .findFirst().orElseThrow(() -> new AssertionError("no FR-11 below its cap in the shipped history"));
        ActionScore before = parse(thread.getValue());
        PolicyAction capture = byId.get(fr11(before).cites().get(0).toString());

        h.retract(capture);
        List<TestRecord<String, String>> out = h.published();
        assertThat(out.get(0).key()).isEqualTo(capture.id().toString());
        assertThat(out.get(0).value()).as("the retraction's tombstone first").isNull();
        latest(out, scores);
        ActionScore after = parse(scores.get(thread.getKey()));
        int lowered = fr11(after) == null ? 0 : fr11(after).points();
        assertThat(lowered).isEqualTo(fr11(before).points() - HistoryConfig.defaults().decapitationPoints());
        assertThat(cites(after)).doesNotContain(capture.id());
        assertThat(after.context().digest()).isNotEqualTo(before.context().digest());
        assertThat(scores).doesNotContainKey(capture.id().toString());
    }

    @Test
    void aRedeliveredActionRepublishesItsScoreByteForByteAndRescoresNothing() throws Exception {
        List<PolicyAction> history = shippedHistory();
        Harness h = start();
        history.forEach(h::send);
        Map<String, String> scores = latest(h.published(), new LinkedHashMap<>());
        PolicyAction any = history.get(history.size() / 2);
        h.send(any);
        List<TestRecord<String, String>> out = h.published();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).value()).isEqualTo(scores.get(any.id().toString()));
    }

    @Test
    void poisonStillGoesToTheDeadLetterTopic() {
        Harness h = start();
        h.actions().pipeInput(UUID.randomUUID().toString(), "{not json");
        assertThat(h.dlq().readRecordsToList()).extracting(TestRecord::value).containsExactly("{not json");
        assertThat(h.published()).isEmpty();
    }

    /** Actions the shipped history lacks, made for these tests only. */
    static final class ActionBuilderForHistory {
        static PolicyAction capture(String organization, LocalDate on) {
            return new PolicyAction(UUID.randomUUID(), 1, Instant.parse("2026-02-01T00:00:00Z"),
                    "Test: back-dated capture of a " + organization + " leader", ActionType.LEADERSHIP_TARGETING, "MX", on,
                    null, Stage.COMPLETED, null, null, null, List.of(organization), null, null, null, null, null, null, null,
                    null, null, null, null);
        }
    }

    /** FR-11 of a score, or null when it did not fire. */
    private static Factor fr11(ActionScore score) {
        return score.criteria().stream().flatMap(c -> c.factors().stream()).filter(f -> f.rule().equals("FR-11"))
                .findFirst().orElse(null);
    }

    /** Every earlier action the score's history factors rest on. */
    private static Set<UUID> cites(ActionScore score) {
        return score.criteria().stream().flatMap(c -> c.factors().stream()).filter(f -> f.cites() != null)
                .flatMap(f -> f.cites().stream()).collect(Collectors.toSet());
    }
}
