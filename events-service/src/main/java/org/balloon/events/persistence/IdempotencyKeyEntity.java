package org.balloon.events.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A remembered Idempotency-Key of POST /actions: the hash of the canonical body and the action it created. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKeyEntity extends PanacheEntityBase {

    @Id
    @Column(name = "key")
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Column(name = "action_id", nullable = false)
    public UUID actionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
