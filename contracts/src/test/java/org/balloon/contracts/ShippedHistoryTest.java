package org.balloon.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The history shipped in {@code data/} (issue 14): every line of {@code history.ndjson} is a valid
 * submission by the JSON Schema and by the Bean Validation constraints, and every source it cites is
 * described (publisher, title, URL) in {@code sources.ndjson}.
 */
class ShippedHistoryTest {

    static final Path DATA = Path.of(System.getProperty("balloon.data.dir", "../data"));

    final ObjectMapper mapper = BalloonJson.newMapper();
    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    b -> b.schemaMappers(m -> m.mapPrefix("https://balloon.dev/schemas/", "classpath:schemas/")))
            .getSchema(SchemaLocation.of("https://balloon.dev/schemas/policy-action.v1.schema.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    @Test
    void everyLineIsAValidSubmissionWithDescribedSources() throws IOException {
        Map<String, JsonNode> sources = sourcesByUrl();
        List<String> problems = new ArrayList<>();
        Set<String> titlesAndDates = new HashSet<>();
        List<String> lines = Files.readAllLines(DATA.resolve("history.ndjson"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String where = "history.ndjson:" + (i + 1);
            JsonNode json = mapper.readTree(lines.get(i));
            schema.validate(json).forEach(m -> problems.add(where + " schema: " + m.getMessage()));
            // a submission: the server sets these
            for (String serverField : List.of("id", "receivedAt", "schemaVersion")) {
                if (json.has(serverField)) problems.add(where + " carries server field " + serverField);
            }
            PolicyAction action = mapper.treeToValue(json, PolicyAction.class);
            validator.validate(action).forEach(v -> problems.add(where + " " + v.getPropertyPath() + ": " + v.getMessage()));
            if (action.sources() == null || action.sources().isEmpty()) problems.add(where + " has no source");
            else action.sources().stream().filter(u -> !sources.containsKey(u))
                    .forEach(u -> problems.add(where + " cites an undescribed source " + u));
            if (!titlesAndDates.add(action.title() + "|" + action.occurredOn())) problems.add(where + " is a duplicate");
        }
        assertThat(problems).isEmpty();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(150);
    }

    @Test
    void everySourceHasPublisherTitleAndAnHttpUrl() throws IOException {
        for (JsonNode s : sourcesByUrl().values()) {
            assertThat(s.path("url").asText()).as(s.toString()).matches("https?://\\S+");
            assertThat(s.path("publisher").asText()).as(s.toString()).isNotBlank();
            assertThat(s.path("title").asText()).as(s.toString()).isNotBlank();
            if (s.has("date")) assertThat(s.get("date").asText()).as(s.toString()).matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
        }
    }

    private Map<String, JsonNode> sourcesByUrl() throws IOException {
        Map<String, JsonNode> byUrl = new HashMap<>();
        for (String line : Files.readAllLines(DATA.resolve("sources.ndjson"), StandardCharsets.UTF_8)) {
            JsonNode s = mapper.readTree(line);
            assertThat(byUrl.put(s.path("url").asText(), s)).as("duplicate source " + s).isNull();
        }
        return byUrl;
    }
}
