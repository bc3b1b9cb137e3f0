package org.balloon.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bytes that Jackson would quietly turn into other text are found, with their offset and field. */
class Utf8JsonTest {

    @Test
    void wellFormedUtf8IsAccepted() {
        assertThat(Utf8Json.check("{\"title\":\"Bogotá 🚢\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void anOverlongSlashIsRefusedInTheFieldThatHoldsIt() {
        byte[] body = bytes("{\"type\":\"X\",\"title\":\"a", 0xC0, 0xAF, "b\"}");
        Utf8Json.Problem problem = Utf8Json.check(body).orElseThrow();
        assertThat(problem.field()).isEqualTo("title");
        assertThat(problem.offset()).isEqualTo(22);
        assertThat(problem.message()).contains("invalid UTF-8 (byte 0xC0)");
    }

    @Test
    void anEncodedSurrogateIsRefusedWithItsArrayIndex() {
        byte[] body = bytes("{\"targetOrganizations\":[\"ok\",\"x", 0xED, 0xA0, 0x80, "\"]}");
        assertThat(Utf8Json.check(body).orElseThrow().field()).isEqualTo("targetOrganizations[1]");
    }

    @Test
    void aBatchItemIsNamedByItsIndex() {
        byte[] body = bytes("[{\"title\":\"ok\"},{\"title\":\"", 0xFF, "\"}]");
        assertThat(Utf8Json.check(body).orElseThrow().field()).isEqualTo("[1].title");
    }

    @Test
    void aRawNulByteIsRefused() {
        byte[] body = bytes("{\"title\":\"a", 0x00, "b\"}");
        Utf8Json.Problem problem = Utf8Json.check(body).orElseThrow();
        assertThat(problem.field()).isEqualTo("title");
        assertThat(problem.message()).startsWith("NUL byte");
    }

    @Test
    void aUtf16BodyIsNotTakenForUtf8() {
        assertThat(Utf8Json.check("{\"title\":\"a\"}".getBytes(StandardCharsets.UTF_16LE))).isPresent();
    }

    @Test
    void aSequenceCutAtTheEndIsRefused() {
        assertThat(Utf8Json.check(bytes("{\"title\":\"a", 0xC3)).orElseThrow().offset()).isEqualTo(11);
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
