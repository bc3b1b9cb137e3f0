package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, "survives a restart", on the real broker and PostgreSQL: the scoring-service's history
 * stores outlive a restart with its state directory kept, and one with it deleted (the stores are
 * restored from their changelog topics). After each, the next capture of a thread rests on the
 * nearest captures before it (a lost store would leave it none), and the start-up re-scoring of the whole record published nothing of the
 * old captures again (their scores did not change).
 */
@Order(3)
class ScoringRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    // no other test and no region of the model uses Thailand; no other test posts in the 1940s
    private static final String COUNTRY = "TH";
    private static final Pattern RESTORED = Pattern.compile("history: (\\d+) actions of the record restored");

    @Test
    void theHistoryOutlivesARestartAndARestoreFromTheChangelog() throws Exception {
        Stack stack = Stack.get();
        CaptureThread thread = new CaptureThread(COUNTRY, "e2e Restart Cartel", LocalDate.of(1941, 1, 6));
        try (TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            for (int n : new int[] {2, 0, 3, 1}) {
                thread.post(n);
            }
            Map<String, List<String>> published = new HashMap<>(ScoringInstancesIT.awaitPublished(scores, thread.awaitCounted(WAIT)));

            // a plain restart: the state directory stays
            restart(stack, false);
            expectNext(thread, scores, published);

            // a restart without the state directory: the stores come back from the changelog topics
            restart(stack, true);
            expectNext(thread, scores, published);
        } finally {
            stack.ensureRunning(Stack.Service.SCORING);
        }
    }

    /** Restarts the scoring-service, without its local state when {@code clean}; waits until it re-scored its whole record once. */
    private static void restart(Stack stack, boolean clean) throws IOException {
        long start = System.nanoTime();
        stack.stop(Stack.Service.SCORING);
        if (clean) {
            Stack.deleteTree(stack.scoringStateDir());
            assertThat(stack.scoringStateDir()).doesNotExist();
        }
        String logBefore = Files.readString(stack.log(Stack.Service.SCORING));
        stack.start(Stack.Service.SCORING);
        stack.awaitReady(Stack.Service.SCORING);
        long ready = (System.nanoTime() - start) / 1_000_000;
        // the history task logs how many actions it restored, then re-scores each of them once
        int[] restored = {-1};
        await("the history task restored and re-scored").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Matcher m = RESTORED.matcher(Files.readString(stack.log(Stack.Service.SCORING)).substring(logBefore.length()));
            restored[0] = m.find() ? Integer.parseInt(m.group(1)) : -1;
            return restored[0] >= 0 && Api.metric(stack.url(Stack.Service.SCORING), "balloon_scoring_scored_total") >= restored[0];
        });
        long rescored = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("ScoringRestartIT: restart %s the state directory: ready %d ms, %d actions restored and re-scored %d ms"
                + " after the stop%n", clean ? "without" : "with", ready, restored[0], rescored);
    }

    /**
     * Posts the thread's next capture: stored counting every capture before it; the old captures'
     * scores were not published again (nothing changed), the new one once.
     */
    private static void expectNext(CaptureThread thread, TopicReader scores, Map<String, List<String>> old) {
        int next = thread.ids().size();
        String id = thread.post(next);
        Map<String, JsonNode> stored = thread.awaitCounted(WAIT);
        assertThat(CaptureThread.earlierActions(stored.get(id))).isEqualTo(CaptureThread.expected(next));
        Map<String, List<String>> published = ScoringInstancesIT.awaitPublished(scores, stored);
        assertThat(published.get(id)).as("the new capture's score on the topic").hasSize(1);
        old.forEach((oldId, values) -> assertThat(published.get(oldId)).as("nothing of " + oldId + " published again").isEqualTo(values));
        old.put(id, published.get(id));
    }
}
