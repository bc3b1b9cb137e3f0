package org.balloon.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A tiny OTLP/HTTP trace receiver for the tests: the packaged services export their spans to it
 * (http/protobuf, POST .../v1/traces) as they would to Jaeger or a collector, and it keeps the few
 * fields the tests look at. The protobuf wire format is read by hand: only the fields of
 * ExportTraceServiceRequest → ResourceSpans → (Resource attributes, ScopeSpans → Span) are used.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span; ids in lower-case hex, parent empty for a root span. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
                }
                spans.addAll(decodeRequest(body));
                // an empty ExportTraceServiceResponse
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0);
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<ReceivedSpan> decodeRequest(byte[] body) {
        List<ReceivedSpan> out = new ArrayList<>();
        for (Field resourceSpans : Field.read(body)) {
            if (resourceSpans.number == 1) {
                String service = "";
                List<byte[]> scopes = new ArrayList<>();
                for (Field f : Field.read(resourceSpans.bytes)) {
                    if (f.number == 1) {
                        service = serviceName(f.bytes, service);
                    } else if (f.number == 2) {
                        scopes.add(f.bytes);
                    }
                }
                for (byte[] scope : scopes) {
                    for (Field f : Field.read(scope)) {
                        if (f.number == 2) {
                            out.add(span(service, f.bytes));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String serviceName(byte[] resource, String fallback) {
        for (Field attribute : Field.read(resource)) {
            if (attribute.number != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field kv : Field.read(attribute.bytes)) {
                if (kv.number == 1) {
                    key = new String(kv.bytes, StandardCharsets.UTF_8);
                } else if (kv.number == 2) {
                    for (Field any : Field.read(kv.bytes)) {
                        if (any.number == 1) {
                            value = new String(any.bytes, StandardCharsets.UTF_8);
                        }
                    }
                }
            }
            if ("service.name".equals(key) && value != null) {
                return value;
            }
        }
        return fallback;
    }

    private static ReceivedSpan span(String service, byte[] span) {
        HexFormat hex = HexFormat.of();
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field f : Field.read(span)) {
            switch (f.number) {
                case 1 -> traceId = hex.formatHex(f.bytes);
                case 2 -> spanId = hex.formatHex(f.bytes);
                case 4 -> parent = hex.formatHex(f.bytes);
                case 5 -> name = new String(f.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = (int) f.varint;
                default -> { }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** One protobuf field: its number and either its varint or its length-delimited bytes. */
    private record Field(int number, long varint, byte[] bytes) {

        static List<Field> read(byte[] data) {
            List<Field> fields = new ArrayList<>();
            int[] pos = {0};
            while (pos[0] < data.length) {
                long tag = varint(data, pos);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, varint(data, pos), null));
                    case 1 -> pos[0] += 8;
                    case 2 -> {
                        int length = (int) varint(data, pos);
                        byte[] bytes = java.util.Arrays.copyOfRange(data, pos[0], pos[0] + length);
                        pos[0] += length;
                        fields.add(new Field(number, 0, bytes));
                    }
                    case 5 -> pos[0] += 4;
                    default -> throw new IllegalArgumentException("unsupported wire type in " + tag);
                }
            }
            return fields;
        }

        private static long varint(byte[] data, int[] pos) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[pos[0]++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }
    }
}
