package org.balloon.contracts.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8 for JSON bodies (RFC 8259 §8.1). Jackson decodes leniently: the overlong {@code C0 AF}
 * becomes '/', an encoded surrogate becomes half a character. The JDK's decoder refuses both, and
 * a raw NUL byte is never valid in UTF-8 JSON (a UTF-16 or UTF-32 body has them in every character).
 */
public final class Utf8Json {

    /** Where a body stops being UTF-8 JSON text: byte offset, the JSON field holding it (or {@code null}), why. */
    public record Problem(long offset, String field, String message) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private Utf8Json() {
    }

    public static Optional<Problem> check(byte[] body) {
        int offset = firstInvalid(body);
        if (offset < 0) {
            return Optional.empty();
        }
        String why = body[offset] == 0 ? "NUL byte (the body must be UTF-8 JSON; escape text as \\uXXXX)"
                : String.format("invalid UTF-8 (byte 0x%02X)", body[offset] & 0xff);
        return Optional.of(new Problem(offset, fieldAt(body, offset), why + " at byte offset " + offset));
    }

    /** The offset of the first byte that is not well-formed UTF-8 text without NUL, or -1. */
    static int firstInvalid(byte[] body) {
        int nul = -1;
        for (int i = 0; i < body.length && nul < 0; i++) {
            nul = body[i] == 0 ? i : -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        // the decoder stops with the input positioned at the first malformed sequence
        CoderResult result = decoder.decode(in, CharBuffer.allocate(body.length), true);
        int malformed = result.isError() ? in.position() : -1;
        if (nul < 0 || malformed < 0) {
            return Math.max(nul, malformed);
        }
        return Math.min(nul, malformed);
    }

    /** The JSON path of the value that holds {@code offset}, read with a streaming parser up to there. */
    static String fieldAt(byte[] body, int offset) {
        try (JsonParser parser = JSON.createParser(body, 0, offset)) {
            try {
                while (parser.nextToken() != null) {
                    // walk to the point where the prefix ends
                }
            } catch (IOException endsInsideAValue) {
                // expected: the prefix usually stops inside a string
            }
            return path(parser.getParsingContext());
        } catch (IOException e) {
            return null;
        }
    }

    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                path.insert(0, (path.isEmpty() || path.charAt(0) == '[' ? "" : ".")).insert(0, c.getCurrentName());
            } else if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]" + (path.isEmpty() || path.charAt(0) == '[' ? "" : "."));
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
