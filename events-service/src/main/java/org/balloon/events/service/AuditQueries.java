package org.balloon.events.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.balloon.events.domain.AuditEntry;
import org.balloon.events.domain.AuditFilter;
import org.balloon.events.domain.AuditPage;

/**
 * The audit trail, read from the record itself: every action is a submission (received_at,
 * submitted_by_*) and every retracted one also a retraction (retracted_at, retracted_by_*). Both
 * are written in the transaction that makes the fact, so the trail cannot miss one. Newest first,
 * keyset-paged on (at, action id, kind).
 */
@ApplicationScoped
public class AuditQueries {

    public static final int MAX_PAGE_SIZE = 200;

    @Transactional
    public AuditPage list(AuditFilter filter, int limit, String pageToken) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder submitted = new StringBuilder("select 'SUBMITTED' as kind, id, received_at as at, submitted_by_subject as subject,"
                + " submitted_by_name as name, title, cast(null as varchar) as reason from {h-schema}policy_action where true");
        StringBuilder retracted = new StringBuilder("select 'RETRACTED', id, retracted_at, retracted_by_subject,"
                + " retracted_by_name, title, retraction_reason from {h-schema}policy_action where retracted_at is not null");
        if (filter.principal() != null) {
            submitted.append(" and (submitted_by_subject = :principal or submitted_by_name = :principal)");
            retracted.append(" and (retracted_by_subject = :principal or retracted_by_name = :principal)");
            params.put("principal", filter.principal());
        }
        window(submitted, "received_at", filter, params);
        window(retracted, "retracted_at", filter, params);
        String where = "";
        if (pageToken != null) {
            Cursor after = Cursor.decode(pageToken, filter.fingerprint());
            where = " where (e.at < :cAt or (e.at = :cAt and (e.id < :cId or (e.id = :cId and e.kind < :cKind))))";
            params.put("cAt", Timestamp.from(after.at()));
            params.put("cId", after.id());
            params.put("cKind", after.kind().name());
        }
        Query query = Panache.getEntityManager().createNativeQuery("select e.kind, e.id, e.at, e.subject, e.name, e.title, e.reason from ("
                + submitted + " union all " + retracted + ") e" + where + " order by e.at desc, e.id desc, e.kind desc");
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
        List<AuditEntry> items = new ArrayList<>(Math.min(limit, rows.size()));
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(entry(rows.get(i)));
        }
        String next = null;
        if (rows.size() > limit) {
            AuditEntry last = items.get(limit - 1);
            next = new Cursor(last.at(), last.actionId(), last.kind()).encode(filter.fingerprint());
        }
        return new AuditPage(items, next);
    }

    private static void window(StringBuilder sql, String column, AuditFilter filter, Map<String, Object> params) {
        if (filter.from() != null) {
            sql.append(" and ").append(column).append(" >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and ").append(column).append(" < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
    }

    private static AuditEntry entry(Object[] row) {
        String subject = (String) row[3];
        return new AuditEntry(instant(row[2]), AuditEntry.Kind.valueOf((String) row[0]), (UUID) row[1], (String) row[5],
                subject == null ? null : new AuditEntry.Principal(subject, (String) row[4]), (String) row[6]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    record Cursor(Instant at, UUID id, AuditEntry.Kind kind) {

        String encode(String fingerprint) {
            String raw = at + "|" + id + "|" + kind + "|" + fingerprint;
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
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]), AuditEntry.Kind.valueOf(parts[2]));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                throw InvalidRequestException.of("pageToken", "is not a token this service issued");
            }
        }
    }
}
