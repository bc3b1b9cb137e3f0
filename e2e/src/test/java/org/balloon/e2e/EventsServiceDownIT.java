package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Acceptance 4: with the events service stopped, a submission is a fast 503 problem. Runs last: it stops the service. */
@Order(4)
class EventsServiceDownIT {

    @BeforeAll
    static void stopEventsService() {
        Stack.get().stop(Stack.Service.EVENTS);
    }

    @Test
    void postingAnActionAnswers503ProblemWithinTwoSeconds() {
        long start = System.nanoTime();
        Api.Answer a = Api.post("/api/actions", Api.action("CO", "MARITIME_INTERDICTION", "e2e while down"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(a.status()).isEqualTo(503);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.header("Retry-After")).matches("\\d+");
        assertThat(a.json().path("status").asInt()).isEqualTo(503);
        assertThat(a.json().path("detail").asText()).contains("events-service");
        assertThat(millis).isLessThan(2_000);

        // the gateway's own store still answers
        assertThat(Api.get("/api/aggregates?groupBy=country").status()).isEqualTo(200);
    }
}
