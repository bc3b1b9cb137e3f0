package org.balloon.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * How a consumer reads a topic record: the contract's mapping, except that a field it does not
 * know is skipped and reported instead of failing the record. A producer may add an optional field
 * (contracts/README.md, "Evolving a topic") before every consumer knows it; a rolling upgrade must
 * not send every record to a DLQ. Public REST intake stays strict ({@link BalloonJson}).
 */
public final class TolerantReader {

    private TolerantReader() {
    }

    /**
     * @param onUnknownField told the name of each unknown field met (e.g. to count it in a metric)
     */
    public static ObjectReader of(ObjectMapper mapper, Class<?> type, Consumer<String> onUnknownField) {
        return mapper.readerFor(type)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withHandler(new DeserializationProblemHandler() {
                    @Override
                    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                            Object beanOrClass, String propertyName) throws IOException {
                        onUnknownField.accept(propertyName);
                        p.skipChildren();
                        return true;
                    }
                });
    }
}
