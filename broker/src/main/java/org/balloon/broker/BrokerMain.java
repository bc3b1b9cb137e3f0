package org.balloon.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Runs one Apache Kafka node in KRaft mode (broker and controller in one process) for the local
 * run and the tests: formats the data directory if it is new, starts {@code kafka.Kafka}, creates
 * Balloon's topics explicitly (auto-creation is off) and prints {@value #READY} once clients can
 * use it.
 *
 * <p>Options (each also from the environment variable in brackets):
 * {@code --port} [BALLOON_KAFKA_PORT, 9092], {@code --controller-port} [BALLOON_KAFKA_CONTROLLER_PORT, 9093],
 * {@code --data-dir} [BALLOON_KAFKA_DATA_DIR, .run/kafka], {@code --topics} [BALLOON_KAFKA_TOPICS,
 * name:partitions,...].
 */
public final class BrokerMain {

    /** Printed on stdout once the broker answers and the topics exist; launchers wait for it. */
    public static final String READY = "BALLOON-BROKER-READY";

    /** Partition counts size the scale-out: scoring instances share the actions topic's partitions. */
    static final String DEFAULT_TOPICS =
            "balloon.policy-actions.v1:6,balloon.action-scores.v1:6,balloon.policy-actions.v1.dlq:1";

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int port = Integer.parseInt(opt(opts, "port", "BALLOON_KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(opt(opts, "controller-port", "BALLOON_KAFKA_CONTROLLER_PORT", "9093"));
        Path dataDir = Path.of(opt(opts, "data-dir", "BALLOON_KAFKA_DATA_DIR", ".run/kafka")).toAbsolutePath();
        Map<String, Integer> topics = topics(opt(opts, "topics", "BALLOON_KAFKA_TOPICS", DEFAULT_TOPICS));

        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("broker.pid");
        refuseIfTaken(pidFile, port, controllerPort);
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(pidFile)));

        Path config = writeConfig(dataDir, port, controllerPort);
        format(dataDir, config);

        String bootstrap = "127.0.0.1:" + port;
        Thread topicCreator = new Thread(() -> createTopicsThenAnnounce(bootstrap, topics), "balloon-topics");
        topicCreator.setDaemon(true);
        topicCreator.start();
        // blocks until the broker shuts down (SIGTERM runs Kafka's own shutdown hook)
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /**
     * Two brokers on one data directory wedge the first one, so a second start is refused, but only
     * while the other one really runs. After a {@code kill -9} the pid file stays behind, and the
     * killed process stays a zombie until its new parent (init) reaps it, which {@code kill -0} and
     * {@link ProcessHandle#isAlive()} both count as alive: so a broker that is dying gets a few
     * seconds to go, and a pid taken over by another program is no broker at all.
     */
    private static void refuseIfTaken(Path pidFile, int... ports) throws IOException {
        otherBroker(pidFile, Duration.ofSeconds(15)).ifPresent(pid -> fail("a broker (pid " + pid + ") already runs on "
                + pidFile.getParent()));
        for (int p : ports) {
            try (ServerSocket probe = new ServerSocket()) {
                // as Kafka binds: a port left in TIME_WAIT by the killed broker's connections is free
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), p), 1);
            } catch (IOException taken) {
                fail("port " + p + " is already in use");
            }
        }
    }

    /** The pid of another broker still running on this data directory, after waiting up to {@code grace} for it to exit. */
    static Optional<Long> otherBroker(Path pidFile, Duration grace) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String text = Files.readString(pidFile).trim();
        if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long pid = Long.parseLong(text);
        if (pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> other = ProcessHandle.of(pid).filter(BrokerMain::isBroker);
        Instant deadline = Instant.now().plus(grace);
        while (other.isPresent() && running(other.get())) {
            if (Instant.now().isAfter(deadline)) {
                return Optional.of(pid);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(pid);
            }
        }
        return Optional.empty();
    }

    /** Alive and not a zombie (a killed process that nobody has reaped yet holds no port and no file). */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat);
            // "pid (comm) state ...": comm may hold spaces and parentheses, the state follows the last ')'
            return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException noProc) {
            return process.isAlive(); // no /proc (not Linux), or it exited meanwhile
        }
    }

    /** A process whose command line we cannot read counts as a broker: refusing wrongly is the safe mistake. */
    private static boolean isBroker(ProcessHandle process) {
        return process.info().commandLine().map(c -> c.contains(BrokerMain.class.getName())).orElse(true);
    }

    static Path writeConfig(Path dataDir, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        // one node: internal topics cannot be replicated
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "6");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // a lone consumer should not wait 3 s for company before it gets its partitions
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "written by org.balloon.broker.BrokerMain");
        }
        return file;
    }

    /** {@code kafka-storage format --ignore-formatted}: a no-op on a directory formatted before. */
    static void format(Path dataDir, Path config) throws IOException {
        Path idFile = dataDir.resolve("cluster.id");
        // an id written by an older launcher may start with '-' (see clusterId()); such a
        // directory was never formatted, so a new id is safe
        if (!Files.exists(idFile) || Files.readString(idFile).trim().startsWith("-")) {
            Files.writeString(idFile, clusterId());
        }
        String clusterId = Files.readString(idFile).trim();
        int code = kafka.tools.StorageTool.execute(new String[] {
            "format", "--config", config.toString(), "--cluster-id", clusterId, "--ignore-formatted"}, System.out);
        if (code != 0) {
            fail("formatting " + dataDir + " failed with exit code " + code);
        }
    }

    private static void createTopicsThenAnnounce(String bootstrap, Map<String, Integer> topics) {
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "120000");
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            topics.forEach((name, partitions) -> {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, (short) 1));
                }
            });
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            System.out.println(READY + " bootstrap=" + bootstrap + " topics="
                    + topics.entrySet().stream().map(t -> t.getKey() + ":" + t.getValue()).collect(Collectors.joining(","))
                    + " at " + Instant.now());
            System.out.flush();
        } catch (Exception e) {
            System.err.println("balloon broker: could not create topics on " + bootstrap + ": " + e);
            Runtime.getRuntime().halt(3);
        }
    }

    static Map<String, Integer> topics(String spec) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":");
            topics.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
        }
        return topics;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("usage: BrokerMain [--port N] [--controller-port N] [--data-dir DIR] [--topics name:partitions,...]");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String opt(Map<String, String> opts, String name, String env, String fallback) {
        return Optional.ofNullable(opts.get(name)).or(() -> Optional.ofNullable(System.getenv(env)))
                .filter(v -> !v.isBlank()).orElse(fallback);
    }

    /**
     * A KRaft cluster id. Kafka's own {@code Uuid.randomUuid()} never starts with '-': a random
     * URL-safe base64 id that does (one in 64) is read by {@code kafka-storage format
     * --cluster-id} as an option and the broker fails to start.
     */
    static String clusterId() {
        return Uuid.randomUuid().toString();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fail(String message) {
        PrintStream err = System.err;
        err.println("balloon broker: " + message);
        System.exit(2);
    }
}
