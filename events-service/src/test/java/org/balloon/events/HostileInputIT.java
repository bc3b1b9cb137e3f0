package org.balloon.events;

import static org.balloon.testsupport.Authorized.asAnalyst;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.events.TestActions.action;
import static org.balloon.events.TestActions.count;
import static org.balloon.events.TestActions.json;
import static org.balloon.events.TestActions.unique;
import static org.balloon.events.TestActions.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TestTokens;
import org.balloon.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Input that would hurt later (PostgreSQL refuses NUL, a browser cannot decode half a surrogate, Jackson
 * quietly rewrites overlong UTF-8, an integer field would be truncated) is refused at intake, naming
 * the field, and leaves no row behind.
 */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class HostileInputIT {

    private static final String BASE = "\"type\":\"MARITIME_INTERDICTION\",\"targetCountry\":\"CO\",\"occurredOn\":\"2024-05-10\"";

    @Test
    void nulAndLoneSurrogatesInAnyTextFieldAreRefusedNamingTheFieldAndStoreNothing() {
        String tag = unique("hostile-escape");
        for (String text : List.of("a\\u0000b", "a\\ud800b", "a\\udc00b", "a\\udc00\\ud800b")) {
            post("{\"title\":\"" + tag + " " + text + "\"," + BASE + "}").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("title"));
            post("{\"title\":\"" + tag + "\",\"description\":\"" + text + "\"," + BASE + "}").then().statusCode(400)
                    .body("errors.field", hasItem("description"));
            post("{\"title\":\"" + tag + "\",\"targetOrganizations\":[\"ok\",\"" + text + "\"]," + BASE + "}").then()
                    .statusCode(400).body("errors.field", hasItem("targetOrganizations[1]"));
            post("{\"title\":\"" + tag + "\",\"sources\":[\"https://example.org/" + text + "\"]," + BASE + "}").then()
                    .statusCode(400).body("errors.field", hasItem("sources[0]"));
        }
        assertThat(count("select count(*) from policy_action where title like ?", tag + "%")).isZero();
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheFieldInsteadOfBeingRewritten() {
        String tag = unique("hostile-bytes");
        byte[][] bad = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xFF}, {(byte) 0x80}, {0}};
        for (byte[] b : bad) {
            post(bytes("{\"title\":\"" + tag + " a", b, "\"," + BASE + "}")).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem("title")).body("detail", containsString("UTF-8"));
            post(bytes("{\"title\":\"" + tag + "\",\"targetOrganizations\":[\"x", b, "\"]," + BASE + "}")).then().statusCode(400)
                    .body("errors.field", hasItem("targetOrganizations[0]"));
        }
        assertThat(count("select count(*) from policy_action where title like ?", tag + "%")).isZero();
    }

    @Test
    void aBatchRefusesTheHostileItemsAndTakesTheRest() {
        String tag = unique("hostile-batch");
        byte[] ndjson = bytes(json(action(tag + " ok")) + "\n{\"title\":\"" + tag + " a", new byte[] {(byte) 0xC0, (byte) 0xAF},
                "\"," + BASE + "}\n{\"title\":\"" + tag + " \\u0000\"," + BASE + "}\n");
        asAnalyst().contentType("application/x-ndjson").body(ndjson).post("/actions/batch").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("results[1].problems.field", hasItem("title")).body("results[2].problems.field", hasItem("title"));
        String array = "[" + json(action(tag + " ok2")) + ",{\"title\":\"" + tag + " \\ud800\"," + BASE + "}]";
        asAnalyst().contentType("application/json").body(array).post("/actions/batch").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1));
        assertThat(count("select count(*) from policy_action where title like ?", tag + "%")).isEqualTo(2);
    }

    @Test
    void aFractionForAnIntegerFieldIsRefusedNotTruncated() {
        String tag = unique("hostile-number");
        post(json(with(action(tag), "fatalities", 1.5))).then().statusCode(400)
                .body("errors.field", hasItem("fatalities")).body("errors.message", hasItem("must be an integer"));
        post(json(with(action(tag), "durationMonths", 2.5))).then().statusCode(400).body("errors.field", hasItem("durationMonths"));
        post(json(with(action(tag), "fatalities", 1e30))).then().statusCode(400).body("errors.field", hasItem("fatalities"));
        assertThat(count("select count(*) from policy_action where title like ?", tag + "%")).isZero();
    }

    @Test
    void aBodyWithoutContentTypeIs415AndEveryFrameworkErrorIsAProblem() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String tag = unique("hostile-ctype");
        HttpResponse<String> noType = http.send(HttpRequest.newBuilder(uri("/actions")).header("Authorization", "Bearer " + TestTokens.analyst())
                .POST(HttpRequest.BodyPublishers.ofString(json(action(tag)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(noType.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(noType.body()).contains("no Content-Type");
        assertThat(count("select count(*) from policy_action where title = ?", tag)).isZero();

        given().get("/nothing-here").then().statusCode(404).contentType(startsWith("application/problem+json"));
        asAnalyst().contentType("application/json").body("{}").put("/actions").then().statusCode(405)
                .contentType(startsWith("application/problem+json"));
        // a declared length over the server's limit is answered before a byte of the body is read
        String tooLarge = RawHttp.exchangeHead(RestAssured.port, "POST", "/actions", "Content-Type: application/json", "Authorization: Bearer " + TestTokens.analyst(),
                "Content-Length: " + 21 * 1024 * 1024);
        assertThat(tooLarge).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413");
    }

    private static Response post(String body) {
        return asAnalyst().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post("/actions");
    }

    private static Response post(byte[] body) {
        return asAnalyst().contentType("application/json").body(body).post("/actions");
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }
}
