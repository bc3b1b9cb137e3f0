package org.balloon.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import org.balloon.access.Roles;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.SseClient;
import org.balloon.testsupport.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Token buckets per caller (429 problem + Retry-After), stream slots per caller, and the public-read switch. */
@QuarkusTest
@TestProfile(SmallQuotasAndPublicRead.class)
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuotaAndPublicReadIT {

    private static final String READ = "/api/aggregates?groupBy=country";

    @Test
    @Order(1)
    void withPublicReadAnonymousCallersReadButNeverWrite() {
        given().get(READ).then().statusCode(200);
        given().contentType("application/json").body("{}").post("/api/actions").then().statusCode(401);
        given().get("/api/audit").then().statusCode(401);
    }

    @Test
    @Order(2)
    void anAnonymousAddressHasItsOwnSmallerBucket() {
        int status = 200;
        int sent = 0;
        while (status == 200 && sent <= SmallQuotasAndPublicRead.ANONYMOUS_REQUESTS) {
            status = given().get(READ).statusCode();
            sent++;
        }
        assertThat(status).as("answer %d of an anonymous caller", sent).isEqualTo(429);
    }

    @Test
    @Order(3)
    void aCallerOverItsQuotaGetsA429ProblemWithRetryAfterWhileOthersGoOn() {
        String greedy = TestTokens.of(Roles.VIEWER, "greedy");
        for (int i = 0; i < SmallQuotasAndPublicRead.REQUESTS; i++) {
            given().auth().oauth2(greedy).get(READ).then().statusCode(200);
        }
        Response refused = given().auth().oauth2(greedy).get(READ);
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();

        given().auth().oauth2(TestTokens.of(Roles.VIEWER, "patient")).get(READ).then().statusCode(200);
    }

    @Test
    @Order(4)
    void aCallerHoldsAtMostItsStreamSlotsAndGetsOneBackWhenAStreamCloses() throws Exception {
        String token = TestTokens.of(Roles.VIEWER, "streamer");
        String url = "http://localhost:" + RestAssured.port + "/api/stream/scores";
        try (SseClient one = new SseClient(url, null, token); SseClient two = new SseClient(url, null, token)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> one.status() == 200 && two.status() == 200);
            given().auth().oauth2(token).accept("text/event-stream").get("/api/stream/scores").then().statusCode(429)
                    .contentType("application/problem+json");
            one.close();
            // the slot comes back when the server sees the connection end; a few tries stay within the request quota
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                try (SseClient three = new SseClient(url, null, token)) {
                    await().atMost(Duration.ofSeconds(5)).until(() -> three.status() != 0);
                    return three.status() == 200;
                }
            });
        }
    }
}
