package org.balloon.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one HTTP client of a run: HTTP/1.1 (what browsers and curl speak to the gateway), a small
 * executor (a thousand SSE streams and hundreds of requests a second need no more on two cores),
 * and the bearer token on every request when the stack wants one.
 */
public final class StackClient implements AutoCloseable {

    public static final String NDJSON = "application/x-ndjson";

    private final ExecutorService executor;
    private final HttpClient http;
    private final Optional<String> token;
    private final ObjectMapper json = new ObjectMapper();

    public StackClient(Optional<String> token) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(3, r -> {
            Thread t = new Thread(r, "bench-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.token = token;
    }

    public HttpClient http() {
        return http;
    }

    public HttpRequest.Builder request(String url, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    public CompletableFuture<HttpResponse<String>> postAsync(String url, String contentType, String body, Duration timeout) {
        HttpRequest req = request(url, timeout).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String url, String contentType, String body, Duration timeout) throws IOException {
        return join(postAsync(url, contentType, body, timeout));
    }

    public HttpResponse<String> get(String url, Duration timeout) throws IOException {
        return join(http.sendAsync(request(url, timeout).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A 2xx answer as JSON; anything else is an error that names the status and the start of the body. */
    public JsonNode json(HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.request().method() + " " + response.uri().getPath() + " answered "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return json.readTree(response.body());
    }

    public static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException(c);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
