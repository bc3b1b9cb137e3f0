package org.balloon.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapping of the contract records, in one place so that every service reads and
 * writes the topics alike: ISO-8601 dates, absent instead of null, and unknown fields
 * rejected (a typo such as {@code lethalforce} must not silently vanish).
 */
public final class BalloonJson {

    private BalloonJson() {
    }

    /** Applies the contract's mapping to a mapper the caller owns (e.g. Quarkus' own). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        // a number where text is expected ("title": 42) is a broken producer, not a title
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // and "fatalities": "3" is text, not a count: numbers are JSON numbers
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // "fatalities": 1.5 is refused, never truncated to 1
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** A new mapper with the contract's mapping, for code that has no framework mapper. */
    public static ObjectMapper newMapper() {
        return configure(new ObjectMapper());
    }
}
