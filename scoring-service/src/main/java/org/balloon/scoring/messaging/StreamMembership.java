package org.balloon.scoring.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A stopping instance leaves the consumer group at once, so that the others (or its own restart)
 * get its partitions without waiting for its session to time out.
 *
 * <p>Quarkus closes the stream with {@link KafkaStreams#close()}, which never leaves the group:
 * Kafka Streams' consumers do not send a LeaveGroup on close, and a static member (see
 * {@code kafka-streams.group.instance.id}) never does by itself. After a rolling update the pod
 * names, hence the instance ids, are new, so the old members would hold their partitions for a
 * whole session. Closing with {@code leaveGroup} removes the member (for a static one through the
 * admin client) once its last offsets are committed. Runs before Quarkus' own close, which then
 * finds the stream stopped.
 */
@ApplicationScoped
public class StreamMembership {

    private static final Logger LOG = Logger.getLogger(StreamMembership.class);

    private final Duration closeTimeout;

    public StreamMembership(@ConfigProperty(name = "balloon.scoring.close-timeout") Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }

    void leaveOnShutdown(@Observes @Priority(1) ShutdownEvent event, Instance<KafkaStreams> streams) {
        if (!streams.isResolvable()) {
            return;
        }
        KafkaStreams stream = streams.get();
        long start = System.nanoTime();
        boolean closed = stream.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(closeTimeout));
        LOG.infof("scoring stream closed (%s) and left the group in %d ms", closed ? "cleanly" : "timed out",
                (System.nanoTime() - start) / 1_000_000);
    }
}
