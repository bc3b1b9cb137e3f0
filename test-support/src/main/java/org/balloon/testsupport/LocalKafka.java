package org.balloon.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.balloon.contracts.Topic;
import org.balloon.contracts.Topics;

/**
 * The Kafka broker of a test run, shared by every test of the JVM.
 *
 * <p>When {@code KAFKA_BOOTSTRAP_SERVERS} is set (CI with a broker of its own, Testcontainers,
 * a developer's running stack) that broker is used and the run gets topics of its own, suffixed
 * with the run id, so reruns never read old records. Otherwise a real Apache Kafka node (the
 * {@code broker} module) is started as a child process on free ports with a fresh data
 * directory, and stopped when the JVM exits.
 */
public final class LocalKafka {

    /** The contract's topics and their partition counts, as the real stack creates them. */
    public static final Map<String, Integer> PARTITIONS = Topics.ALL.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Topic::name, Topic::localPartitions));

    private static LocalKafka instance;

    private final String bootstrapServers;
    private final String topicSuffix;

    private LocalKafka(String bootstrapServers, String topicSuffix) {
        this.bootstrapServers = bootstrapServers;
        this.topicSuffix = topicSuffix;
    }

    /** The run's broker, started on first use. */
    public static synchronized LocalKafka get() {
        if (instance == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                instance = new LocalKafka(external, "." + TestRun.ID);
                instance.createTopics();
            } else {
                instance = new LocalKafka(startBroker(), "");
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** This run's name for one of the contract's topics. */
    public String topic(String contractTopic) {
        return contractTopic + topicSuffix;
    }

    /** Quarkus configuration that points a service at this broker and this run's topics. */
    public Map<String, String> config() {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "balloon.topics.policy-actions", topic(Topics.POLICY_ACTIONS),
                "balloon.topics.action-scores", topic(Topics.ACTION_SCORES),
                "balloon.topics.dlq", topic(Topics.POLICY_ACTIONS_DLQ));
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = PARTITIONS.entrySet().stream()
                    .map(t -> new NewTopic(topic(t.getKey()), t.getValue(), (short) 1)).toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the run's topics on " + bootstrapServers, e);
        }
    }

    private static String startBroker() {
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(PARTITIONS);
        return broker.bootstrapServers();
    }

    /** The broker module's classes and dependencies, as Maven wrote them (see broker/pom.xml). */
    static String brokerClasspath() throws IOException {
        Path file = Path.of(System.getProperty("balloon.broker.classpath", "")).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            file = findUpwards(Path.of("").toAbsolutePath(), Path.of("broker", "target", "broker.classpath"));
        }
        Path classes = file.getParent().resolve("classes");
        return classes + java.io.File.pathSeparator + Files.readString(file).trim();
    }

    private static Path findUpwards(Path from, Path relative) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " above " + from
                + ": build the broker module first (./mvnw -pl broker package)");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Plain client properties for tests that read or write topics directly. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers);
        return p;
    }
}
