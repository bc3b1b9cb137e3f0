package org.balloon.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Consumers skip and report the fields they do not know; the strict mapping still refuses them. */
class TolerantReaderTest {

    private static final ObjectMapper JSON = BalloonJson.newMapper();
    private static final String ACTION = "{\"schemaVersion\":1,\"title\":\"t\",\"type\":\"EXTRADITION\",\"targetCountry\":\"HN\","
            + "\"occurredOn\":\"2024-01-01\",\"newField\":{\"nested\":[1,2]},\"other\":\"x\"}";

    @Test
    void unknownFieldsAreSkippedAndNamed() throws Exception {
        List<String> unknown = new ArrayList<>();
        PolicyAction action = TolerantReader.of(JSON, PolicyAction.class, unknown::add).readValue(ACTION);
        assertThat(action.title()).isEqualTo("t");
        assertThat(action.targetCountry()).isEqualTo("HN");
        assertThat(unknown).containsExactly("newField", "other");
    }

    @Test
    void theStrictMappingStillRefusesThem() {
        assertThatThrownBy(() -> JSON.readValue(ACTION, PolicyAction.class)).isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void aKnownFieldOfTheWrongTypeIsStillRefused() {
        assertThatThrownBy(() -> TolerantReader.of(JSON, PolicyAction.class, f -> { }).readValue(ACTION.replace("\"t\"", "42")))
                .isInstanceOf(MismatchedInputException.class);
    }
}
