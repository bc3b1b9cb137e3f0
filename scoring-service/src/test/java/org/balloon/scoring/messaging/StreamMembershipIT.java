package org.balloon.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.LocalKafka;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The stream is a static member of its consumer group (group.instance.id from the host and port),
 * so an instance restarted after a crash takes its partitions back at once instead of waiting for
 * the dead member's session to end; the session itself is 10 s (the recovery is measured by the
 * fault suite, docs/reliability.md).
 */
@QuarkusTest
@WithTestResource(BalloonInfrastructure.class)
class StreamMembershipIT {

    @ConfigProperty(name = "quarkus.kafka-streams.application-id")
    String group;

    @Test
    void theStreamThreadIsAStaticMemberHoldingEveryPartition() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalKafka.get().bootstrapServers()))) {
            ConsumerGroupDescription stable = await("a stable group " + group).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(),
                            g -> g.groupState() == GroupState.STABLE && !g.members().isEmpty());

            assertThat(stable.members()).singleElement().satisfies(member -> {
                // host name and HTTP port (as configured: a test's random port is chosen later), then the thread
                assertThat(member.groupInstanceId()).hasValueSatisfying(id -> assertThat(id).matches("[^$]+-\\d+-1"));
                assertThat(member.assignment().topicPartitions()).isNotEmpty();
            });
            assertThat(stable.members().stream().map(MemberDescription::groupInstanceId)).doesNotContain(Optional.empty());
        }
    }
}
