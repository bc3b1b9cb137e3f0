package org.balloon.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document names the contract's topics and carries the contract's JSON Schemas, self-contained once bundled. */
class AsyncApiDocumentTest {

    final ObjectNode bundled = AsyncApiDocument.bundled();

    @Test
    void channelsAreTheContractsTopics() {
        Set<String> addresses = new TreeSet<>();
        bundled.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrder(Topics.POLICY_ACTIONS, Topics.ACTION_SCORES, Topics.POLICY_ACTIONS_DLQ);
        assertThat(bundled.path("asyncapi").asText()).startsWith("3.");
    }

    @Test
    void theSourceReferencesTheSchemaFilesAndTheBundleInlinesThem() throws Exception {
        ObjectNode source = AsyncApiDocument.source();
        assertThat(source.at("/components/schemas/PolicyAction/$ref").asText()).isEqualTo("../schemas/policy-action.v1.schema.json");
        assertThat(source.at("/components/schemas/ActionScore/$ref").asText()).isEqualTo("../schemas/action-score.v1.schema.json");

        JsonNode file = schemaFile("policy-action.v1.schema.json");
        JsonNode inlined = bundled.at("/components/schemas/PolicyAction");
        assertThat(inlined.path("properties")).isEqualTo(file.path("properties"));
        assertThat(inlined.path("required")).isEqualTo(file.path("required"));
        assertThat(inlined.has("$id")).isFalse();
        // the score's $defs become components, and its reference to the action schema points at the action component
        JsonNode score = bundled.at("/components/schemas/ActionScore");
        assertThat(score.at("/properties/action/$ref").asText()).isEqualTo("#/components/schemas/PolicyAction");
        assertThat(score.at("/properties/criteria/items/$ref").asText()).isEqualTo("#/components/schemas/CriterionScore");
        assertThat(bundled.at("/components/schemas/Factor/properties/rule/pattern").asText())
                .isEqualTo(schemaFile("action-score.v1.schema.json").at("/$defs/Factor/properties/rule/pattern").asText());
    }

    @Test
    void everyReferenceOfTheBundleResolvesInsideIt() {
        List<String> refs = new ArrayList<>();
        collectRefs(bundled, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(bundled.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void yamlAndJsonAreTheSameDocument() throws Exception {
        assertThat(new YAMLMapper().readTree(AsyncApiDocument.bundledYaml())).isEqualTo(bundled);
        assertThat(new ObjectMapper().readTree(AsyncApiDocument.bundledJson())).isEqualTo(bundled);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static JsonNode schemaFile(String name) throws Exception {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("schemas/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
