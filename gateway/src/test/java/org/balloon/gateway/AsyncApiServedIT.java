package org.balloon.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.balloon.contracts.AsyncApiDocument;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.AsyncApiContract;
import org.balloon.testsupport.BalloonInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The gateway serves the topics' AsyncAPI document next to the OpenAPI one, self-contained; its
 * examples fit its own schemas, and it refuses records that break the contract. The served copy is
 * written to target/asyncapi/asyncapi.yaml, where .ci/validate-asyncapi.sh runs the AsyncAPI CLI on it.
 */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class AsyncApiServedIT {

    @Test
    void servesTheBundledDocumentAsYamlAndJson() throws Exception {
        Response yaml = given().get("/q/asyncapi");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(new YAMLMapper().readTree(yaml.asByteArray())).isEqualTo(AsyncApiDocument.bundled());

        Response json = given().get("/q/asyncapi?format=json");
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(new ObjectMapper().readTree(json.asByteArray())).isEqualTo(AsyncApiDocument.bundled());
        assertThat(new ObjectMapper().readTree(given().accept("application/json").get("/q/asyncapi").asByteArray()))
                .isEqualTo(AsyncApiDocument.bundled());

        Path out = Path.of("target", "asyncapi", "asyncapi.yaml");
        Files.createDirectories(out.getParent());
        Files.write(out, yaml.asByteArray());
    }

    @Test
    void examplesFitTheirSchemas() {
        assertThat(AsyncApiContract.bundled().exampleViolations()).isEmpty();
    }

    @Test
    void recordsThatBreakTheContractAreRefused() throws Exception {
        AsyncApiContract contract = AsyncApiContract.bundled();
        PolicyAction action = ScorePublisher.action(UUID.randomUUID(), "CO");
        String id = action.id().toString();
        String score = ScorePublisher.json(ScorePublisher.score(action, ScorePublisher.MODEL, 50, 10));
        Map<String, String> headers = Map.of(Topics.HEADER_ACTION_ID, id, "balloon-model-version", ScorePublisher.MODEL);

        assertThat(contract.violations(Topics.ACTION_SCORES, id, headers, score)).isEmpty();
        assertThat(contract.violations(Topics.ACTION_SCORES, id, headers, null)).as("tombstone").isEmpty();
        assertThat(contract.violations(Topics.ACTION_SCORES, id, headers, score.replace("\"overall\":50", "\"overall\":150")))
                .isNotEmpty();
        assertThat(contract.violations(Topics.ACTION_SCORES, id, Map.of(Topics.HEADER_ACTION_ID, id), score))
                .as("no model version header").isNotEmpty();
        assertThat(contract.violations(Topics.ACTION_SCORES, "not-a-uuid", headers, score)).as("key").isNotEmpty();
        assertThat(contract.violations(Topics.POLICY_ACTIONS, id, Map.of(Topics.HEADER_ACTION_ID, id, Topics.HEADER_TRACEPARENT,
                "nonsense"), ScorePublisher.JSON.writeValueAsString(action))).as("traceparent").isNotEmpty();
        assertThat(contract.violations(Topics.POLICY_ACTIONS, id, Map.of(Topics.HEADER_ACTION_ID, id),
                ScorePublisher.JSON.writeValueAsString(action))).isEmpty();
        assertThat(contract.violations(Topics.POLICY_ACTIONS_DLQ, "k", Map.of("balloon-dlq-reason", "unparsable-json"),
                new String("{".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))).as("DLQ without origin").isNotEmpty();
    }
}
