package org.balloon.gateway.service;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.domain.StoredScore;
import org.jboss.logging.Logger;

/**
 * One SSE client: a bounded queue drained one event at a time (the next event is written only
 * when the previous write completed), so a slow client fills its own queue and is disconnected
 * with a reason instead of holding anybody else up.
 *
 * <p>Gap-free resume: the session is registered for live scores before the replay starts; live
 * scores arriving during the replay are held back, and afterwards only those with a sequence
 * above the last replayed one are sent. Every send is guarded by {@code seq > lastSent}, so a
 * score is never sent twice.
 */
public final class StreamSession {

    private static final Logger LOG = Logger.getLogger(StreamSession.class);

    private final SseEventSink sink;
    private final Sse sse;
    private final ScoreFilter filter;
    private final int capacity;
    private final Consumer<StreamSession> onClose;
    private final ArrayDeque<OutboundSseEvent> queue = new ArrayDeque<>();
    private final List<StoredScore> heldBack = new ArrayList<>();
    private boolean replaying = true;
    private boolean sending;
    private long closingSince = -1;
    private boolean closed;
    private long lastSent;

    StreamSession(SseEventSink sink, Sse sse, ScoreFilter filter, long lastEventId, int capacity,
            Consumer<StreamSession> onClose) {
        this.sink = sink;
        this.sse = sse;
        this.filter = filter;
        this.lastSent = lastEventId;
        this.capacity = capacity;
        this.onClose = onClose;
    }

    ScoreFilter filter() {
        return filter;
    }

    /** First event: tells the client how long to wait before reconnecting, and flushes the headers. */
    synchronized void open(long reconnectMillis) {
        enqueue(sse.newEventBuilder().comment("balloon score stream").reconnectDelay(reconnectMillis).build());
    }

    /** A score that was just stored. */
    synchronized void live(StoredScore score) {
        if (closed || closingSince >= 0 || !filter.matches(score)) {
            return;
        }
        if (replaying) {
            if (heldBack.size() >= capacity) {
                disconnect("too slow: more than " + capacity + " new scores arrived while replaying");
            } else {
                heldBack.add(score);
            }
            return;
        }
        send(score);
    }

    /**
     * A stored score the client missed. Waits (up to {@code stall}) for the queue to have room,
     * so that a long replay is paced by the client instead of filling memory.
     *
     * @return false when the session is over and the replay should stop
     */
    synchronized boolean replay(StoredScore score, Duration stall) throws InterruptedException {
        long deadline = System.nanoTime() + stall.toNanos();
        while (!closed && closingSince < 0 && queue.size() >= capacity / 2) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                disconnect("too slow: the replay stalled for " + stall.toSeconds() + " s");
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (closed || closingSince >= 0) {
            return false;
        }
        send(score);
        return true;
    }

    /** The replay has caught up with the store: what arrived meanwhile follows, then live scores. */
    synchronized void replayDone() {
        replaying = false;
        heldBack.sort(Comparator.comparingLong(StoredScore::seq));
        heldBack.forEach(this::send);
        heldBack.clear();
    }

    /** A comment line that keeps proxies from closing an idle connection and detects gone clients. */
    synchronized void heartbeat(long nowMillis) {
        if (closed) {
            return;
        }
        if (sink.isClosed()) {
            close();
        } else if (closingSince >= 0) {
            // the goodbye event could not be written (a client that reads nothing): drop it now
            if (nowMillis - closingSince > 5_000) {
                close();
            }
        } else if (queue.size() < capacity) {
            enqueue(sse.newEventBuilder().comment("heartbeat").build());
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Ends the stream with a final {@code disconnect} event that says why. */
    synchronized void disconnect(String reason) {
        if (closed || closingSince >= 0) {
            return;
        }
        LOG.infof("disconnecting a stream client: %s", reason);
        closingSince = System.currentTimeMillis();
        queue.clear();
        heldBack.clear();
        queue.add(sse.newEventBuilder().name("disconnect").mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, "{\"reason\":\"" + reason.replace("\"", "'") + "\"}").build());
        if (!sending) {
            sendNext();
        }
        notifyAll();
    }

    private void send(StoredScore score) {
        if (score.seq() <= lastSent) {
            return;
        }
        if (queue.size() >= capacity) {
            disconnect("too slow: more than " + capacity + " events waiting");
            return;
        }
        lastSent = score.seq();
        enqueue(sse.newEventBuilder().id(Long.toString(score.seq())).name("score")
                .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, score.json()).build());
    }

    private void enqueue(OutboundSseEvent event) {
        queue.add(event);
        if (!sending) {
            sendNext();
        }
    }

    private void sendNext() {
        OutboundSseEvent next = queue.poll();
        if (next == null) {
            sending = false;
            if (closingSince >= 0) {
                close();
            }
            return;
        }
        sending = true;
        if (sink.isClosed()) {
            close();
            return;
        }
        try {
            sink.send(next).whenComplete((ignored, failure) -> sent(failure));
        } catch (IllegalStateException e) {
            // the client went away between the check and the send
            LOG.debugf("stream client gone: %s", e.getMessage());
            close();
        }
    }

    private synchronized void sent(Throwable failure) {
        if (failure != null) {
            LOG.debugf("stream client gone: %s", failure.toString());
            close();
            return;
        }
        notifyAll();
        if (!closed) {
            sendNext();
        }
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        heldBack.clear();
        notifyAll();
        onClose.accept(this);
        if (!sink.isClosed()) {
            sink.close();
        }
    }
}
