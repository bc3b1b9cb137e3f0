package org.balloon.events.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.balloon.events.domain.NewAction;

/**
 * Writes accepted actions and their outbox rows in bulk, inside the caller's transaction: three
 * statements for a whole chunk (actions, organisation keys, outbox rows), each one multi-row
 * {@code INSERT ... SELECT FROM unnest(arrays)}, instead of one entity and one round trip at a time.
 * The rows are exactly what {@link ActionEntity} and {@link OutboxEntity} map, so reads go on
 * through Hibernate.
 */
@ApplicationScoped
public class ActionWriter {

    private static final String INSERT_ACTIONS = """
            INSERT INTO policy_action (id, received_at, schema_version, title, type, target_country, occurred_on, payload,
                                       submitted_by_subject, submitted_by_name)
            SELECT u.id::uuid, u.received_at::timestamptz, u.schema_version::integer, u.title, u.type, u.target_country,
                   u.occurred_on::date, u.payload, u.subject, u.name
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS u(id, received_at, schema_version, title, type, target_country, occurred_on, payload, subject, name)
            """;

    private static final String INSERT_ORGANIZATIONS = """
            INSERT INTO action_organization (action_id, name_key)
            SELECT u.action_id::uuid, u.name_key FROM unnest(?::text[], ?::text[]) AS u(action_id, name_key)
            ON CONFLICT DO NOTHING
            """;

    // ordinality keeps the outbox sequence in intake order
    private static final String INSERT_OUTBOX = """
            INSERT INTO outbox_record (seq, action_id, payload, traceparent, principal, created_at)
            SELECT nextval('outbox_seq'), u.action_id::uuid, u.payload, u.traceparent, u.principal, u.created_at::timestamptz
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                 AS u(action_id, payload, traceparent, principal, created_at, ord)
            ORDER BY u.ord
            """;

    private final DataSource dataSource;

    public ActionWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the actions and one outbox row each; must run inside a transaction. */
    public void insert(List<NewAction> actions) {
        if (actions.isEmpty()) {
            return;
        }
        int n = actions.size();
        String[][] a = new String[10][n];
        String[] outboxTrace = new String[n];
        List<String> orgActions = new ArrayList<>();
        List<String> orgKeys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewAction x = actions.get(i);
            String id = x.id().toString();
            a[0][i] = id;
            a[1][i] = x.receivedAt().toString();
            a[2][i] = Integer.toString(x.schemaVersion());
            a[3][i] = x.title();
            a[4][i] = x.type().name();
            a[5][i] = x.targetCountry();
            a[6][i] = x.occurredOn().toString();
            a[7][i] = x.payload();
            a[8][i] = x.submittedBySubject();
            a[9][i] = x.submittedByName();
            outboxTrace[i] = x.traceparent();
            for (String key : x.organizationKeys()) {
                orgActions.add(id);
                orgKeys.add(key);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_ACTIONS)) {
                for (int col = 0; col < a.length; col++) {
                    ps.setArray(col + 1, c.createArrayOf("text", a[col]));
                }
                ps.executeUpdate();
            }
            if (!orgKeys.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_ORGANIZATIONS)) {
                    ps.setArray(1, c.createArrayOf("text", orgActions.toArray()));
                    ps.setArray(2, c.createArrayOf("text", orgKeys.toArray()));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_OUTBOX)) {
                ps.setArray(1, c.createArrayOf("text", a[0]));
                ps.setArray(2, c.createArrayOf("text", a[7]));
                ps.setArray(3, c.createArrayOf("text", outboxTrace));
                ps.setArray(4, c.createArrayOf("text", a[8]));
                ps.setArray(5, c.createArrayOf("text", a[1]));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot store " + n + " actions", e);
        }
    }

    /** A failed bulk write; its cause keeps the SQLSTATE (the REST layer maps unavailability to 503). */
    public static class PersistenceFailure extends RuntimeException {
        public PersistenceFailure(String message, SQLException cause) {
            super(message, cause);
        }
    }

}
