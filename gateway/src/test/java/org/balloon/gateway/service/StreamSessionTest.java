package org.balloon.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.domain.StoredScore;
import org.junit.jupiter.api.Test;

/**
 * The per-client stream logic on its own: the merge of replay and live scores (no gap, no
 * repeat), the bounded queue that disconnects a slow client with a reason, and the coalescing
 * of queued events into one write. The writer is a hand-written one whose writes complete only
 * when the test says so, i.e. a client that reads as slowly as the test wants.
 */
class StreamSessionTest {

    @Test
    void liveScoresArrivingDuringTheReplayFollowItWithoutRepeats() throws Exception {
        ControlledWriter sink = new ControlledWriter(true);
        StreamSession session = new StreamSession(sink, ScoreFilter.NONE, 10, 100, s -> { });

        session.live(score(13));          // stored while the replay runs: also in the replay's result
        session.replay(score(11), Duration.ofSeconds(1));
        session.live(score(14));
        session.replay(score(12), Duration.ofSeconds(1));
        session.replay(score(13), Duration.ofSeconds(1));
        session.replayDone();
        session.live(score(14));          // a redelivered broadcast of an id already sent
        session.live(score(15));

        assertThat(sink.scoreIds()).containsExactly("11", "12", "13", "14", "15");
    }

    @Test
    void aClientThatDoesNotReadIsDisconnectedWithAReasonWithoutBlockingTheSender() {
        ControlledWriter sink = new ControlledWriter(false);
        AtomicBoolean removed = new AtomicBoolean();
        StreamSession session = new StreamSession(sink, ScoreFilter.NONE, 0, 4, s -> removed.set(true));
        session.replayDone();

        for (int i = 1; i <= 10; i++) {
            session.live(score(i));       // returns at once even though nothing is written
        }
        assertThat(sink.sent).hasSize(1); // only the first write is in flight

        sink.completeAll();               // the client finally takes what is in flight

        String last = sink.sent.get(sink.sent.size() - 1);
        assertThat(last).startsWith("event: disconnect\ndata: {\"reason\":\"too slow");
        assertThat(sink.closed).isTrue();
        assertThat(removed).isTrue();
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void aClientDroppedForFallingBehindIsCountedOnceAndAShutdownIsNot() {
        java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
        StreamSession slow = new StreamSession(new ControlledWriter(false), ScoreFilter.NONE, 0, 2, s -> { });
        slow.onDropped(dropped::incrementAndGet);
        slow.replayDone();
        for (int i = 1; i <= 10; i++) {
            slow.live(score(i));
        }
        assertThat(dropped).hasValue(1);

        StreamSession other = new StreamSession(new ControlledWriter(true), ScoreFilter.NONE, 0, 2, s -> { });
        other.onDropped(dropped::incrementAndGet);
        other.disconnect("server shutting down");
        assertThat(dropped).hasValue(1);
    }

    @Test
    void aFilteredSessionOnlyTakesMatchingScores() {
        ControlledWriter sink = new ControlledWriter(true);
        ScoreFilter onlyPa = new ScoreFilter("PA", null, null, null, null, null, 50, null);
        StreamSession session = new StreamSession(sink, onlyPa, 0, 10, s -> { });
        session.replayDone();
        session.live(score(1, "PA", 49));
        session.live(score(2, "CO", 90));
        session.live(score(3, "PA", 50));
        assertThat(sink.scoreIds()).containsExactly("3");
    }

    @Test
    void scoresQueuedWhileAWriteIsInFlightGoOutTogetherInTheNextWriteInOrder() {
        ControlledWriter sink = new ControlledWriter(false);
        StreamSession session = new StreamSession(sink, ScoreFilter.NONE, 0, 100, s -> { });
        session.replayDone();

        session.live(score(1));                               // written at once
        session.live(List.of(StreamSession.Frame.of(score(2)), StreamSession.Frame.of(score(3))));
        session.live(score(4));
        assertThat(sink.sent).hasSize(1);

        sink.completeAll();                                   // the first write done: 2, 3, 4 in one

        assertThat(sink.sent).hasSize(2);
        assertThat(sink.sent.get(1)).isEqualTo("id: 2\nevent: score\ndata: {\"seq\":2}\n\n"
                + "id: 3\nevent: score\ndata: {\"seq\":3}\n\n" + "id: 4\nevent: score\ndata: {\"seq\":4}\n\n");
        assertThat(sink.scoreIds()).containsExactly("1", "2", "3", "4");
    }

    @Test
    void dataWithLineBreaksBecomesOneDataLinePerLine() {
        StoredScore multiLine = new StoredScore(7, UUID.randomUUID(), "m1", 50, "PA", "EXTRADITION", null, List.of(), List.of(),
                false, "{\n\"a\":1\r\n}");
        assertThat(SseFrames.score(multiLine)).isEqualTo("id: 7\nevent: score\ndata: {\ndata: \"a\":1\ndata: }\n\n");
    }

    private static StoredScore score(long seq) {
        return score(seq, "PA", 50);
    }

    private static StoredScore score(long seq, String country, int overall) {
        return new StoredScore(seq, UUID.randomUUID(), "m1", overall, country, "EXTRADITION", null, List.of(), List.of(),
                false, "{\"seq\":" + seq + "}");
    }

    /** Records each write; completes it at once, or only on {@link #completeAll()}. */
    static final class ControlledWriter implements StreamWriter {
        private static final Pattern ID = Pattern.compile("(?m)^id: (\\d+)$");
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        final boolean immediate;
        volatile boolean closed;

        ControlledWriter(boolean immediate) {
            this.immediate = immediate;
        }

        List<String> scoreIds() {
            List<String> ids = new ArrayList<>();
            for (String frames : sent) {
                Matcher m = ID.matcher(frames);
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
            return ids;
        }

        void completeAll() {
            while (!pending.isEmpty()) {
                CompletableFuture<Void> f = pending.remove(0);
                f.complete(null);
            }
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> write(byte[] frames) {
            sent.add(new String(frames, StandardCharsets.UTF_8));
            if (immediate) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
