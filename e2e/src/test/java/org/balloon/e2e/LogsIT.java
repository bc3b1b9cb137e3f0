package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.balloon.access.Roles;
import org.balloon.testsupport.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The packaged services log at their production level (INFO): neither a caller's token nor what
 * it wrote may end up in the logs, also when the request fails.
 */
@Order(3)
class LogsIT {

    @Test
    void noTokenAndNoRequestBodyReachesTheLogs() throws Exception {
        String token = TestTokens.of(Roles.ANALYST, "log-probe-" + System.nanoTime());
        String marker = "log-marker-" + System.nanoTime();
        Map<String, Object> action = Api.action("CO", "MARITIME_INTERDICTION", marker);
        Api.Answer accepted = Api.post("/api/actions", action, token);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.get("/api/scores/" + id).status() == 200);
        // and through the failure paths: an invalid body, a refused token, a preview, a retraction
        Map<String, Object> invalid = Api.action("ZZ", "MARITIME_INTERDICTION", marker);
        assertThat(Api.post("/api/actions", invalid, token).status()).isEqualTo(400);
        assertThat(Api.post("/api/actions", action, TestTokens.expired(Roles.ANALYST) + marker).status()).isEqualTo(401);
        assertThat(Api.post("/api/score-preview", action, token).status()).isEqualTo(200);
        assertThat(Api.post("/api/actions/" + id + "/retract", Map.of("reason", marker), token).status()).isEqualTo(202);

        for (Stack.Service service : Stack.Service.values()) {
            String log = Files.readString(Stack.get().log(service), StandardCharsets.UTF_8);
            assertThat(log).as(service + " log holds lines").isNotBlank();
            assertThat(log).as(service + " log: the token").doesNotContain(token)
                    .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
            assertThat(log).as(service + " log: what the caller wrote").doesNotContain(marker);
        }
    }
}
