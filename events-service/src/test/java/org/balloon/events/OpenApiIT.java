package org.balloon.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.balloon.contracts.problem.Problem;
import org.balloon.testsupport.BalloonInfrastructure;
import org.junit.jupiter.api.Test;

/** /q/openapi documents every operation: a summary, its problem responses with examples, an example body. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class OpenApiIT {

    private static final Map<String, List<String>> OPERATIONS = Map.of(
            "/actions", List.of("get", "post"),
            "/actions/batch", List.of("post"),
            "/actions/{id}", List.of("get"),
            "/actions/{id}/retract", List.of("post"));

    @Test
    void everyOperationHasASummaryProblemResponsesAndExampleBodies() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        assertThat(paths.keySet()).containsAll(OPERATIONS.keySet());

        OPERATIONS.forEach((path, methods) -> {
            assertThat(paths.get(path).keySet()).as(path).containsAll(methods);
            for (String method : methods) {
                String op = "paths['" + path + "']." + method;
                String name = method.toUpperCase() + " " + path;
                assertThat(doc.getString(op + ".summary")).as(name + " summary").isNotBlank();

                Map<String, Map<String, Object>> responses = doc.getMap(op + ".responses");
                List<String> problems = responses.keySet().stream().filter(code -> code.matches("[45]\\d\\d")).toList();
                assertThat(problems).as(name + " problem responses").isNotEmpty().contains("503");
                for (String code : problems) {
                    String content = op + ".responses['" + code + "'].content['application/problem+json']";
                    assertThat(doc.getMap(content + ".schema")).as(name + " " + code + " schema").isNotEmpty();
                    assertThat(doc.getMap(content + ".examples")).as(name + " " + code + " example").isNotEmpty();
                }
                String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElseThrow();
                assertThat(doc.getMap(op + ".responses['" + success + "'].content['application/json'].examples"))
                        .as(name + " success example").isNotEmpty();
                if (method.equals("post")) {
                    Map<String, Map<String, Object>> bodies = doc.getMap(op + ".requestBody.content");
                    assertThat(bodies).as(name + " request body").isNotEmpty();
                    bodies.forEach((type, body) -> assertThat(body).as(name + " " + type + " example").containsKey("examples"));
                }
            }
        });
        assertThat(doc.getMap("paths['/actions'].post.responses")).containsKeys("202", "400", "413", "415", "422", "503");
        assertThat(doc.getMap("components.schemas.Problem.properties")).containsKeys("type", "title", "status", "detail",
                "instance", "errors");
        assertThat(doc.getMap("components.schemas.PolicyAction.properties")).containsKeys("title", "type", "targetCountry",
                "occurredOn");
    }
}
