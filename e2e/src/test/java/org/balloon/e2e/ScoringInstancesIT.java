package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.LocalKafka;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "runs as several instances without counting anything twice", on the real broker and
 * PostgreSQL: a second scoring-service instance joins the group; both decode their share of the
 * actions topic, the history stage (one task) runs on one of them, every capture of a thread is
 * stored resting on exactly the nearest captures before it, and each score is published once per
 * change. Then the instance running the history stage stops and the other takes it over, restoring
 * the stores from their changelog topics: the next capture rests on the nearest of the whole thread.
 */
@Order(3)
class ScoringInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    // no other test and no region of the model uses Morocco; no other test posts in the 1920s
    private static final String COUNTRY = "MA";
    private static final CaptureThread THREAD = new CaptureThread(COUNTRY, "e2e Instances Cartel", LocalDate.of(1921, 1, 4));
    private static final String HISTORY_TOPIC = Stack.SCORING_GROUP + "-history-sequence-repartition";

    @Test
    void aSecondInstanceSharesTheWorkCountsNothingTwiceAndTakesTheHistoryOver() throws Exception {
        Stack stack = Stack.get();
        String actionsTopic = LocalKafka.get().topic(Topics.POLICY_ACTIONS);
        try (Stack.ScoringInstance second = stack.startScoring("second");
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafka.get().bootstrapServers()));
                TopicReader actions = TopicReader.of(Topics.POLICY_ACTIONS);
                TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            second.awaitReady();
            Map<String, String> urls = Map.of(Stack.scoringInstanceId(), stack.url(Stack.Service.SCORING), second.instanceId(), second.url());
            Map<String, Set<TopicPartition>> shares = awaitAssignment(admin, urls.keySet(), actionsTopic);
            Map<String, Double> decodedBefore = decoded(urls);

            // six captures in a shuffled date order (later ones re-scored as earlier ones arrive), then
            // more, in date order, until each instance's partitions of the actions topic got some
            List<Integer> shuffled = new ArrayList<>(IntStream.range(0, 6).boxed().toList());
            Collections.shuffle(shuffled, new Random(14));
            shuffled.forEach(THREAD::post);
            Map<String, Integer> onPartitions = recordsPerInstance(actions, shares, actionsTopic);
            while (onPartitions.values().stream().anyMatch(c -> c == 0)) {
                THREAD.post(THREAD.ids().size());
                onPartitions = recordsPerInstance(actions, shares, actionsTopic);
            }

            // (b) every capture stored resting on exactly the nearest captures before it
            Map<String, JsonNode> stored = THREAD.awaitCounted(WAIT);
            // (a) each instance decoded exactly the records of its partitions, none twice
            Map<String, Double> decodedAfter = decoded(urls);
            for (String instance : urls.keySet()) {
                assertThat(decodedAfter.get(instance) - decodedBefore.get(instance)).as("records decoded by " + instance)
                        .isEqualTo(onPartitions.get(instance).doubleValue()).isPositive();
            }
            // (c) on the topic each score once per change, the last one the stored one
            Map<String, List<String>> published = awaitPublished(scores, stored);
            published.forEach((id, values) -> assertThat(values).as("the scores of " + id + " on the topic").doesNotHaveDuplicates());

            // (d) the instance running the history stage stops; the other restores the stores and takes over
            String holder = holderOfHistory(shares);
            String taker = urls.keySet().stream().filter(i -> !i.equals(holder)).findFirst().orElseThrow();
            long start = System.nanoTime();
            if (holder.equals(Stack.scoringInstanceId())) {
                stack.stop(Stack.Service.SCORING);
            } else {
                second.close();
            }
            Map<String, Set<TopicPartition>> after = awaitAssignment(admin, Set.of(taker), actionsTopic);
            assertThat(holderOfHistory(after)).isEqualTo(taker);
            long rebalanced = (System.nanoTime() - start) / 1_000_000;
            int latest = THREAD.ids().size();
            String id = THREAD.post(latest);
            Map<String, JsonNode> storedAfter = THREAD.awaitCounted(WAIT);
            long scored = (System.nanoTime() - start) / 1_000_000;
            assertThat(CaptureThread.earlierActions(storedAfter.get(id))).isEqualTo(CaptureThread.expected(latest));
            Map<String, List<String>> publishedAfter = awaitPublished(scores, storedAfter);
            assertThat(publishedAfter.get(id)).hasSize(1);
            published.forEach((old, values) -> assertThat(publishedAfter.get(old)).as("nothing of " + old + " published again")
                    .isEqualTo(values));
            System.out.printf("ScoringInstancesIT: %d captures; decoded %s; history on %s, taken over by %s: group rebalanced %d ms"
                    + " after the stop, the next capture stored resting on its %d nearest %d ms after it%n", latest, onPartitions, holder,
                    taker, rebalanced, CaptureThread.expected(latest), scored);
        } finally {
            stack.ensureRunning(Stack.Service.SCORING);
        }
    }

    /**
     * The group's assignment once it is stable and the same on two reads in a row, with exactly
     * these members (static instance id without Kafka Streams' thread suffix) each decoding some
     * partitions of the actions topic, all of them between them, and the history stage on one.
     */
    private static Map<String, Set<TopicPartition>> awaitAssignment(Admin admin, Set<String> members, String actionsTopic) {
        AtomicReference<Map<String, Set<TopicPartition>>> last = new AtomicReference<>(Map.of());
        int partitions = LocalKafka.PARTITIONS.get(Topics.POLICY_ACTIONS);
        await("the group of " + members + " at work").atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, Set<TopicPartition>> now = assignment(admin);
            boolean ready = now.keySet().equals(members)
                    && now.values().stream().allMatch(tps -> tps.stream().anyMatch(tp -> tp.topic().equals(actionsTopic)))
                    && now.values().stream().flatMap(Set::stream).filter(tp -> tp.topic().equals(actionsTopic)).count() == partitions
                    && now.values().stream().filter(tps -> tps.stream().anyMatch(tp -> tp.topic().equals(HISTORY_TOPIC))).count() == 1;
            boolean same = ready && now.equals(last.get());
            last.set(now);
            return same;
        });
        return last.get();
    }

    private static Map<String, Set<TopicPartition>> assignment(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(Stack.SCORING_GROUP)).all()
                .get(10, TimeUnit.SECONDS).get(Stack.SCORING_GROUP);
        Map<String, Set<TopicPartition>> out = new TreeMap<>();
        if (group.groupState() != GroupState.STABLE) {
            return out;
        }
        for (MemberDescription m : group.members()) {
            out.put(m.groupInstanceId().orElse(m.consumerId()).replaceFirst("-[0-9]+$", ""), m.assignment().topicPartitions());
        }
        return out;
    }

    private static String holderOfHistory(Map<String, Set<TopicPartition>> assignment) {
        return assignment.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(tp -> tp.topic().equals(HISTORY_TOPIC)))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** How many of the thread's records are on each instance's partitions of the actions topic (once all are there). */
    private static Map<String, Integer> recordsPerInstance(TopicReader actions, Map<String, Set<TopicPartition>> shares, String topic) {
        Set<String> ids = THREAD.ids().keySet();
        List<ConsumerRecord<String, String>> ours = actions.awaitMatching(r -> ids.contains(r.key()), ids.size(), WAIT);
        Map<String, Integer> out = new TreeMap<>();
        shares.forEach((instance, tps) -> out.put(instance, (int) ours.stream()
                .filter(r -> tps.contains(new TopicPartition(topic, r.partition()))).count()));
        return out;
    }

    private static Map<String, Double> decoded(Map<String, String> urls) {
        Map<String, Double> out = new HashMap<>();
        urls.forEach((instance, url) -> out.put(instance, Api.metric(url, "balloon_scoring_decoded_total")));
        return out;
    }

    /** Every score published for the stored actions, by action id in topic order, once the last of each is the stored one. */
    static Map<String, List<String>> awaitPublished(TopicReader scores, Map<String, JsonNode> stored) {
        AtomicReference<Map<String, List<String>>> published = new AtomicReference<>();
        await("the stored scores are the last published").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            published.set(scores.records().stream().filter(r -> stored.containsKey(r.key())).collect(Collectors.groupingBy(
                    ConsumerRecord::key, Collectors.mapping(ConsumerRecord::value, Collectors.toList()))));
            if (!published.get().keySet().equals(stored.keySet())) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : stored.entrySet()) {
                List<String> values = published.get().get(e.getKey());
                if (!e.getValue().equals(Api.JSON.readTree(values.get(values.size() - 1)))) {
                    return false;
                }
            }
            return true;
        });
        return published.get();
    }
}
