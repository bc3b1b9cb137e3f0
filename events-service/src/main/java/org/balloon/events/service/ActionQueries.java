package org.balloon.events.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.balloon.events.domain.ActionFilter;
import org.balloon.events.domain.ActionPage;
import org.balloon.events.persistence.ActionEntity;

/**
 * Reads the record. Lists are newest first by (occurredOn, receivedAt, id) and paged with a keyset
 * token: the position after the last item, so pages stay stable while new actions arrive.
 */
@ApplicationScoped
public class ActionQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private final ObjectMapper mapper;

    public ActionQueries(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One action; with {@code withPrincipals} (admins), also who submitted and who retracted it. */
    @Transactional
    public Optional<ObjectNode> find(UUID id, boolean withPrincipals) {
        return ActionEntity.<ActionEntity>findByIdOptional(id).map(a -> {
            ObjectNode node = view(a);
            if (withPrincipals) {
                principal(node, "submittedBy", a.submittedBySubject, a.submittedByName);
                principal(node, "retractedBy", a.retractedBySubject, a.retractedByName);
            }
            return node;
        });
    }

    private static void principal(ObjectNode node, String field, String subject, String name) {
        if (subject != null) {
            node.putObject(field).put("subject", subject).put("name", name);
        }
    }

    @Transactional
    public ActionPage list(ActionFilter filter, int limit, String pageToken) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.country() != null) {
            where.append(" and a.targetCountry = :country");
            params.put("country", filter.country());
        }
        if (filter.type() != null) {
            where.append(" and a.type = :type");
            params.put("type", filter.type());
        }
        if (filter.organization() != null) {
            where.append(" and :organization member of a.organizationKeys");
            params.put("organization", IntakeService.organizationKey(filter.organization()));
        }
        if (filter.from() != null) {
            where.append(" and a.occurredOn >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and a.occurredOn <= :to");
            params.put("to", filter.to());
        }
        if (!filter.includeRetracted()) {
            where.append(" and a.retractedAt is null");
        }
        if (pageToken != null) {
            Cursor after = Cursor.decode(pageToken, filter.fingerprint());
            where.append(" and (a.occurredOn < :cOn or (a.occurredOn = :cOn and (a.receivedAt < :cAt"
                    + " or (a.receivedAt = :cAt and a.id < :cId))))");
            params.put("cOn", after.occurredOn());
            params.put("cAt", after.receivedAt());
            params.put("cId", after.id());
        }
        TypedQuery<ActionEntity> query = Panache.getEntityManager().createQuery(
                "select a from ActionEntity a where " + where
                        + " order by a.occurredOn desc, a.receivedAt desc, a.id desc", ActionEntity.class);
        params.forEach(query::setParameter);
        List<ActionEntity> rows = query.setMaxResults(limit + 1).getResultList();
        List<ObjectNode> items = new ArrayList<>(Math.min(rows.size(), limit));
        for (int i = 0; i < Math.min(rows.size(), limit); i++) {
            items.add(view(rows.get(i)));
        }
        String next = null;
        if (rows.size() > limit) {
            ActionEntity last = rows.get(limit - 1);
            next = new Cursor(last.occurredOn, last.receivedAt, last.id).encode(filter.fingerprint());
        }
        return new ActionPage(items, next);
    }

    /** The stored JSON, as published, plus the record's retraction state. */
    private ObjectNode view(ActionEntity action) {
        try {
            ObjectNode node = (ObjectNode) mapper.readTree(action.payload);
            node.put("retracted", action.retractedAt != null);
            if (action.retractedAt != null) {
                node.put("retractedAt", action.retractedAt.toString());
                node.put("retractionReason", action.retractionReason);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored action " + action.id + " is not JSON", e);
        }
    }

    /** A page position; the token also binds the filters it was issued for. */
    record Cursor(LocalDate occurredOn, Instant receivedAt, UUID id) {

        String encode(String fingerprint) {
            String raw = occurredOn + "|" + receivedAt + "|" + id + "|" + fingerprint;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token, String fingerprint) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 4) {
                    throw new IllegalArgumentException("wrong shape");
                }
                if (!parts[3].equals(fingerprint)) {
                    throw InvalidRequestException.of("pageToken", "was issued for other filters");
                }
                return new Cursor(LocalDate.parse(parts[0]), Instant.parse(parts[1]), UUID.fromString(parts[2]));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                throw InvalidRequestException.of("pageToken", "is not a token this service issued");
            }
        }
    }
}
