package org.balloon.gateway.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * {@code balloon.stream.*}: the SSE stream's settings, typed. The defaults are in
 * application.properties, once; each can be set by environment variable (BALLOON_STREAM_HEARTBEAT, ...).
 */
@ConfigMapping(prefix = "balloon.stream")
public interface StreamConfig {

    /** How often an idle stream gets a comment, so proxies keep it open. */
    Duration heartbeat();

    /** Events queued per client before it is dropped as too slow. */
    int clientBuffer();

    /** How long a replay may stall on a slow client before the stream is closed. */
    Duration replayStall();

    /** The SSE retry: field, how long a client waits before it reconnects. */
    Duration reconnect();
}
