package org.balloon.gateway.rest;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.balloon.gateway.service.UpstreamResponse;

/** Turns an upstream answer into the gateway's answer: same status, body and Content-Type. */
final class Passthrough {

    private Passthrough() {
    }

    static Response of(UpstreamResponse up) {
        Response.ResponseBuilder b = Response.status(up.status()).entity(up.body());
        if (up.contentType() != null) {
            b.type(up.contentType());
        }
        if (up.location() != null) {
            // the events service says /actions/{id}; the public path is /api/actions/{id}
            b.location(URI.create(up.location().replaceFirst("^(https?://[^/]+)?/actions/", "/api/actions/")));
        }
        if (up.retryAfter() != null) {
            b.header("Retry-After", up.retryAfter());
        }
        return b.build();
    }
}
