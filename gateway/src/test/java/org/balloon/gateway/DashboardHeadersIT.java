package org.balloon.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** The dashboard's files are public, and served so that a browser runs nothing but them. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class DashboardHeadersIT {

    @Test
    void theDashboardIsPublicWithAStrictContentSecurityPolicyAndNoSniffing() {
        for (String path : new String[] {"/", "/app.js", "/app.css"}) {
            Response r = given().get(path);
            r.then().statusCode(200);
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("script-src 'self'").contains("style-src 'self'")
                    .contains("default-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
        // the chart library is served by the gateway itself, so 'self' covers it
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        given().get("/").then().body(containsString("app.js")).body(org.hamcrest.Matchers.not(containsString("<script>")));
    }

    @Test
    void noOtherOriginIsAllowedByDefault() {
        given().auth().oauth2(TestTokens.viewer()).header("Origin", "https://evil.example")
                .get("/api/aggregates?groupBy=country")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
