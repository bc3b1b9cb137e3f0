package org.balloon.gateway.service;

import java.nio.charset.StandardCharsets;
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
 * One SSE client: a bounded queue of frames, drained by one write at a time (the next write
 * starts when the previous one completed, and takes everything queued meanwhile, so a busy
 * stream costs one write per batch rather than per score). A slow client fills its own queue
 * and is disconnected with a reason instead of holding anybody else up.
 *
 * <p>Gap-free resume: the session is registered for live scores before the replay starts; live
 * scores arriving during the replay are held back, and afterwards only those with a sequence
 * above the last replayed one are sent. Every send is guarded by {@code seq > lastSent}, so a
 * score is never sent twice.
 */
public final class StreamSession {

    private static final Logger LOG = Logger.getLogger(StreamSession.class);

    private final StreamWriter writer;
    private final ScoreFilter filter;
    private final int capacity;
    private final Consumer<StreamSession> onClose;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final List<StoredScore> heldBack = new ArrayList<>();
    private boolean replaying = true;
    private boolean sending;
    private long closingSince = -1;
    private boolean closed;
    private long lastSent;
    // counts a client dropped for falling behind (balloon.gateway.stream.dropped)
    private Runnable onDropped = () -> { };

    StreamSession(StreamWriter writer, ScoreFilter filter, long lastEventId, int capacity,
            Consumer<StreamSession> onClose) {
        this.writer = writer;
        this.filter = filter;
        this.lastSent = lastEventId;
        this.capacity = capacity;
        this.onClose = onClose;
    }

    ScoreFilter filter() {
        return filter;
    }

    void onDropped(Runnable action) {
        this.onDropped = action;
    }

    /** First event: tells the client how long to wait before reconnecting, and flushes the headers. */
    synchronized void open(long reconnectMillis) {
        enqueue(SseFrames.retry(reconnectMillis));
    }

    /** A score that was just stored. */
    synchronized void live(StoredScore score) {
        live(List.of(new Frame(score, null)));
    }

    /** Scores stored together (one poll of the consumer): queued, then written in one go. */
    synchronized void live(List<Frame> scores) {
        if (closed || closingSince >= 0) {
            return;
        }
        for (Frame f : scores) {
            if (closed || closingSince >= 0) {
                return;
            }
            if (!filter.matches(f.score())) {
                continue;
            }
            if (replaying) {
                if (heldBack.size() >= capacity) {
                    disconnect("too slow: more than " + capacity + " new scores arrived while replaying");
                } else {
                    heldBack.add(f.score());
                }
            } else {
                queue(f.score(), f.bytes());
            }
        }
        flush();
    }

    /**
     * A stored score with its event, formatted and UTF-8 encoded once for all the clients it goes
     * to (encoding the same text once per client was most of the fan-out's CPU).
     */
    public record Frame(StoredScore score, byte[] bytes) {
        public static Frame of(StoredScore score) {
            return new Frame(score, utf8(SseFrames.score(score)));
        }
    }

    private static byte[] utf8(String frame) {
        return frame.getBytes(StandardCharsets.UTF_8);
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
        queue(score, null);
        flush();
        return true;
    }

    /** The replay has caught up with the store: what arrived meanwhile follows, then live scores. */
    synchronized void replayDone() {
        replaying = false;
        heldBack.sort(Comparator.comparingLong(StoredScore::seq));
        heldBack.forEach(s -> queue(s, null));
        heldBack.clear();
        flush();
    }

    /** A comment line that keeps proxies from closing an idle connection and detects gone clients. */
    synchronized void heartbeat(long nowMillis) {
        if (closed) {
            return;
        }
        if (writer.isClosed()) {
            close();
        } else if (closingSince >= 0) {
            // the goodbye event could not be written (a client that reads nothing): drop it now
            if (nowMillis - closingSince > 5_000) {
                close();
            }
        } else if (queue.size() < capacity) {
            enqueue(SseFrames.comment("heartbeat"));
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
        if (reason.startsWith("too slow")) {
            onDropped.run();
        }
        closingSince = System.currentTimeMillis();
        queue.clear();
        heldBack.clear();
        queue.add(utf8(SseFrames.event("disconnect", "{\"reason\":\"" + reason.replace("\"", "'") + "\"}")));
        flush();
        notifyAll();
    }

    /** Queues a score unless it was sent already; {@code bytes} is its frame when already encoded. */
    private void queue(StoredScore score, byte[] bytes) {
        if (score.seq() <= lastSent || closed || closingSince >= 0) {
            return;
        }
        if (queue.size() >= capacity) {
            disconnect("too slow: more than " + capacity + " events waiting");
            return;
        }
        lastSent = score.seq();
        queue.add(bytes != null ? bytes : utf8(SseFrames.score(score)));
    }

    private void enqueue(String frame) {
        queue.add(utf8(frame));
        flush();
    }

    private void flush() {
        if (!sending) {
            sendNext();
        }
    }

    private void sendNext() {
        if (queue.isEmpty()) {
            sending = false;
            if (closingSince >= 0) {
                close();
            }
            return;
        }
        sending = true;
        if (writer.isClosed()) {
            close();
            return;
        }
        int size = 0;
        for (byte[] f : queue) {
            size += f.length;
        }
        byte[] frames = new byte[size];
        int at = 0;
        for (byte[] f = queue.poll(); f != null; f = queue.poll()) {
            System.arraycopy(f, 0, frames, at, f.length);
            at += f.length;
        }
        try {
            writer.write(frames).whenComplete((ignored, failure) -> sent(failure));
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
        if (!writer.isClosed()) {
            writer.close();
        }
    }
}
