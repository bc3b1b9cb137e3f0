package org.balloon.gateway.rest;

/** A query, path or header parameter the gateway itself checks is invalid; answered 400 naming it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
