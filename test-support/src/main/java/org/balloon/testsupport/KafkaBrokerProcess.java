package org.balloon.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Apache Kafka node (the {@code broker} module) run as a child process on fixed free ports
 * and its own data directory. It can be stopped and started again on the same ports and data, so
 * a test can take "its" broker away and bring it back with every record it had.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final String topicSpec;
    private Process process;
    private int starts;

    private KafkaBrokerProcess(Map<String, Integer> topics) throws IOException {
        this.port = LocalKafka.freePort();
        this.controllerPort = LocalKafka.freePort();
        this.dataDir = Files.createTempDirectory("balloon-kafka-");
        this.topicSpec = topics.entrySet().stream().map(t -> t.getKey() + ":" + t.getValue())
                .collect(Collectors.joining(","));
        // the broker is a separate process: it must not outlive the test JVM, whoever forgets to
        // close it (a Quarkus test profile and its test class may even hold different instances)
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "balloon-kafka-stop"));
    }

    /** Starts a new node with these topics (name to partition count) and waits until it is ready. */
    public static KafkaBrokerProcess start(Map<String, Integer> topics) {
        try {
            KafkaBrokerProcess broker = new KafkaBrokerProcess(topics);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a test broker", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** (Re)starts the node on the same ports and data directory and waits until clients can use it. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Path log = dataDir.resolve("broker-" + (++starts) + ".log");
            process = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC",
                    "-cp", LocalKafka.brokerClasspath(),
                    "org.balloon.broker.BrokerMain",
                    "--port", Integer.toString(port),
                    "--controller-port", Integer.toString(controllerPort),
                    "--data-dir", dataDir.toString(),
                    "--topics", topicSpec)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Process started = process;
            await("Kafka broker ready (log: " + log + ")").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException("the broker exited: " + Files.readString(log));
                        }
                        return Files.readString(log).contains("BALLOON-BROKER-READY");
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test broker", e);
        }
    }

    /** Stops the node (SIGTERM, Kafka's own orderly shutdown) and keeps its data for a restart. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Stops the node and deletes its data. */
    @Override
    public synchronized void close() {
        stop();
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dataDir + ": " + e);
        }
    }
}
