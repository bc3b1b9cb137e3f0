package org.balloon.scoring.rest;

import static org.balloon.testsupport.Authorized.asAnalyst;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.balloon.contracts.PolicyAction;
import org.balloon.scoring.engine.ActionBuilder;
import org.balloon.scoring.engine.ArticleActions;
import org.balloon.scoring.messaging.StreamFixture;
import org.balloon.testsupport.BalloonInfrastructure;
import org.junit.jupiter.api.Test;

/** GET /model shows the studies behind the 2026.2 rules and the kept 2026.1 model; POST /score-compare puts both side by side. */
@QuarkusTest
@WithTestResource(BalloonInfrastructure.class)
class ModelComparisonIT {

    @Test
    void theActiveModelListsItsCitationsAndEachNewRuleNamesItsStudiesAndRelease() {
        asAnalyst().accept(ContentType.JSON).get("/model").then().statusCode(200)
                .body("active", equalTo(true))
                .body("previousModelVersion", equalTo("2026.1+9472a251"))
                .body("citations.key", hasItems("calderon-2015", "lindo-padilla-romo-2018", "dickenson-2014", "sigar-2018",
                        "mansfield-2019", "cia-oig-2008", "doj-state-oig-2017", "icj-aerial-spraying", "doj-fgr-2020",
                        "doyle-2003", "craig-1980", "treasury-2025"))
                .body("citations.find { it.key == 'dickenson-2014' }.venue", equalTo("Journal of Quantitative Criminology 30(4)"))
                .body("citations.find { it.key == 'dickenson-2014' }.year", equalTo(2014))
                .body("citations.find { it.key == 'calderon-2015' }.authors", equalTo("Calderón, Robles, Díaz-Cayeros & Magaloni"))
                .body("criteria.find { it.criterion == 'BACKLASH' }.rules.find { it.id == 'BA-09' }.since", equalTo("2026.2"))
                .body("criteria.find { it.criterion == 'BACKLASH' }.rules.find { it.id == 'BA-09' }.studies",
                        containsInAnyOrder("calderon-2015", "lindo-padilla-romo-2018"))
                .body("criteria.find { it.criterion == 'BACKLASH' }.rules.find { it.id == 'BA-09' }.passage",
                        equalTo("leading to more decentralized, violent entities rather than elimination"))
                .body("criteria.find { it.criterion == 'BACKLASH' }.rules.find { it.id == 'BA-01' }.studies", empty());
    }

    @Test
    void theReplacedModelIsDescribedOnRequestWithoutTheNewRules() {
        asAnalyst().accept(ContentType.JSON).queryParam("version", "2026.1").get("/model").then().statusCode(200)
                .body("modelVersion", equalTo("2026.1+9472a251"))
                .body("active", equalTo(false))
                .body("previousModelVersion", nullValue())
                .body("citations", empty())
                .body("criteria.find { it.criterion == 'BACKLASH' }.rules.id", not(hasItem("BA-09")));
    }

    @Test
    void anUnknownModelVersionIsA404ProblemNamingTheParameter() {
        asAnalyst().accept(ContentType.JSON).queryParam("version", "1999.1").get("/model").then().statusCode(404)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
    }

    @Test
    void comparingElChapoShowsTheBacklashTheNewModelAddsAndWhy() {
        PolicyAction action = ActionBuilder.from(ArticleActions.elChapoCapture().build()).id(UUID.randomUUID()).build();
        asAnalyst().contentType(ContentType.JSON).body(StreamFixture.json(action)).post("/score-compare").then().statusCode(200)
                .body("previousModelVersion", equalTo("2026.1+9472a251"))
                .body("currentModelVersion", matchesPattern("2026\\.2\\+[0-9a-f]{8}"))
                .body("previous.overall", equalTo(26))
                .body("current.overall", equalTo(29))
                .body("overallChange", equalTo(3))
                .body("criteria", hasSize(8))
                .body("criteria.find { it.criterion == 'BACKLASH' }.previous", equalTo(0))
                .body("criteria.find { it.criterion == 'BACKLASH' }.current", equalTo(20))
                .body("criteria.find { it.criterion == 'BACKLASH' }.rulesAdded", containsInAnyOrder("BA-09"))
                .body("criteria.find { it.criterion == 'DEMAND_UNTOUCHED' }.change", equalTo(0))
                .body("current.actionId", equalTo(action.id().toString()));
    }

    @Test
    void theNewFieldsAreReadAndScored() {
        String cienfuegos = """
                {"title":"Arrest of Salvador Cienfuegos in Los Angeles","type":"LEADERSHIP_TARGETING","targetCountry":"MX",
                 "occurredOn":"2020-10-15","theater":"US_DOMESTIC","leadAgency":"DEA","partnerConsent":"NOT_APPLICABLE",
                 "partnerOfficialTarget":"FORMER_OFFICIAL","partnerInformedBeforehand":false}""";
        asAnalyst().contentType(ContentType.JSON).body(cienfuegos).post("/score-compare").then().statusCode(200)
                .body("criteria.find { it.criterion == 'SOVEREIGNTY_FRICTION' }.previous", equalTo(0))
                .body("criteria.find { it.criterion == 'SOVEREIGNTY_FRICTION' }.current", equalTo(40))
                .body("criteria.find { it.criterion == 'SOVEREIGNTY_FRICTION' }.rulesAdded", containsInAnyOrder("SF-10", "SF-11"));
        asAnalyst().contentType(ContentType.JSON).body(cienfuegos.replace("FORMER_OFFICIAL", "MAYOR")).post("/score-preview").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("partnerOfficialTarget"));
    }

    @Test
    void anInvalidActionToCompareIsA400ProblemNamingTheField() {
        asAnalyst().contentType(ContentType.JSON)
                .body("{\"title\":\"\",\"type\":\"MILITARY_STRIKE\",\"targetCountry\":\"VE\",\"occurredOn\":\"2024-05-10\"}")
                .post("/score-compare").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title"));
    }
}
