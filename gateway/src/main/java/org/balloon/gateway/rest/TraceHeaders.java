package org.balloon.gateway.rest;

import io.opentelemetry.api.trace.Span;

/** Which traceparent the gateway passes to the events service. */
final class TraceHeaders {

    private TraceHeaders() {
    }

    /**
     * With tracing on, none: the REST client's instrumentation sends its own span's context, so
     * the events service's work is a child of the gateway's call (the caller's header would skip
     * the gateway). With tracing off, the caller's header as it came, as before.
     */
    static String forward(String incoming) {
        return Span.current().getSpanContext().isValid() ? null : incoming;
    }
}
