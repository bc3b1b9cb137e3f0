package org.balloon.contracts.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;

/**
 * Spans for the work done on a Kafka record, under the trace its {@code traceparent} header
 * carries (W3C trace context), and the header to put on the record a span sends. The services use
 * raw Kafka clients and Kafka Streams, which no extension instruments, so this is done by hand.
 * With the OpenTelemetry SDK disabled (no OTLP endpoint) the spans are no-ops that carry their
 * parent's context, so the incoming header goes on unchanged.
 */
public final class RecordTracing {

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private RecordTracing() {
    }

    /**
     * The tracer to make record spans with: the SDK's, or with the SDK disabled a no-op one (Quarkus
     * then turns its own instrumentation off, but a tracer it hands out still records).
     */
    public static Tracer tracer(Tracer sdk, boolean sdkDisabled) {
        return sdkDisabled ? OpenTelemetry.noop().getTracer("balloon") : sdk;
    }

    /**
     * Starts a span for a record of {@code topic}: a child of the record's trace when it has a valid
     * {@code traceparent}, else of the current context (a new trace when there is none).
     */
    public static Span start(Tracer tracer, String name, SpanKind kind, String topic, String traceparent) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic);
        Context parent = parent(traceparent);
        if (parent != null) {
            builder.setParent(parent);
        }
        return builder.startSpan();
    }

    /** The context a traceparent header names, or null when it is absent or malformed. */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return null;
        }
        Context extracted = io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), traceparent, TRACEPARENT);
        return Span.fromContext(extracted).getSpanContext().isValid() ? extracted : null;
    }

    /** The W3C traceparent of a span, or null for a no-op span (tracing off). */
    public static String traceparent(Span span) {
        SpanContext c = span.getSpanContext();
        if (!c.isValid()) {
            return null;
        }
        return "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex();
    }

    /** {@link #traceparent(Span)}, or {@code fallback} when tracing is off. */
    public static String traceparentOr(Span span, String fallback) {
        String own = traceparent(span);
        return own != null ? own : fallback;
    }
}
