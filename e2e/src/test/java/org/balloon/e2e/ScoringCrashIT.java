package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.SseClient;
import org.balloon.testsupport.TestTokens;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a crash between sending a batch of scores and committing the offsets it read. The
 * scoring-service runs with commits an hour apart, scores a batch (every score is on the topic and
 * on the live stream), and is killed with SIGKILL before it commits. Its successor scores the same
 * actions again from the last committed offsets: each score is on the topic again, identical, and still
 * stored once and streamed once.
 */
@Order(3)
class ScoringCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String COUNTRY = "SR";
    private static final int ACTIONS = 25;

    @Test
    void scoresSentAgainAfterACrashBeforeTheCommitAreStoredOnceAndStreamedOnce() throws Exception {
        Stack stack = Stack.get();
        stack.stop(Stack.Service.SCORING);
        stack.start(Stack.Service.SCORING, Map.of("kafka-streams.commit.interval.ms", "3600000"));
        stack.awaitReady(Stack.Service.SCORING);

        try (SseClient stream = new SseClient(stack.gatewayUrl() + "/api/stream/scores?country=" + COUNTRY, null, TestTokens.viewer());
                TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            await().atMost(WAIT).until(() -> stream.status() == 200 && !stream.comments().isEmpty());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ACTIONS; i++) {
                ids.add(Api.submit(Api.action(COUNTRY, "CROP_ERADICATION", "e2e crash " + i)));
            }
            Set<String> ours = Set.copyOf(ids);
            await("every score on the stream").atMost(WAIT)
                    .until(() -> streamedIds(stream, ours).size() == ACTIONS);
            assertThat(scores.awaitMatching(r -> ours.contains(r.key()), ACTIONS, WAIT)).hasSize(ACTIONS);

            stack.kill(Stack.Service.SCORING);
            stack.start(Stack.Service.SCORING);
            stack.awaitReady(Stack.Service.SCORING);

            // nothing was committed: the successor scores every action again, byte for byte (at least
            // once more: with the history stage a record can also be re-read from its repartition topic)
            Map<String, List<String>> perAction = new java.util.HashMap<>();
            await("every score sent again").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                perAction.clear();
                perAction.putAll(scores.records().stream().filter(r -> ours.contains(r.key())).collect(Collectors.groupingBy(
                        ConsumerRecord::key, Collectors.mapping(ConsumerRecord::value, Collectors.toList()))));
                return perAction.size() == ACTIONS && perAction.values().stream().allMatch(v -> v.size() >= 2);
            });
            perAction.forEach((id, values) -> assertThat(values).as("the scores of " + id).containsOnly(values.get(0)));

            // the gateway has read the second copies when a score submitted after them is stored
            String after = Api.submit(Api.action(COUNTRY, "EXTRADITION", "e2e crash after"));
            await("the score submitted after the replay on the stream").atMost(WAIT)
                    .until(() -> streamedIds(stream, Set.of(after)).size() == 1);

            List<SseClient.Event> ourEvents = stream.scores().stream().filter(e -> ours.stream().anyMatch(e.data()::contains)).toList();
            assertThat(ourEvents).as("each score streamed once").hasSize(ACTIONS);
            assertThat(ourEvents.stream().map(SseClient.Event::id).distinct()).hasSize(ACTIONS);
            Api.Answer stored = Api.get("/api/scores?country=" + COUNTRY + "&limit=200");
            assertThat(stored.status()).isEqualTo(200);
            List<String> storedIds = new ArrayList<>();
            stored.json().path("items").forEach(s -> storedIds.add(s.path("score").path("actionId").asText()));
            assertThat(storedIds.stream().filter(ours::contains).toList()).as("each score stored once")
                    .hasSize(ACTIONS).doesNotHaveDuplicates();
        } finally {
            if (!Stack.get().isRunning(Stack.Service.SCORING)) {
                Stack.get().start(Stack.Service.SCORING);
                Stack.get().awaitReady(Stack.Service.SCORING);
            }
        }
    }

    private static Set<String> streamedIds(SseClient stream, Set<String> ids) {
        Function<SseClient.Event, String> actionId = e -> ids.stream().filter(e.data()::contains).findFirst().orElse(null);
        return stream.scores().stream().map(actionId).filter(id -> id != null).collect(Collectors.toSet());
    }
}
