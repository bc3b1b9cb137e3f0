package org.balloon.gateway.rest;

import java.util.List;

/**
 * A query, path or header parameter the gateway itself checks is invalid; answered 400 naming it
 * (or naming each of several that only together are wrong, e.g. two that exclude each other).
 */
public class BadParameterException extends RuntimeException {

    private final List<String> parameters;

    public BadParameterException(String parameter, String message) {
        this(List.of(parameter), message);
    }

    public BadParameterException(List<String> parameters, String message) {
        super(message);
        this.parameters = List.copyOf(parameters);
    }

    public List<String> parameters() {
        return parameters;
    }
}
