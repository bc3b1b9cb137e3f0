package org.balloon.bench.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.balloon.bench.http.ScoreStream;

/**
 * When each action's score first arrived on one stream. Waits are bounded and poll at 1 ms: the
 * waiting thread is not on the stream's path, so the poll adds nothing to the measured arrival.
 */
public final class Arrivals implements ScoreStream.Listener {

    private final Map<String, Long> first = new ConcurrentHashMap<>();

    @Override
    public void score(String actionId, long arrivedNanos) {
        first.putIfAbsent(actionId, arrivedNanos);
    }

    public Long of(String actionId) {
        return first.get(actionId);
    }

    /** Waits until every id has arrived or the timeout passed. @return how many are still missing */
    public int await(Collection<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int missing = missing(ids);
            if (missing == 0 || System.nanoTime() > deadline) {
                return missing;
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    public int missing(Collection<String> ids) {
        int missing = 0;
        for (String id : ids) {
            if (!first.containsKey(id)) {
                missing++;
            }
        }
        return missing;
    }

    /** The latest arrival among the ids (all of which arrived). */
    public long last(Collection<String> ids) {
        long last = Long.MIN_VALUE;
        for (String id : ids) {
            last = Math.max(last, first.get(id));
        }
        return last;
    }
}
