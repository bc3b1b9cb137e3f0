package org.balloon.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.domain.StoredScore;
import org.junit.jupiter.api.Test;

/**
 * The per-client stream logic on its own: the merge of replay and live scores (no gap, no
 * repeat) and the bounded queue that disconnects a slow client with a reason. The sink is a
 * hand-written one whose writes complete only when the test says so, i.e. a client that reads
 * as slowly as the test wants.
 */
class StreamSessionTest {

    @Test
    void liveScoresArrivingDuringTheReplayFollowItWithoutRepeats() throws Exception {
        ControlledSink sink = new ControlledSink(true);
        StreamSession session = new StreamSession(sink, new SimpleSse(), ScoreFilter.NONE, 10, 100, s -> { });

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
        ControlledSink sink = new ControlledSink(false);
        AtomicBoolean removed = new AtomicBoolean();
        StreamSession session = new StreamSession(sink, new SimpleSse(), ScoreFilter.NONE, 0, 4, s -> removed.set(true));
        session.replayDone();

        for (int i = 1; i <= 10; i++) {
            session.live(score(i));       // returns at once even though nothing is written
        }
        assertThat(sink.sent).hasSize(1); // only the first write is in flight

        sink.completeAll();               // the client finally takes what is in flight

        OutboundSseEvent last = sink.sent.get(sink.sent.size() - 1);
        assertThat(last.getName()).isEqualTo("disconnect");
        assertThat((String) last.getData()).contains("too slow");
        assertThat(sink.closed).isTrue();
        assertThat(removed).isTrue();
        assertThat(session.isClosed()).isTrue();
    }

    @Test
    void aFilteredSessionOnlyTakesMatchingScores() {
        ControlledSink sink = new ControlledSink(true);
        ScoreFilter onlyPa = new ScoreFilter("PA", null, null, null, null, null, 50, null);
        StreamSession session = new StreamSession(sink, new SimpleSse(), onlyPa, 0, 10, s -> { });
        session.replayDone();
        session.live(score(1, "PA", 49));
        session.live(score(2, "CO", 90));
        session.live(score(3, "PA", 50));
        assertThat(sink.scoreIds()).containsExactly("3");
    }

    private static StoredScore score(long seq) {
        return score(seq, "PA", 50);
    }

    private static StoredScore score(long seq, String country, int overall) {
        return new StoredScore(seq, UUID.randomUUID(), "m1", overall, country, "EXTRADITION", null, List.of(), List.of(),
                false, "{\"seq\":" + seq + "}");
    }

    /** Records what is sent; completes each write at once, or only on {@link #completeAll()}. */
    static final class ControlledSink implements SseEventSink {
        final List<OutboundSseEvent> sent = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        final boolean immediate;
        volatile boolean closed;

        ControlledSink(boolean immediate) {
            this.immediate = immediate;
        }

        List<String> scoreIds() {
            return sent.stream().filter(e -> "score".equals(e.getName())).map(OutboundSseEvent::getId).toList();
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
        public CompletionStage<?> send(OutboundSseEvent event) {
            sent.add(event);
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

    /** Just enough of {@link Sse} to build events. */
    static final class SimpleSse implements Sse {
        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            return new Builder();
        }

        @Override
        public SseBroadcaster newBroadcaster() {
            throw new UnsupportedOperationException("not used by the session");
        }
    }

    record Event(String getId, String getName, String getComment, long getReconnectDelay, Object getData,
            MediaType getMediaType) implements OutboundSseEvent {
        @Override
        public boolean isReconnectDelaySet() {
            return getReconnectDelay >= 0;
        }

        @Override
        public Class<?> getType() {
            return getData == null ? null : getData.getClass();
        }

        @Override
        public Type getGenericType() {
            return getType();
        }
    }

    static final class Builder implements OutboundSseEvent.Builder {
        private String id;
        private String name;
        private String comment;
        private long delay = -1;
        private Object data;
        private MediaType mediaType;

        @Override
        public OutboundSseEvent.Builder id(String id) {
            this.id = id;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder reconnectDelay(long milliseconds) {
            this.delay = milliseconds;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder mediaType(MediaType mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Class type, Object data) {
            this.data = data;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(GenericType type, Object data) {
            this.data = data;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Object data) {
            this.data = data;
            return this;
        }

        @Override
        public OutboundSseEvent build() {
            return new Event(id, name, comment, delay, data, mediaType);
        }
    }
}
