package org.balloon.gateway.service;

import jakarta.ws.rs.core.Response;

/** An upstream service's answer, read fully: status, body bytes and the headers worth passing on. */
public record UpstreamResponse(int status, String contentType, byte[] body, String location, String retryAfter) {

    static UpstreamResponse of(Response response) {
        try (response) {
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            return new UpstreamResponse(response.getStatus(), response.getHeaderString("Content-Type"), body,
                    response.getHeaderString("Location"), response.getHeaderString("Retry-After"));
        }
    }
}
