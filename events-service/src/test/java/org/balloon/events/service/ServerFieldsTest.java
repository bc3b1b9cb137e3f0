package org.balloon.events.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.balloon.contracts.BalloonJson;
import org.balloon.contracts.PolicyAction;
import org.junit.jupiter.api.Test;

/** The published JSON is the submission with the server's fields, and nothing else changed. */
class ServerFieldsTest {

    static final ObjectMapper JSON = BalloonJson.newMapper();

    @Test
    void stampingSetsIdSchemaVersionAndReceivedAtAndKeepsEveryOtherFieldAsSubmitted() throws Exception {
        PolicyAction submitted = JSON.convertValue(Map.ofEntries(
                Map.entry("title", "Joint interdiction"), Map.entry("type", "MARITIME_INTERDICTION"),
                Map.entry("targetCountry", "CO"), Map.entry("occurredOn", "2024-05-10"),
                Map.entry("description", "a description"), Map.entry("targetOrganizations", java.util.List.of("Clan del Golfo")),
                Map.entry("fatalities", 2), Map.entry("demandSideShare", 0.25), Map.entry("lethalForce", true),
                Map.entry("sources", java.util.List.of("https://example.org/a"))), PolicyAction.class);
        UUID id = UUID.randomUUID();
        Instant receivedAt = Instant.parse("2026-11-28T08:00:00.123Z");

        PolicyAction stamped = ServerFields.stamp(submitted, id, receivedAt);

        assertThat(stamped.id()).isEqualTo(id);
        assertThat(stamped.receivedAt()).isEqualTo(receivedAt);
        assertThat(stamped.schemaVersion()).isEqualTo(PolicyAction.SCHEMA_VERSION);
        // every other field: equal to the submission once the server's fields are cleared again
        var back = JSON.readTree(JSON.writeValueAsString(stamped));
        ((com.fasterxml.jackson.databind.node.ObjectNode) back).remove(java.util.List.of("id", "receivedAt", "schemaVersion"));
        assertThat(back).isEqualTo(JSON.readTree(JSON.writeValueAsString(submitted)));
    }
}
