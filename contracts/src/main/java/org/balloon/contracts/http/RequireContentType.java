package org.balloon.contracts.http;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A request with a body must say what the body is: 415 otherwise. Quarkus REST routes a request
 * without Content-Type to a {@code @Consumes(APPLICATION_JSON)} method as if it were JSON
 * (quarkusio/quarkus#48574); a body-less POST (e.g. a rescore trigger) is not affected. Every
 * service picks this provider up from the contracts jar's index; each maps the 415 to problem+json.
 */
@Provider
public class RequireContentType implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString("Content-Type") == null && hasBody(request)) {
            throw new NotSupportedException("the request has a body but no Content-Type; send application/json");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        return request.getHeaderString("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
