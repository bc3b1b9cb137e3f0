package org.balloon.gateway.service;

import java.util.concurrent.CompletionStage;

/**
 * Where a {@link StreamSession} writes: bytes already in the {@code text/event-stream} format, as
 * many events at once as the session has queued, so a client costs one write per batch of scores
 * rather than one per score.
 */
public interface StreamWriter {

    /** Writes the frames (UTF-8); completes when they are handed to the client's connection. */
    CompletionStage<?> write(byte[] frames);

    boolean isClosed();

    void close();
}
