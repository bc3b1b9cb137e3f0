package org.balloon.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.balloon.events.TestActions.action;
import static org.balloon.events.TestActions.count;
import static org.balloon.events.TestActions.json;
import static org.balloon.events.TestActions.unique;
import static org.balloon.testsupport.Authorized.asAnalyst;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.KafkaBrokerProcess;
import org.balloon.testsupport.LocalKafka;
import org.balloon.testsupport.TopicReader;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away while analysts keep posting: intake still accepts, and once the broker is
 * back every action is published exactly once. The run's shared broker must not be stopped, so
 * this test gets a broker of its own (and, through its profile, an application pointed at it).
 */
@QuarkusTest
@TestProfile(BrokerOutageIT.OwnBroker.class)
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "events"))
class BrokerOutageIT {

    private static final int DURING_OUTAGE = 25;

    /** Points the application at a dedicated broker, started with the profile. */
    public static class OwnBroker implements QuarkusTestProfile {

        static KafkaBrokerProcess broker;

        static synchronized KafkaBrokerProcess broker() {
            if (broker == null) {
                broker = KafkaBrokerProcess.start(LocalKafka.PARTITIONS);
            }
            return broker;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", broker().bootstrapServers(),
                    "balloon.topics.policy-actions", Topics.POLICY_ACTIONS,
                    "balloon.outbox.poll-interval", "PT0.5S");
        }
    }

    @AfterAll
    static void removeBroker() {
        OwnBroker.broker().close();
    }

    @Test
    void actionsPostedWhileTheBrokerIsDownArePublishedExactlyOnceWhenItReturns() {
        KafkaBrokerProcess broker = OwnBroker.broker();
        assertThat(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .as("the application publishes to this test's own broker").isEqualTo(broker.bootstrapServers());
        String tag = unique("outage");
        List<String> ids = new ArrayList<>();
        ids.add(post(tag + "-before"));
        try (TopicReader topic = TopicReader.on(broker.bootstrapServers(), Topics.POLICY_ACTIONS)) {
            topic.awaitMatching(r -> ids.get(0).equals(r.key()), 1, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from outbox_record where sent_at is null") == 0);

        broker.stop();
        for (int i = 0; i < DURING_OUTAGE; i++) {
            ids.add(post(tag + "-" + i));
        }
        assertThat(count("select count(*) from policy_action where title like ?", tag + "-%")).isEqualTo(DURING_OUTAGE + 1);
        assertThat(count("select count(*) from outbox_record where sent_at is null")).isEqualTo(DURING_OUTAGE);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("balloon_outbox_lag"));

        broker.start();
        try (TopicReader topic = TopicReader.on(broker.bootstrapServers(), Topics.POLICY_ACTIONS)) {
            Set<String> wanted = new HashSet<>(ids);
            topic.awaitMatching(r -> wanted.contains(r.key()), ids.size(), Duration.ofMinutes(3));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> count("select count(*) from outbox_record where sent_at is null") == 0);
            // one more action through the recovered path: everything before it has settled
            String barrier = post(tag + "-after");
            topic.awaitMatching(r -> barrier.equals(r.key()), 1, Duration.ofSeconds(60));

            List<ConsumerRecord<String, String>> published = topic.records().stream()
                    .filter(r -> wanted.contains(r.key())).toList();
            assertThat(published).hasSize(ids.size());
            assertThat(published.stream().map(ConsumerRecord::key)).containsExactlyInAnyOrderElementsOf(ids);
            for (ConsumerRecord<String, String> r : published) {
                assertThat(r.value()).isEqualTo(TestActions.payload(r.key()));
            }
        }
        assertThat(count("select count(*) from outbox_record o where o.sent_at is not null and o.action_id = any(?)",
                (Object) ids.stream().map(UUID::fromString).toArray(UUID[]::new))).isEqualTo(ids.size());
    }

    private static String post(String title) {
        return asAnalyst().contentType("application/json").body(json(action(title))).post("/actions")
                .then().statusCode(202).extract().path("id");
    }
}
