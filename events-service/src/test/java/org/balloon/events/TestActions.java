package org.balloon.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.balloon.contracts.BalloonJson;
import org.balloon.testsupport.LocalPostgres;

/** Test data and direct looks into the service's own schema (the real PostgreSQL, never the app's beans). */
final class TestActions {

    static final ObjectMapper JSON = BalloonJson.newMapper();

    private TestActions() {
    }

    /** A valid submission with this title. */
    static Map<String, Object> action(String title) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", title);
        a.put("type", "MARITIME_INTERDICTION");
        a.put("targetCountry", "CO");
        a.put("occurredOn", "2024-05-10");
        a.put("theater", "TERRITORIAL_WATERS");
        a.put("partnerConsent", "FULL");
        a.put("lethalForce", false);
        a.put("leadAgency", "DHS");
        return a;
    }

    static Map<String, Object> with(Map<String, Object> action, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(action);
        copy.put(field, value);
        return copy;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A count from the service's schema; the SQL uses unqualified table names. */
    static long count(String sql, Object... params) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored (published) JSON of an action. */
    static String payload(String id) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("select payload from policy_action where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connection() throws SQLException {
        Connection c = LocalPostgres.connect();
        c.setSchema(LocalPostgres.schema("events"));
        return c;
    }

    static Map<String, Object> readMap(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(json, Map.class);
            return map;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
