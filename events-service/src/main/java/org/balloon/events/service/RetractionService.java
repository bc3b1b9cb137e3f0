package org.balloon.events.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.balloon.access.Caller;
import org.balloon.events.domain.Retraction;
import org.balloon.events.persistence.ActionEntity;
import org.balloon.events.persistence.OutboxEntity;

/**
 * Retracts an action: it stays in the record, marked, and a tombstone goes through the same
 * outbox after the action's own record, so consumers drop it.
 */
@ApplicationScoped
public class RetractionService {

    private final OutboxSignal outbox;

    public RetractionService(OutboxSignal outbox) {
        this.outbox = outbox;
    }

    /**
     * Idempotent: retracting a retracted action answers the first retraction and publishes nothing.
     * An analyst may retract only what it submitted ({@code mayRetractAny} is the admin's right).
     */
    public Retraction retract(UUID id, String reason, String traceparent, Caller caller, boolean mayRetractAny) {
        Retraction result = QuarkusTransaction.requiringNew().call(() -> {
            ActionEntity action = ActionEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (action == null) {
                throw new ActionNotFoundException(id.toString());
            }
            if (!mayRetractAny && (caller.subject() == null || !caller.subject().equals(action.submittedBySubject))) {
                throw new ForbiddenException("an analyst may retract only the actions it submitted; action " + id
                        + " was submitted by someone else");
            }
            if (action.retractedAt != null) {
                return new Retraction(id, action.retractedAt, true);
            }
            action.retractedAt = IntakeService.now();
            action.retractionReason = reason;
            action.retractedBySubject = caller.subject();
            action.retractedByName = caller.name();
            Panache.getEntityManager().persist(OutboxEntity.of(id, null, traceparent, caller.subject(), action.retractedAt));
            return new Retraction(id, action.retractedAt, false);
        });
        if (!result.alreadyRetracted()) {
            outbox.committed();
        }
        return result;
    }
}
