package org.balloon.events;

import static io.restassured.RestAssured.given;
import static org.balloon.events.TestActions.action;
import static org.balloon.events.TestActions.json;
import static org.balloon.events.TestActions.unique;
import static org.balloon.testsupport.Authorized.asAnalyst;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.balloon.testsupport.BalloonInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL unreachable (the application points at a port nobody listens on; the shared server
 * stays up for everyone else): intake refuses with 503 and Retry-After instead of accepting what it
 * cannot record.
 */
@QuarkusTest
@TestProfile(DatabaseDownIT.NoDatabase.class)
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class DatabaseDownIT {

    public static class NoDatabase implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/test",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void intakeAnswers503WithRetryAfterWhenPostgresIsUnreachable() {
        asAnalyst().contentType("application/json").body(json(action(unique("no-db")))).post("/actions")
                .then().statusCode(503).header("Retry-After", "5").contentType(startsWith("application/problem+json"))
                .body("status", equalTo(503)).body("type", equalTo("urn:balloon:problem:database-unavailable"));
        asAnalyst().contentType("application/x-ndjson").body(json(action(unique("no-db"))).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/actions/batch").then().statusCode(503).header("Retry-After", "5");
        asAnalyst().get("/actions").then().statusCode(503).header("Retry-After", "5");
        given().get("/q/health/ready").then().statusCode(503);
    }
}
