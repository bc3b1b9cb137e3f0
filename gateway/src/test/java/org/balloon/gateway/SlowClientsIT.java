package org.balloon.gateway;

import static org.balloon.testsupport.Authorized.asAnalyst;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TestTokens;
import org.balloon.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle their bodies (one byte and then nothing, like 1 byte/s) hold no worker thread:
 * the API keeps answering, and each of them gets a 408 problem and a closed connection once
 * balloon.http.body-timeout (6 s in tests) is over. Before, 200 of them held every worker.
 */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class SlowClientsIT {

    private static final int SLOW_CLIENTS = 250;

    @Test
    void slowBodiesHoldNoWorkerAndAreCutWithA408Problem() throws IOException {
        asAnalyst().get("/api/scores?limit=1").then().statusCode(200); // warm: the probe below measures waiting, not a first call
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", RestAssured.port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/actions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + TestTokens.analyst() + "\r\n"
                        + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            long start = System.nanoTime();
            asAnalyst().get("/api/scores?limit=1").then().statusCode(200); // a blocking endpoint: it needs a worker
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

            for (Socket socket : slow) {
                socket.setSoTimeout(30_000);
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).startsWith("HTTP/1.1 408").containsIgnoringCase("content-type: application/problem+json")
                        .contains("\"status\":408");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyWithoutContentTypeIs415AndADeclaredOversizeIs413BothAsProblems() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> noType = http.send(HttpRequest.newBuilder(uri("/api/actions")).header("Authorization", "Bearer " + TestTokens.analyst())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(noType.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(UpstreamStub.RECEIVED).noneMatch(r -> "{}".equals(r.text()));

        String tooLarge = RawHttp.exchangeHead(RestAssured.port, "POST", "/api/score-preview", "Content-Type: application/json", "Authorization: Bearer " + TestTokens.analyst(),
                "Content-Length: " + 21 * 1024 * 1024);
        assertThat(tooLarge).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413");

        given().get("/api/nothing-here").then().statusCode(404).contentType(startsWith("application/problem+json"));
        asAnalyst().contentType("application/json").body("{}").delete("/api/actions").then().statusCode(405)
                .contentType(startsWith("application/problem+json"));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }
}
