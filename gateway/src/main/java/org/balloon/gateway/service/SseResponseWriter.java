package org.balloon.gateway.service;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionStage;

/**
 * Writes a stream's frames straight to the Vert.x response. The first write goes through the
 * JAX-RS sink, which makes RESTEasy send the SSE headers and keep the request open; every later
 * one is a single chunk holding all the frames the session had queued. With a thousand clients
 * and hundreds of scores a second, one write per score per client is more than two cores can do.
 */
public final class SseResponseWriter implements StreamWriter {

    private final SseEventSink sink;
    private final Sse sse;
    private final HttpServerResponse response;
    private boolean started;

    public SseResponseWriter(SseEventSink sink, Sse sse, HttpServerResponse response) {
        this.sink = sink;
        this.sse = sse;
        this.response = response;
    }

    @Override
    public CompletionStage<?> write(byte[] frames) {
        if (!started) {
            started = true;
            return sink.send(sse.newEventBuilder().comment("balloon score stream").build())
                    .thenCompose(ignored -> raw(frames));
        }
        return raw(frames);
    }

    private CompletionStage<Void> raw(byte[] frames) {
        return response.write(Buffer.buffer(frames)).toCompletionStage();
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed() || response.closed();
    }

    @Override
    public void close() {
        if (!sink.isClosed()) {
            sink.close();
        }
    }
}
