package org.balloon.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;

/** Numbers are read as sent or refused: never truncated, never parsed out of text. */
class BalloonJsonNumbersTest {

    private static final ObjectMapper JSON = BalloonJson.newMapper();
    private static final String BASE = "\"title\":\"t\",\"type\":\"EXTRADITION\",\"targetCountry\":\"HN\",\"occurredOn\":\"2024-01-01\"";

    @Test
    void aFractionForAnIntegerIsRefusedNotTruncated() {
        assertThatThrownBy(() -> read("\"fatalities\":1.5")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("\"durationMonths\":12.0000001")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void numbersInTextAreRefused() {
        assertThatThrownBy(() -> read("\"fatalities\":\"3\"")).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> read("\"demandSideShare\":\"0.5\"")).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void plainNumbersAreRead() throws Exception {
        PolicyAction action = read("\"fatalities\":3,\"demandSideShare\":0.5,\"budgetUsd\":1000000");
        assertThat(action.fatalities()).isEqualTo(3);
        assertThat(action.demandSideShare()).isEqualTo(0.5);
        assertThat(action.budgetUsd()).isEqualTo(1_000_000.0);
    }

    private static PolicyAction read(String fields) throws Exception {
        return JSON.readValue("{" + BASE + "," + fields + "}", PolicyAction.class);
    }
}
