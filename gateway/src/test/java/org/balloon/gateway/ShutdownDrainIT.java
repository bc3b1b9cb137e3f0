package org.balloon.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.RawHttp;
import org.balloon.testsupport.SseClient;
import org.balloon.testsupport.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The start of a graceful shutdown (Quarkus' ShutdownDelayInitiatedEvent, fired here as a SIGTERM
 * fires it): open SSE streams end at once with a {@code disconnect} event, new requests answer 503
 * problem+json with Retry-After. And a failure of the router itself (a chunked body over the limit)
 * is a problem too. The drain is last: it leaves this application refusing everything.
 */
@QuarkusTest
@TestProfile(ShutdownDrainIT.SmallBodies.class)
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShutdownDrainIT {

    /** A body limit a test can pass with a few bytes. */
    public static class SmallBodies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "1K");
        }
    }

    @Inject
    Event<ShutdownDelayInitiatedEvent> shutdown;

    @Test
    @Order(1)
    void aChunkedBodyOverTheLimitIsA413Problem() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/score-preview HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + TestTokens.analyst() + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("800\r\n" + "x".repeat(0x800) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                out.write(chunk);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and closed before the whole body was sent: read that answer
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":413");
        }
    }

    @Test
    @Order(2)
    void aShutdownEndsOpenStreamsAtOnceAndRefusesNewRequestsWith503AndRetryAfter() throws Exception {
        String stream = "http://localhost:" + RestAssured.port + "/api/stream/scores";
        try (SseClient client = new SseClient(stream, null, TestTokens.viewer())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> client.status() == 200 && client.retryMillis() >= 0);
            assertThat(client.retryMillis()).isEqualTo(1000);

            long start = System.nanoTime();
            shutdown.fire(new ShutdownDelayInitiatedEvent());

            await().atMost(Duration.ofSeconds(5)).until(client::ended);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(client.events()).anySatisfy(e -> {
                assertThat(e.name()).isEqualTo("disconnect");
                assertThat(e.data()).contains("shutting down");
            });
        }
        String refused = RawHttp.exchangeHead(RestAssured.port, "GET", "/api/model", "Authorization: Bearer " + TestTokens.viewer());
        assertThat(refused).startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 2")
                .containsIgnoringCase("content-type: application/problem+json").contains("\"status\":503");
    }
}
