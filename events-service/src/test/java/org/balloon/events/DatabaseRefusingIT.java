package org.balloon.events;

import static org.balloon.testsupport.Authorized.asAnalyst;
import static io.restassured.RestAssured.given;
import static org.balloon.events.TestActions.action;
import static org.balloon.events.TestActions.json;
import static org.balloon.events.TestActions.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL answers but refuses connections ("database ... is not currently accepting
 * connections", as during a failover): that is unavailability too, 503 with Retry-After, never 500.
 * The refusing database is one of the test's own, created without ALLOW_CONNECTIONS.
 */
@QuarkusTest
@TestProfile(DatabaseRefusingIT.RefusingDatabase.class)
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class DatabaseRefusingIT {

    static final AtomicBoolean CREATED = new AtomicBoolean();
    static final String DATABASE = "balloon_refusing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public static class RefusingDatabase implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            if (CREATED.compareAndSet(false, true)) {
                sql("create database " + DATABASE + " with allow_connections false");
            }
            return Map.of("quarkus.datasource.jdbc.url", LocalPostgres.URL.replaceFirst("/[^/?]+(\\?.*)?$", "/" + DATABASE),
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    @AfterAll
    static void dropDatabase() {
        sql("drop database if exists " + DATABASE);
    }

    @Test
    void aDatabaseNotAcceptingConnectionsIsAnswered503WithRetryAfter() {
        asAnalyst().contentType("application/json").body(json(action(unique("refused")))).post("/actions")
                .then().statusCode(503).header("Retry-After", "5").contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:balloon:problem:database-unavailable"));
        asAnalyst().get("/actions").then().statusCode(503).header("Retry-After", "5");
        asAnalyst().get("/actions/" + UUID.randomUUID()).then().statusCode(503).header("Retry-After", "5");
    }

    private static void sql(String statement) {
        try (Connection c = LocalPostgres.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
