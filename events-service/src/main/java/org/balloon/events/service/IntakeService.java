package org.balloon.events.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.balloon.access.Caller;
import org.balloon.contracts.PolicyAction;
import org.balloon.events.domain.AcceptedAction;
import org.balloon.events.domain.BatchItem;
import org.balloon.events.domain.NewAction;
import org.balloon.events.domain.Submission;
import org.balloon.events.persistence.ActionEntity;
import org.balloon.events.persistence.ActionWriter;
import org.balloon.events.persistence.IdempotencyKeyEntity;
import org.balloon.events.persistence.IdempotencyStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes validated submissions facts: the action row and its outbox row are written in one
 * transaction, so an action is either stored and (eventually) published, or neither.
 */
@ApplicationScoped
public class IntakeService {

    private final ObjectMapper mapper;
    private final ActionWriter writer;
    private final IdempotencyStore idempotency;
    private final OutboxSignal outbox;
    private final Duration keyRetention;
    private final int chunkSize;

    public IntakeService(ObjectMapper mapper, ActionWriter writer, IdempotencyStore idempotency, OutboxSignal outbox,
            IntakeConfig config, @ConfigProperty(name = "balloon.idempotency.retention") Duration keyRetention) {
        this.mapper = mapper;
        this.writer = writer;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.keyRetention = keyRetention;
        this.chunkSize = config.batchChunkSize();
    }

    /** Stores one action; with an Idempotency-Key already seen for the same body, returns the original instead. */
    public AcceptedAction submit(Submission submission, String idempotencyKey, String traceparent, Caller caller) {
        AcceptedAction accepted = QuarkusTransaction.requiringNew().call(() -> {
            UUID id = UUID.randomUUID();
            Instant now = now();
            if (idempotencyKey != null) {
                String hash = sha256(submission.canonicalJson());
                Optional<IdempotencyKeyEntity> held = idempotency.claim(idempotencyKey, hash, id, now, now.plus(keyRetention));
                if (held.isPresent()) {
                    if (!held.get().requestHash.equals(hash)) {
                        throw new IdempotencyConflictException(idempotencyKey);
                    }
                    ActionEntity original = ActionEntity.findById(held.get().actionId);
                    return new AcceptedAction(original.id, original.receivedAt, true);
                }
            }
            store(submission.action(), id, now, traceparent, caller);
            return new AcceptedAction(id, now, false);
        });
        if (!accepted.replayed()) {
            outbox.committed();
        }
        return accepted;
    }

    /**
     * Stores the valid items of a batch, {@code chunkSize} per transaction (a 10 000-item batch is
     * neither one huge transaction nor 10 000 small ones).
     *
     * @return the accepted actions, aligned with {@code items} (null where an item was invalid)
     */
    public List<AcceptedAction> submitBatch(List<BatchItem> items, String traceparent, Caller caller) {
        List<AcceptedAction> results = new ArrayList<>(items.size());
        items.forEach(i -> results.add(null));
        List<BatchItem> valid = items.stream().filter(BatchItem::isValid).toList();
        for (int from = 0; from < valid.size(); from += chunkSize) {
            List<BatchItem> chunk = valid.subList(from, Math.min(valid.size(), from + chunkSize));
            Instant now = now();
            List<NewAction> rows = new ArrayList<>(chunk.size());
            List<AcceptedAction> stored = new ArrayList<>(chunk.size());
            for (BatchItem item : chunk) {
                UUID id = UUID.randomUUID();
                rows.add(newAction(item.submission().action(), id, now, traceparent, caller));
                stored.add(new AcceptedAction(id, now, false));
            }
            // the JSON is written before the transaction opens: the transaction only holds the inserts
            QuarkusTransaction.requiringNew().run(() -> writer.insert(rows));
            for (int i = 0; i < chunk.size(); i++) {
                results.set(chunk.get(i).index(), stored.get(i));
            }
            outbox.committed();
        }
        return results;
    }

    private void store(PolicyAction submitted, UUID id, Instant receivedAt, String traceparent, Caller caller) {
        writer.insert(List.of(newAction(submitted, id, receivedAt, traceparent, caller)));
    }

    private NewAction newAction(PolicyAction submitted, UUID id, Instant receivedAt, String traceparent, Caller caller) {
        Set<String> organizationKeys = new LinkedHashSet<>();
        if (submitted.targetOrganizations() != null) {
            submitted.targetOrganizations().forEach(o -> organizationKeys.add(organizationKey(o)));
        }
        return new NewAction(id, receivedAt, PolicyAction.SCHEMA_VERSION, submitted.title(), submitted.type(),
                submitted.targetCountry(), submitted.occurredOn(), publishedJson(submitted, id, receivedAt), organizationKeys,
                traceparent, caller.subject(), caller.name());
    }

    /** The JSON that is stored and published: the submission plus id, schemaVersion and receivedAt, in the contract's mapping. */
    private String publishedJson(PolicyAction submitted, UUID id, Instant receivedAt) {
        try {
            // the record itself with the server's fields, so the text is exactly what the contract's mapper writes
            return mapper.writeValueAsString(ServerFields.stamp(submitted, id, receivedAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write action " + id, e);
        }
    }

    /** Organizations are matched case-insensitively and without surrounding blanks. */
    public static String organizationKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Millisecond precision: what PostgreSQL stores equals what the JSON says. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
