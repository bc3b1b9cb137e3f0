package org.balloon.events.service;

/** A body over the documented byte limit, or a batch over the item limit: 413. */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String detail) {
        super(detail);
    }
}
