package org.balloon.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL of a test run: {@code QUARKUS_DATASOURCE_JDBC_URL} (and _USERNAME, _PASSWORD)
 * when set, otherwise the machine's server on 127.0.0.1:5432, database {@code test}. Each run
 * works in schemas of its own ({@code <name>_<run id>}), dropped afterwards.
 */
public final class LocalPostgres {

    public static final String URL = env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("QUARKUS_DATASOURCE_USERNAME", "postgres");
    public static final String PASSWORD = env("QUARKUS_DATASOURCE_PASSWORD", "");

    private LocalPostgres() {
    }

    /** This run's name for a service's schema. */
    public static String schema(String base) {
        return base + "_" + TestRun.ID;
    }

    /** Quarkus configuration that points a service at this database and the run's schema. */
    public static Map<String, String> config(String baseSchema) {
        return Map.of(
                "quarkus.datasource.jdbc.url", URL,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "balloon.db.schema", schema(baseSchema));
    }

    public static void dropSchema(String baseSchema) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS \"" + schema(baseSchema) + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema(baseSchema), e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).orElse(fallback);
    }
}
