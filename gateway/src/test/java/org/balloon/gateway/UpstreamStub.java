package org.balloon.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny real HTTP server (the JDK's) that plays the events service and the scoring service
 * in the gateway's tests: it records what it receives and answers like they would. Started as a
 * test resource so the gateway is configured with its URL; stoppable, to play a dead service.
 */
public class UpstreamStub implements QuarkusTestResourceLifecycleManager {

    /** One request as the stub received it. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final String PROBLEM = "{\"type\":\"urn:events:validation\",\"title\":\"Invalid action\",\"status\":400,"
            + "\"detail\":\"1 problem\",\"instance\":\"/actions\",\"errors\":[{\"field\":\"lethalforce\",\"message\":\"unknown field\"}]}";
    public static final String ACTION_ID = "6f9b1c2e-7a4d-4c1b-9a8e-0d1f2e3a4b5c";

    private static HttpServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            try (var probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://127.0.0.1:" + port;
        return Map.of("balloon.events.url", url, "balloon.scoring.url", url);
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static synchronized void startServer() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        s.createContext("/", UpstreamStub::handle);
        s.start();
        server = s;
    }

    private static void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getPath();
        RECEIVED.add(new Received(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(),
                Map.copyOf(ex.getRequestHeaders()), body));
        String text = new String(body, StandardCharsets.UTF_8);
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (path.equals("/actions") && "POST".equals(ex.getRequestMethod())) {
            if (contentType == null || !contentType.startsWith("application/json")) {
                answer(ex, 415, "application/problem+json", "{\"title\":\"Unsupported Media Type\",\"status\":415}");
            } else if (text.contains("lethalforce")) {
                answer(ex, 400, "application/problem+json", PROBLEM);
            } else {
                ex.getResponseHeaders().add("Location", "/actions/" + ACTION_ID);
                answer(ex, 202, "application/json", "{\"id\":\"" + ACTION_ID + "\",\"receivedAt\":\"2026-01-05T10:15:30Z\"}");
            }
        } else if (path.equals("/actions/batch")) {
            answer(ex, 200, "application/json", "{\"accepted\":2,\"rejected\":0,\"results\":[{\"index\":0,\"id\":\""
                    + ACTION_ID + "\"},{\"index\":1,\"id\":\"" + ACTION_ID + "\"}]}");
        } else if (path.endsWith("/retract")) {
            answer(ex, 202, "application/json", "{\"id\":\"" + ACTION_ID + "\"}");
        } else if (path.equals("/actions/" + ACTION_ID)) {
            answer(ex, 200, "application/json", "{\"id\":\"" + ACTION_ID + "\",\"title\":\"stubbed\",\"type\":\"EXTRADITION\","
                    + "\"targetCountry\":\"HN\",\"occurredOn\":\"2024-01-01\",\"retracted\":false}");
        } else if (path.equals("/actions")) {
            answer(ex, 200, "application/json", "{\"items\":[{\"id\":\"" + ACTION_ID + "\",\"title\":\"stubbed\"}]}");
        } else if (path.equals("/audit")) {
            answer(ex, 200, "application/json", "{\"items\":[{\"kind\":\"SUBMITTED\",\"actionId\":\"" + ACTION_ID
                    + "\",\"principal\":{\"subject\":\"ana\",\"name\":\"ana\"}}],\"nextPageToken\":null}");
        } else if (path.equals("/model")) {
            answer(ex, 200, "application/json", "{\"modelVersion\":\"stub-1\",\"criteria\":[]}");
        } else if (path.equals("/score-compare")) {
            answer(ex, 200, "application/json", "{\"previousModelVersion\":\"stub-0\",\"currentModelVersion\":\"stub-1\","
                    + "\"overallChange\":3,\"criteria\":[]}");
        } else if (path.equals("/score-preview")) {
            answer(ex, 200, "application/json", "{\"actionId\":null,\"overall\":12,\"criteria\":[]}");
        } else {
            answer(ex, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
        }
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
