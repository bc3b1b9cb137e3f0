package org.balloon.events;

import static io.restassured.RestAssured.given;
import static org.balloon.testsupport.Authorized.asAnalyst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.events.TestActions.action;
import static org.balloon.events.TestActions.json;
import static org.balloon.events.TestActions.unique;
import static org.balloon.events.TestActions.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * The optional fields model 2026.2 reads (partnerOfficialTarget, partnerInformedBeforehand) are accepted,
 * stored and published as sent; a bad value is a problem naming the field; an action without them is unchanged.
 */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class PartnerFieldsIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theArrestOfAFormerPartnerOfficialWithoutTellingThePartnerIsStoredAndPublishedWithBothFields() {
        // Salvador Cienfuegos, Mexico's former defence secretary, arrested in Los Angeles in October 2020
        Map<String, Object> cienfuegos = with(with(with(with(with(action(unique("Cienfuegos arrest")),
                "type", "LEADERSHIP_TARGETING"), "targetCountry", "MX"), "theater", "US_DOMESTIC"),
                "partnerOfficialTarget", "FORMER_OFFICIAL"), "partnerInformedBeforehand", false);
        try (TopicReader topic = TopicReader.of(Topics.POLICY_ACTIONS)) {
            String id = asAnalyst().contentType("application/json").body(json(cienfuegos)).post("/actions")
                    .then().statusCode(202).extract().path("id");
            ConsumerRecord<String, String> record = topic.awaitMatching(r -> id.equals(r.key()), 1, WAIT).get(0);
            assertThat(TestActions.readMap(record.value())).containsEntry("partnerOfficialTarget", "FORMER_OFFICIAL")
                    .containsEntry("partnerInformedBeforehand", false);
            assertThat(TestActions.readMap(TestActions.payload(id))).containsEntry("partnerOfficialTarget", "FORMER_OFFICIAL")
                    .containsEntry("partnerInformedBeforehand", false);
            asAnalyst().get("/actions/" + id).then().statusCode(200)
                    .body("partnerOfficialTarget", equalTo("FORMER_OFFICIAL"))
                    .body("partnerInformedBeforehand", equalTo(false));
        }
    }

    @Test
    void aValueOutsideTheEnumOrOfTheWrongTypeIsAProblemNamingTheField() {
        asAnalyst().contentType("application/json")
                .body(json(with(action(unique("bad official")), "partnerOfficialTarget", "MAYOR"))).post("/actions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("partnerOfficialTarget"));
        asAnalyst().contentType("application/json")
                .body(json(with(action(unique("bad informed")), "partnerInformedBeforehand", "yes"))).post("/actions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("partnerInformedBeforehand"));
    }
}
