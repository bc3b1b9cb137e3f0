package org.balloon.contracts.tracing;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the OpenTelemetry SDK on exactly when an OTLP endpoint is configured
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} or {@code ..._TRACES_ENDPOINT}, as environment
 * variables or system properties): one setting to get traces, and with none nothing is recorded
 * or exported. Its ordinal sits above application.properties and below the environment, so
 * {@code QUARKUS_OTEL_SDK_DISABLED} still decides when it is set.
 */
public class TracingSwitch implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final String[] ENDPOINTS = {"quarkus.otel.exporter.otlp.endpoint", "quarkus.otel.exporter.otlp.traces.endpoint"};

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SDK_DISABLED);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(SDK_DISABLED, getValue(SDK_DISABLED));
    }

    @Override
    public String getValue(String name) {
        return SDK_DISABLED.equals(name) ? Boolean.toString(!endpointConfigured()) : null;
    }

    static boolean endpointConfigured() {
        for (String key : ENDPOINTS) {
            String env = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
            if (notBlank(System.getProperty(key)) || notBlank(System.getenv(env))) {
                return true;
            }
        }
        return false;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public int getOrdinal() {
        return 270;
    }

    @Override
    public String getName() {
        return "balloon-tracing-switch";
    }
}
