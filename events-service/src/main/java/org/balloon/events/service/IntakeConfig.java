package org.balloon.events.service;

import io.smallrye.config.ConfigMapping;

/**
 * {@code balloon.intake.*}, typed. The defaults are in application.properties, once; each can be set
 * by environment variable (e.g. BALLOON_INTAKE_MAX_BATCH_ITEMS).
 */
@ConfigMapping(prefix = "balloon.intake")
public interface IntakeConfig {

    /** The largest single action body, in bytes (it becomes one record on the topic). */
    long maxActionBytes();

    /** The largest batch body, in bytes. */
    long maxBatchBytes();

    /** The most actions one batch may hold. */
    int maxBatchItems();

    /** Valid items of a batch stored per transaction. */
    int batchChunkSize();

    /** Retry-After of a 503 while PostgreSQL is away, in seconds. */
    int retryAfterSeconds();
}
