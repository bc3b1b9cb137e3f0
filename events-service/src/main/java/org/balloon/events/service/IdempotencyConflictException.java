package org.balloon.events.service;

/** An Idempotency-Key reused with a different body: 422, nothing stored. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different body");
    }
}
