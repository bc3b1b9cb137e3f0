package org.balloon.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal SSE reader for tests: collects events (id, name, data) and comment lines as they arrive. */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile long retryMillis = -1;
    private volatile boolean ended;
    private final Thread reader;
    private volatile InputStream body;

    public SseClient(String url, String lastEventId) {
        this(url, lastEventId, null);
    }

    /** With {@code bearerToken} (when not null) as the Authorization of the stream request. */
    public SseClient(String url, String lastEventId, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        reader = new Thread(() -> read(client, request.build()), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            body = response.body();
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
                } else if (line.startsWith("retry:")) {
                    retryMillis = Long.parseLong(line.substring(6).trim());
                }
            }
            ended = true;
        } catch (IOException e) {
            // closing the stream from the test ends the read with an IOException: that is the normal end
            comments.add("closed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The HTTP status of the stream's response, 0 until it arrived. */
    public int status() {
        return status;
    }

    /** The reconnection delay the stream asked for with {@code retry:}, -1 until it did. */
    public long retryMillis() {
        return retryMillis;
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    /** Comment lines (heartbeats) received so far. */
    public List<String> comments() {
        return comments;
    }

    /** Every event received so far. */
    public List<Event> events() {
        return events;
    }

    public List<Event> scores() {
        return new ArrayList<>(events.stream().filter(e -> "score".equals(e.name())).toList());
    }

    public List<Event> scoresMentioning(String text) {
        return scores().stream().filter(e -> e.data().contains(text)).toList();
    }

    @Override
    public void close() throws IOException {
        reader.interrupt();
        if (body != null) {
            body.close();
        }
    }
}
