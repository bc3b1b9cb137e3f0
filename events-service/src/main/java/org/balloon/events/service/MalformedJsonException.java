package org.balloon.events.service;

/** A body that is not JSON at all: 400 with where the parser gave up (1-based line and column, 0-based offset). */
public class MalformedJsonException extends RuntimeException {

    private final int line;
    private final int column;
    private final long offset;

    public MalformedJsonException(String message, int line, int column, long offset) {
        super(message);
        this.line = line;
        this.column = column;
        this.offset = offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public long offset() {
        return offset;
    }
}
