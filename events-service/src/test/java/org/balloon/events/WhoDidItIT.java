package org.balloon.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.events.TestActions.action;
import static org.balloon.events.TestActions.json;
import static org.balloon.events.TestActions.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.balloon.access.Roles;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TestTokens;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every action and retraction records who made it: in the row, on the Kafka record, in the audit trail. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class WhoDidItIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TopicReader topic;

    @BeforeAll
    static void readTopic() {
        topic = TopicReader.of(Topics.POLICY_ACTIONS);
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    private static RequestSpecification as(String role, String name) {
        return given().auth().oauth2(TestTokens.of(role, name));
    }

    private static String submit(String analyst) {
        return as(Roles.ANALYST, analyst).contentType("application/json").body(json(action(unique("who")))).post("/actions")
                .then().statusCode(202).extract().path("id");
    }

    @Test
    void theSubmitterTravelsOnTheRecordAndOnlyAdminsSeeIt() {
        String ana = unique("ana");
        String id = submit(ana);

        ConsumerRecord<String, String> record = topic.awaitMatching(r -> id.equals(r.key()), 1, WAIT).get(0);
        assertThat(TopicReader.header(record, Topics.HEADER_PRINCIPAL)).isEqualTo(ana);

        as(Roles.ADMIN, "root").get("/actions/" + id).then().statusCode(200)
                .body("submittedBy.subject", equalTo(ana)).body("submittedBy.name", equalTo(ana));
        as(Roles.VIEWER, "reader").get("/actions/" + id).then().statusCode(200).body("submittedBy", nullValue());
        as(Roles.ANALYST, ana).get("/actions/" + id).then().statusCode(200).body("submittedBy", nullValue());
    }

    @Test
    void anAnalystRetractsOnlyItsOwnActionsAndAnAdminAnyAndTheTombstoneNamesWho() {
        String ana = unique("ana");
        String bob = unique("bob");
        String anasAction = submit(ana);
        String bobsAction = submit(bob);

        as(Roles.ANALYST, bob).contentType("application/json").body("{\"reason\":\"not mine\"}")
                .post("/actions/" + anasAction + "/retract").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        as(Roles.ANALYST, ana).contentType("application/json").body("{\"reason\":\"entered twice\"}")
                .post("/actions/" + anasAction + "/retract").then().statusCode(202);
        as(Roles.ADMIN, "root").contentType("application/json").body("{\"reason\":\"moderated\"}")
                .post("/actions/" + bobsAction + "/retract").then().statusCode(202);

        List<ConsumerRecord<String, String>> bobs = topic.awaitMatching(r -> bobsAction.equals(r.key()), 2, WAIT);
        assertThat(bobs.get(1).value()).isNull();
        assertThat(TopicReader.header(bobs.get(1), Topics.HEADER_PRINCIPAL)).isEqualTo("root");
        as(Roles.ADMIN, "root").get("/actions/" + bobsAction).then().statusCode(200)
                .body("submittedBy.subject", equalTo(bob)).body("retractedBy.subject", equalTo("root"));
    }

    @Test
    void theAuditTrailListsSubmissionsAndRetractionsByPrincipalAndTimeInPages() {
        String carla = unique("carla");
        Instant before = Instant.now().minusSeconds(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(carla));
        }
        as(Roles.ANALYST, carla).contentType("application/json").body("{\"reason\":\"wrong country\"}")
                .post("/actions/" + ids.get(0) + "/retract").then().statusCode(202);
        submit(unique("someone-else"));

        RequestSpecification admin = as(Roles.ADMIN, "auditor");
        JsonPath first = admin.queryParam("principal", carla).queryParam("limit", 3).get("/audit")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.kind")).containsExactly("RETRACTED", "SUBMITTED", "SUBMITTED");
        assertThat(first.getString("items[0].actionId")).isEqualTo(ids.get(0));
        assertThat(first.getString("items[0].reason")).isEqualTo("wrong country");
        assertThat(first.getList("items.principal.subject")).containsOnly(carla);
        String next = first.getString("nextPageToken");
        assertThat(next).isNotNull();

        JsonPath second = as(Roles.ADMIN, "auditor").queryParam("principal", carla).queryParam("limit", 3)
                .queryParam("pageToken", next).get("/audit").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.kind")).containsExactly("SUBMITTED");
        List<String> submitted = new ArrayList<>(first.getList("items.actionId", String.class).subList(1, 3));
        submitted.add(second.getString("items[0].actionId"));
        assertThat(submitted).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(second.getString("nextPageToken")).isNull();

        // a window that ends before the first submission holds none of them
        as(Roles.ADMIN, "auditor").queryParam("principal", carla).queryParam("to", before.toString()).get("/audit")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        as(Roles.ADMIN, "auditor").queryParam("from", before.toString()).queryParam("limit", 200).get("/audit")
                .then().statusCode(200).body("items.principal.subject", hasItem(carla));
        as(Roles.ADMIN, "auditor").queryParam("from", "yesterday").queryParam("limit", 0).get("/audit")
                .then().statusCode(400).body("errors.field", hasItem("from")).body("errors.field", hasItem("limit"));
        as(Roles.ANALYST, carla).get("/audit").then().statusCode(403);
    }
}
