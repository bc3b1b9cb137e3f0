package org.balloon.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every Balloon service answers for operators: health, Prometheus metrics and its OpenAPI
 * document. A service's test extends this and adds {@code @QuarkusTest}.
 */
public abstract class ObservableServiceContract {

    @Test
    void isLiveAndReadyOnItsRealInfrastructure() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }
}
