package org.balloon.scoring.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.balloon.testsupport.Authorized.asAnalyst;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.scoring.engine.ActionBuilder;
import org.balloon.scoring.engine.ArticleActions;
import org.balloon.scoring.messaging.StreamFixture;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BalloonInfrastructure.class)
class ModelAndPreviewIT {

    @Test
    void theModelListsVersionCriteriaWeightsBandsAndEveryRuleWithItsRationale() {
        String body = asAnalyst().accept(ContentType.JSON).get("/model").then().statusCode(200)
                .body("modelVersion", matchesPattern("2026\\.2\\+[0-9a-f]{8}"))
                .body("declaredVersion", equalTo("2026.2"))
                .body("criteria.criterion", containsInAnyOrder("DEMAND_UNTOUCHED", "FRAGMENTATION_RISK",
                        "SOVEREIGNTY_FRICTION", "DISPLACEMENT", "BACKLASH", "PARTNER_CAPACITY", "LEGAL_EXPOSURE",
                        "POLICY_INCOHERENCE"))
                .body("weights.DEMAND_UNTOUCHED", equalTo(1.5f))
                .body("bands.band", hasItem("SEVERE"))
                .body("bands.find { it.band == 'SEVERE' }.from", equalTo(55))
                .body("criteria.find { it.criterion == 'SOVEREIGNTY_FRICTION' }.rules.find { it.id == 'SF-03' }.points", equalTo(30))
                .body("countryTable.countries.find { it.code == 'MX' }.score", equalTo(26))
                .body("countryTable.countries.find { it.code == 'AF' }.score", nullValue())
                .extract().asString();
        assertThat(body.split("\"rationale\"", -1).length - 1).isGreaterThanOrEqualTo(16);
    }

    @Test
    void aPreviewAnswersTheScoreAndPublishesNothing() {
        PolicyAction action = ActionBuilder.from(ArticleActions.elChapoCapture().build()).id(UUID.randomUUID()).build();
        asAnalyst().contentType(ContentType.JSON).body(StreamFixture.json(action)).post("/score-preview").then()
                .statusCode(200)
                .body("actionId", equalTo(action.id().toString()))
                .body("criteria", hasSize(8))
                .body("criteria.find { it.criterion == 'FRAGMENTATION_RISK' }.factors.rule", hasItem("FR-01"))
                .body("overall", notNullValue())
                .body("band", notNullValue())
                .body("modelVersion", matchesPattern("2026\\.2\\+[0-9a-f]{8}"));
        try (TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> scores.recordsWithKey(action.id().toString()).isEmpty());
        }
    }

    @Test
    void aSubmissionWithoutIdOrReceivedAtIsScoredNow() {
        String json = """
                {"title":"Proposed strike","type":"MILITARY_STRIKE","targetCountry":"VE","occurredOn":"2026-02-01",
                 "stage":"PROPOSED","lethalForce":true,"partnerConsent":"NONE"}""";
        asAnalyst().contentType(ContentType.JSON).body(json).post("/score-preview").then().statusCode(200)
                .body("actionId", nullValue())
                .body("scoredAt", notNullValue())
                .body("criteria.find { it.criterion == 'SOVEREIGNTY_FRICTION' }.factors.rule", hasItem("SF-03"));
    }

    @Test
    void anActionBreakingConstraintsIsA400ProblemNamingEachField() {
        String json = """
                {"title":"","type":"MILITARY_STRIKE","targetCountry":"ZZ","occurredOn":"2024-05-10","demandSideShare":1.5,
                 "agencies":["DOD",null]}""";
        asAnalyst().contentType(ContentType.JSON).body(json).post("/score-preview").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("instance", equalTo("/score-preview"))
                .body("errors.field", containsInAnyOrder("title", "targetCountry", "demandSideShare", "agencies[1]"));
    }

    @Test
    void anUnreadableActionIsA400ProblemNamingTheField() {
        asAnalyst().contentType(ContentType.JSON).body("{\"title\":\"x\",\"type\":\"NOT_A_TYPE\",\"targetCountry\":\"CO\",\"occurredOn\":\"2024-05-10\"}")
                .post("/score-preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("type"));
        asAnalyst().contentType(ContentType.JSON).body("{\"title\":\"x\",\"lethalforce\":true}")
                .post("/score-preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lethalforce"));
        asAnalyst().contentType(ContentType.JSON).body("{\"title\": 42, \"type\": ")
                .post("/score-preview").then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1));
    }

    @Test
    void modelAndPreviewAreDocumentedInOpenApiWithExamples() {
        given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/model'.get.responses.'200'.content.'application/json'.examples.model.value.modelVersion", notNullValue())
                .body("paths.'/model'.get.responses.'200'.content.'application/json'.examples.model.value.criteria[0].rules[0].rationale",
                        notNullValue())
                .body("paths.'/score-preview'.post.requestBody.content.'application/json'.examples.'maritime strike'.value.type",
                        equalTo("MILITARY_STRIKE"))
                .body("paths.'/score-preview'.post.responses.'200'.content.'application/json'.examples.score.value.criteria",
                        hasSize(8))
                .body("paths.'/score-preview'.post.responses.'400'.content.'application/problem+json'.examples.invalid.value.errors[0].field",
                        equalTo("targetCountry"))
                .body("paths.'/admin/rescore'.post", notNullValue());
    }
}
