package org.balloon.scoring.rest;

import static org.balloon.testsupport.Authorized.asAnalyst;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TestTokens;
import org.balloon.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

/** The preview refuses what the intake refuses, and every error it answers is problem+json. */
@QuarkusTest
@WithTestResource(BalloonInfrastructure.class)
class PreviewHostileInputIT {

    private static final String BASE = "\"type\":\"MARITIME_INTERDICTION\",\"targetCountry\":\"CO\",\"occurredOn\":\"2024-05-10\"";

    @Test
    void textAStoreOrABrowserCannotHoldIsRefusedNamingTheField() {
        for (String text : new String[] {"a\\u0000b", "a\\ud800b", "a\\udfffb"}) {
            preview(("{\"title\":\"" + text + "\"," + BASE + "}").getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("title"));
            preview(("{\"title\":\"t\",\"targetOrganizations\":[\"" + text + "\"]," + BASE + "}").getBytes(StandardCharsets.UTF_8))
                    .then().statusCode(400).body("errors.field", hasItem("targetOrganizations[0]"));
        }
        ByteArrayOutputStream overlong = new ByteArrayOutputStream();
        overlong.writeBytes("{\"description\":\"..".getBytes(StandardCharsets.UTF_8));
        overlong.write(0xC0);
        overlong.write(0xAF);
        overlong.writeBytes(("\",\"title\":\"t\"," + BASE + "}").getBytes(StandardCharsets.UTF_8));
        preview(overlong.toByteArray()).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("description")).body("errors.message", hasItem(containsString("UTF-8")));
    }

    @Test
    void aFractionForAnIntegerFieldIsRefused() {
        preview(("{\"title\":\"t\",\"fatalities\":1.5," + BASE + "}").getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("fatalities"));
    }

    @Test
    void garbageHugeOrUntypedBodiesAndUnknownPathsAreProblems() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        preview(garbage).then().statusCode(400).contentType(startsWith("application/problem+json"));
        preview("[[[[".getBytes(StandardCharsets.UTF_8)).then().statusCode(400).contentType(startsWith("application/problem+json"));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> noType = http.send(HttpRequest.newBuilder(uri("/score-preview")).header("Authorization", "Bearer " + TestTokens.analyst())
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"," + BASE + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(noType.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        String tooLarge = RawHttp.exchangeHead(RestAssured.port, "POST", "/score-preview", "Content-Type: application/json", "Authorization: Bearer " + TestTokens.analyst(),
                "Content-Length: " + 21 * 1024 * 1024);
        assertThat(tooLarge).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413");

        given().get("/nothing-here").then().statusCode(404).contentType(startsWith("application/problem+json"));
        asAnalyst().get("/score-preview").then().statusCode(405).contentType(startsWith("application/problem+json"));
    }

    private static io.restassured.response.Response preview(byte[] body) {
        return asAnalyst().contentType("application/json").body(body).post("/score-preview");
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }
}
