package org.balloon.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.balloon.testsupport.TestTokens;

/** The gateway's public API as a test calls it: plain HTTP, JSON in and out, as an analyst unless told otherwise. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, Map<String, java.util.List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private Api() {
    }

    static Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** GET from another service than the gateway (e.g. its /q/metrics), as an analyst. */
    static Answer get(String baseUrl, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A counter's value in a service's Prometheus exposition ({@code /q/metrics}), summed over its series; 0 when absent. */
    static double metric(String baseUrl, String name) {
        Answer a = get(baseUrl, "/q/metrics");
        if (a.status() != 200) {
            throw new AssertionError(baseUrl + "/q/metrics answered " + a.status());
        }
        return a.body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    static Answer post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts an action and answers its id (asserting the 202). */
    static String submit(Map<String, Object> action) {
        Answer a = post("/api/actions", action);
        if (a.status() != 202) {
            throw new AssertionError("POST /api/actions answered " + a.status() + ": " + a.body());
        }
        return a.json().path("id").asText();
    }

    static Map<String, Object> action(String country, String type, String title) {
        return new java.util.LinkedHashMap<>(Map.of(
                "title", title + " " + UUID.randomUUID().toString().substring(0, 8),
                "type", type,
                "targetCountry", country,
                "occurredOn", "2024-05-10",
                "theater", "TERRITORIAL_WATERS",
                "partnerConsent", "FULL",
                "lethalForce", false,
                "leadAgency", "DHS"));
    }

    static URI uri(String path) {
        return URI.create(Stack.get().gatewayUrl() + path);
    }

    private static Answer send(HttpRequest.Builder request) {
        return send(request, TestTokens.analyst());
    }

    /** Reads as the holder of {@code token}. */
    static Answer getAs(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    /** Posts as an analyst with extra request headers (e.g. traceparent). */
    static Answer post(String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts as the holder of {@code token}. */
    static Answer post(String path, Object body, String token) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
