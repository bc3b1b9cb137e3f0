package org.balloon.gateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.domain.StoredScore;
import org.balloon.gateway.persistence.ScoreStore;
import org.jboss.logging.Logger;

/**
 * The live fan-out: the score consumer publishes every stored score here, and each SSE client's
 * {@link StreamSession} takes what its filter lets through. In memory and per replica: every
 * replica consumes every score, so every replica streams everything.
 */
@ApplicationScoped
public class ScoreBroadcaster {

    private static final Logger LOG = Logger.getLogger(ScoreBroadcaster.class);
    private static final int REPLAY_PAGE = 200;

    private final Set<StreamSession> sessions = ConcurrentHashMap.newKeySet();
    private final ScoreStore store;
    private final Duration heartbeat;
    private final int clientBuffer;
    private final Duration replayStall;
    private final Duration reconnect;
    private final ScheduledExecutorService ticker;
    private final Counter dropped;

    public ScoreBroadcaster(ScoreStore store, StreamConfig config, MeterRegistry registry) {
        this.store = store;
        Gauge.builder("balloon.gateway.stream.clients", sessions, Set::size)
                .description("open SSE score streams on this replica").register(registry);
        this.dropped = Counter.builder("balloon.gateway.stream.dropped")
                .description("SSE clients disconnected for falling behind (queue full or replay stalled)").register(registry);
        this.heartbeat = config.heartbeat();
        this.clientBuffer = config.clientBuffer();
        this.replayStall = config.replayStall();
        this.reconnect = config.reconnect();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "balloon-stream-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = heartbeat.toMillis();
        ticker.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Hands scores stored together to every open stream, in order. Each score's event text is
     * formatted once here, and each client gets the batch in one write.
     */
    public void publish(List<StoredScore> scores) {
        if (scores.isEmpty() || sessions.isEmpty()) {
            return;
        }
        List<StreamSession.Frame> frames = scores.stream().map(StreamSession.Frame::of).toList();
        for (StreamSession session : sessions) {
            try {
                session.live(frames);
            } catch (RuntimeException e) {
                // one broken client must never hold up the others or the consumer
                LOG.debug("dropping a stream client that failed", e);
                sessions.remove(session);
            }
        }
    }

    public int openStreams() {
        return sessions.size();
    }

    /**
     * Opens a stream: registers for live scores first, then replays from the store what came
     * after {@code lastEventId} (when given), then lets the held-back live scores through.
     * Runs the replay on the calling (worker) thread.
     */
    public void open(StreamWriter writer, ScoreFilter filter, Long lastEventId) {
        StreamSession session = new StreamSession(writer, filter, lastEventId == null ? 0 : lastEventId,
                clientBuffer, sessions::remove);
        session.onDropped(dropped::increment);
        sessions.add(session);
        session.open(reconnect.toMillis());
        if (lastEventId == null) {
            // a new client wants what comes from now on: nothing to replay
            session.replayDone();
            return;
        }
        try {
            long cursor = lastEventId;
            while (true) {
                List<StoredScore> page = store.after(cursor, filter, REPLAY_PAGE);
                for (StoredScore s : page) {
                    if (!session.replay(s, replayStall)) {
                        return;
                    }
                    cursor = s.seq();
                }
                if (page.size() < REPLAY_PAGE) {
                    break;
                }
            }
            session.replayDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.disconnect("server shutting down");
        } catch (RuntimeException e) {
            LOG.warn("replay failed", e);
            session.disconnect("replay failed: " + e.getMessage());
        }
    }

    private void beat() {
        long now = System.currentTimeMillis();
        for (StreamSession session : sessions) {
            try {
                session.heartbeat(now);
            } catch (RuntimeException e) {
                LOG.debug("heartbeat failed", e);
                session.disconnect("heartbeat failed");
            }
        }
    }

    /**
     * The first step of a graceful shutdown: open streams end now, with a {@code disconnect} event,
     * so that their clients reconnect (to another replica, or after the restart, with Last-Event-ID)
     * and the shutdown does not wait its whole timeout for streams that never end by themselves.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        sessions.forEach(s -> s.disconnect("server shutting down"));
    }

    void shutdown(@Observes ShutdownEvent event) {
        ticker.shutdownNow();
        sessions.forEach(s -> s.disconnect("server shutting down"));
    }

    Duration heartbeatInterval() {
        return heartbeat;
    }
}
