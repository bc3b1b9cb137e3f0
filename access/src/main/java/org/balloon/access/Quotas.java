package org.balloon.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Token buckets (Bucket4j) per caller: one for requests, one semaphore for open streams. A caller
 * is its token's subject, or its client address when anonymous. Buckets live in this process:
 * the limits are per replica. Idle callers are forgotten after an hour.
 */
@ApplicationScoped
public class Quotas {

    private final boolean enabled;
    private final long perCaller;
    private final long perAnonymousAddress;
    private final Duration period;
    private final int streamsPerCaller;
    private final Cache<String, Bucket> requestBuckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();
    private final Cache<String, Semaphore> streams = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

    public Quotas(@ConfigProperty(name = "balloon.quota.enabled") boolean enabled,
            @ConfigProperty(name = "balloon.quota.requests") long perCaller,
            @ConfigProperty(name = "balloon.quota.anonymous-requests") long perAnonymousAddress,
            @ConfigProperty(name = "balloon.quota.period") Duration period,
            @ConfigProperty(name = "balloon.quota.streams") int streamsPerCaller) {
        this.enabled = enabled;
        this.perCaller = perCaller;
        this.perAnonymousAddress = perAnonymousAddress;
        this.period = period;
        this.streamsPerCaller = streamsPerCaller;
    }

    /** Takes one request from the caller's bucket, or throws with the time until the next one is free. */
    public void request(SecurityIdentity identity, HttpServerRequest http) {
        if (!enabled) {
            return;
        }
        String key = key(identity, http);
        long capacity = key.startsWith("address:") ? perAnonymousAddress : perCaller;
        Bucket bucket = requestBuckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new QuotaExceededException("at most " + capacity + " requests per " + period.toSeconds()
                    + " s for one caller", TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        }
    }

    /**
     * Takes one of the caller's stream slots, or throws when all are taken.
     *
     * @return what gives the slot back when the stream ends (call it exactly once)
     */
    public Runnable openStream(SecurityIdentity identity, HttpServerRequest http) {
        if (!enabled) {
            return () -> { };
        }
        Semaphore slots = streams.get(key(identity, http), k -> new Semaphore(streamsPerCaller));
        if (!slots.tryAcquire()) {
            throw new QuotaExceededException("at most " + streamsPerCaller + " open streams for one caller", 5);
        }
        return slots::release;
    }

    static String key(SecurityIdentity identity, HttpServerRequest http) {
        Caller caller = Caller.of(identity);
        if (!caller.isAnonymous()) {
            return "subject:" + caller.subject();
        }
        return "address:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }
}
