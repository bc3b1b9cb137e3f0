package org.balloon.events.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A record waiting to be (or already) published on the actions topic. Written in the same
 * transaction as the change it announces; {@code payload == null} is a tombstone.
 */
@Entity
@Table(name = "outbox_record")
public class OutboxEntity extends PanacheEntityBase {

    // one value per row: ActionWriter inserts intake rows in bulk with nextval of the same sequence
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 1)
    public Long seq;

    @Column(name = "action_id", nullable = false)
    public UUID actionId;

    public String payload;

    @Column(length = 128)
    public String traceparent;

    /** The subject of who caused the record, published as the balloon-principal header. */
    @Column(length = 255)
    public String principal;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "kafka_partition")
    public Integer kafkaPartition;

    @Column(name = "kafka_offset")
    public Long kafkaOffset;

    public static OutboxEntity of(UUID actionId, String payload, String traceparent, String principal, Instant createdAt) {
        OutboxEntity o = new OutboxEntity();
        o.principal = principal;
        o.actionId = actionId;
        o.payload = payload;
        o.traceparent = traceparent;
        o.createdAt = createdAt;
        return o;
    }

    public boolean isTombstone() {
        return payload == null;
    }
}
