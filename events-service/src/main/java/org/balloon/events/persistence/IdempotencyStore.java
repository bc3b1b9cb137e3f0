package org.balloon.events.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Claims Idempotency-Keys atomically: one insert decides, even for two requests racing with the same key. */
@ApplicationScoped
public class IdempotencyStore {

    /**
     * Claims {@code key} for a new action, in the caller's transaction. An expired key is taken over.
     *
     * @return empty when claimed; otherwise the live entry that holds the key
     */
    public Optional<IdempotencyKeyEntity> claim(String key, String requestHash, UUID actionId, Instant now, Instant expiresAt) {
        // ON CONFLICT waits for a concurrent inserter of the same key to commit, then sees its row
        int inserted = Panache.getEntityManager().createNativeQuery("""
                INSERT INTO {h-schema}idempotency_key (key, request_hash, action_id, created_at, expires_at)
                VALUES (:key, :hash, :actionId, :now, :expiresAt)
                ON CONFLICT (key) DO UPDATE SET request_hash = EXCLUDED.request_hash, action_id = EXCLUDED.action_id,
                    created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                WHERE idempotency_key.expires_at <= EXCLUDED.created_at
                """)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .setParameter("actionId", actionId)
                .setParameter("now", now)
                .setParameter("expiresAt", expiresAt)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(IdempotencyKeyEntity.<IdempotencyKeyEntity>findById(key));
    }

    /** Forgets keys whose retention ended. */
    public long purgeExpired(Instant now) {
        return IdempotencyKeyEntity.delete("expiresAt <= ?1", now);
    }
}
