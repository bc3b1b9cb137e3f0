package org.balloon.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.balloon.access.Roles;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the service's own OpenAPI document and checks its access rule: the
 * document names the role (the bearer requirement's scope), no token is 401, a token of the role
 * below is 403, the named role is neither, and an expired token, one signed by an untrusted key,
 * one of another issuer and one for another audience are 401. A service's test extends this and
 * adds {@code @QuarkusTest}; it prints the table of operations and roles it proved.
 */
public abstract class AccessContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyOperationNamesItsRoleAndRefusesEveryoneBelowIt() throws Exception {
        JsonNode doc = JSON.readTree(send("GET", "/q/openapi?format=json", null).body);
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .as("bearer security scheme").isEqualTo("bearer");
        Map<String, String> proved = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    continue;
                }
                String method = op.getKey().toUpperCase();
                String name = method + " " + path.getKey();
                String role = requiredRole(op.getValue(), name);
                String url = concrete(path.getKey());

                assertThat(send(method, url, null).status).as(name + " without a token").isEqualTo(401);
                String below = below(role);
                if (below != null) {
                    assertThat(send(method, url, TestTokens.of(below, "walker-" + below)).status)
                            .as(name + " as " + below).isEqualTo(403);
                }
                assertThat(send(method, url, TestTokens.of(role, "walker-" + role)).status)
                        .as(name + " as " + role).isNotIn(401, 403);
                assertThat(send(method, url, TestTokens.expired(role)).status).as(name + " expired token").isEqualTo(401);
                assertThat(send(method, url, TestTokens.wrongSignature(role)).status).as(name + " untrusted signature")
                        .isEqualTo(401);
                assertThat(send(method, url, TestTokens.wrongIssuer(role)).status).as(name + " other issuer").isEqualTo(401);
                assertThat(send(method, url, TestTokens.wrongAudience(role)).status).as(name + " other audience")
                        .isEqualTo(401);
                proved.put(name, role);
            }
        }
        assertThat(proved).as("operations in the document").isNotEmpty();
        StringBuilder table = new StringBuilder("\n| operation | role |\n|---|---|\n");
        proved.forEach((op, role) -> table.append("| `").append(op).append("` | ").append(role).append(" |\n"));
        System.out.println(getClass().getSimpleName() + " proved:" + table);
    }

    @Test
    void aRefusedRequestIsAProblemDocumentWithABearerChallenge() throws Exception {
        Answer answer = send("GET", concrete(anyOperationPath()), TestTokens.expired(Roles.ADMIN));
        assertThat(answer.status).isEqualTo(401);
        assertThat(answer.contentType).startsWith("application/problem+json");
        assertThat(answer.challenge).startsWith("Bearer");
        assertThat(JSON.readTree(answer.body).path("status").asInt()).isEqualTo(401);
    }

    /** A GET operation of the document, for the checks that need just one. */
    private String anyOperationPath() throws IOException, InterruptedException {
        JsonNode doc = JSON.readTree(send("GET", "/q/openapi?format=json", null).body);
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getValue().has("get")) {
                return path.getKey();
            }
        }
        throw new AssertionError("the document has no GET operation");
    }

    /** The one role the operation's bearer requirement names. */
    private static String requiredRole(JsonNode operation, String name) {
        List<String> roles = new ArrayList<>();
        operation.path("security").forEach(req -> req.path("bearer").forEach(r -> roles.add(r.asText())));
        assertThat(roles).as(name + " names exactly one role in its bearer requirement").hasSize(1);
        assertThat(Roles.ALL).as(name + " role").contains(roles.get(0));
        return roles.get(0);
    }

    private static String below(String role) {
        int i = Roles.ALL.indexOf(role);
        return i > 0 ? Roles.ALL.get(i - 1) : null;
    }

    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private record Answer(int status, String contentType, String challenge, String body) {
    }

    /** One request with a JSON body for writes; a streaming answer is closed after its status line. */
    private Answer send(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, application/problem+json, text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{\"reason\":\"access walk\"}"));
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body;
        try (InputStream in = response.body()) {
            body = contentType.startsWith("text/event-stream") ? "" : new String(in.readAllBytes());
        }
        return new Answer(response.statusCode(), contentType, response.headers().firstValue("WWW-Authenticate").orElse(""), body);
    }

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }
}
