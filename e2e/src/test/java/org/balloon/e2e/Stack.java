package org.balloon.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.balloon.testsupport.LocalKafka;
import org.balloon.testsupport.LocalPostgres;
import org.balloon.testsupport.TestTokens;

/**
 * The whole Balloon stack for end-to-end tests: the run's Kafka broker (test-support), schemas
 * of the run's own in PostgreSQL, and the three services started from their packaged
 * {@code target/quarkus-app/quarkus-run.jar} as child processes on free ports. Started once per
 * test JVM, stopped (and the schemas dropped) when the JVM exits. A test can add a scoring-service
 * instance of its own to the group ({@link #startScoring(String)}); it stops it again itself.
 */
public final class Stack {

    public enum Service {
        EVENTS("events-service", "e2e_events"),
        SCORING("scoring-service", null),
        GATEWAY("gateway", "e2e_gateway");

        final String module;
        final String schema;

        Service(String module, String schema) {
            this.module = module;
            this.schema = schema;
        }
    }

    /** The scoring-service's Kafka Streams application id (its default), also its consumer group. */
    public static final String SCORING_GROUP = "balloon-scoring";

    private static Stack instance;

    private final Path root;
    private final Path logs;
    // keyed by process name: a service's module, or "<module>-<name>" for an extra instance
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    // the services export their traces here (OTLP/HTTP), as they would to Jaeger: TraceIT reads them
    private final OtlpReceiver traces = new OtlpReceiver();
    private final Map<Service, Map<String, String>> overrides = new LinkedHashMap<>();

    private Stack() {
        root = Path.of(System.getProperty("balloon.root", "..")).toAbsolutePath().normalize();
        logs = root.resolve("e2e/target/e2e-logs");
    }

    /** The running stack, started on first use. */
    public static synchronized Stack get() {
        if (instance == null) {
            Stack stack = new Stack();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "balloon-e2e-stop"));
            stack.startAll();
            instance = stack;
        }
        return instance;
    }

    public OtlpReceiver traces() {
        return traces;
    }

    public String gatewayUrl() {
        return url(Service.GATEWAY);
    }

    public String url(Service service) {
        return url(service.module);
    }

    public Path log(Service service) {
        return log(service.module);
    }

    private String url(String process) {
        return "http://127.0.0.1:" + ports.get(process);
    }

    private Path log(String process) {
        return logs.resolve(process + ".log");
    }

    /** The scoring-service's Kafka Streams state directory (this run's only). */
    public Path scoringStateDir() {
        return stateDir(Service.SCORING.module);
    }

    private Path stateDir(String process) {
        return root.resolve("e2e/target/" + process.replace("scoring-service", "scoring-state") + "-" + org.balloon.testsupport.TestRun.ID);
    }

    /** The scoring-service's static group member id (Kafka Streams adds "-" and the thread number). */
    public static String scoringInstanceId() {
        return "e2e-" + Service.SCORING.module;
    }

    private void startAll() {
        try {
            Files.createDirectories(logs);
            for (Service s : Service.values()) {
                Files.deleteIfExists(log(s));
                ports.put(s.module, freePort());
                if (s.schema != null) {
                    LocalPostgres.dropSchema(s.schema);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalKafka.get();
        for (Service s : Service.values()) {
            start(s);
        }
        for (Service s : Service.values()) {
            awaitReady(s);
        }
        warmUp();
    }

    /**
     * Ready is not yet fast: the first calls through a fresh JVM can take longer than the
     * gateway's upstream timeouts on a busy machine. One successful model read and preview through
     * the gateway before the tests start keeps that out of the tests' first requests.
     */
    private void warmUp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String action = "{\"title\":\"warm-up\",\"type\":\"EXTRADITION\",\"targetCountry\":\"MX\",\"occurredOn\":\"2024-01-01\"}";
        await("the stack answers through the gateway").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    String bearer = "Bearer " + TestTokens.analyst();
                    int model = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/model")).header("Authorization", bearer)
                            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    int preview = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/score-preview"))
                            .header("Content-Type", "application/json").header("Authorization", bearer).timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.ofString(action)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    int list = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/actions?limit=1")).header("Authorization", bearer)
                            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    return model == 200 && preview == 200 && list == 200;
                });
    }

    /** Starts one service again with some settings of its own (system properties), until the next {@link #start(Service)}. */
    public synchronized void start(Service service, Map<String, String> settings) {
        overrides.put(service, Map.copyOf(settings));
        start(service);
        overrides.remove(service);
    }

    /** Starts one service (again, on its port). */
    public synchronized void start(Service service) {
        launch(service, service.module, systemProperties(service));
    }

    /**
     * Starts another scoring-service instance in the group (issue 14: several instances share the
     * work): its own port, log, empty state directory and static member id, the same application
     * id, broker and topics. Close it (try-with-resources) to stop it; the stack then has one again.
     */
    public synchronized ScoringInstance startScoring(String name) {
        String process = Service.SCORING.module + "-" + name;
        try {
            ports.put(process, freePort());
            Files.deleteIfExists(log(process));
            deleteTree(stateDir(process));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> p = systemProperties(Service.SCORING);
        p.put("quarkus.http.port", Integer.toString(ports.get(process)));
        p.put("kafka-streams.state.dir", stateDir(process).toString());
        p.put("kafka-streams.group.instance.id", scoringInstanceId() + "-" + name);
        launch(Service.SCORING, process, p);
        return new ScoringInstance(process, scoringInstanceId() + "-" + name);
    }

    /** An extra scoring-service instance of a test's ({@link #startScoring(String)}). */
    public final class ScoringInstance implements AutoCloseable {
        private final String process;
        private final String instanceId;

        private ScoringInstance(String process, String instanceId) {
            this.process = process;
            this.instanceId = instanceId;
        }

        public String url() {
            return Stack.this.url(process);
        }

        public String instanceId() {
            return instanceId;
        }

        public void awaitReady() {
            Stack.this.awaitReady(process);
        }

        /** Kills it (SIGKILL): no commit, no goodbye to the group (its session ends it). */
        public void kill() {
            Stack.this.kill(process);
        }

        /** Stops it (SIGTERM: it commits and leaves the group); a second stop does nothing. */
        @Override
        public void close() {
            stop(process);
        }
    }

    /** Deletes a directory and everything in it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void launch(Service service, String process, Map<String, String> properties) {
        Path jar = root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -B -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(process).toFile()));
            // the services read these too; the run's values must win over a developer's shell
            pb.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
            pb.environment().remove("BALLOON_EVENTS_URL");
            pb.environment().remove("BALLOON_SCORING_URL");
            pb.environment().remove("BALLOON_AUTH_KEYS");
            pb.environment().remove("BALLOON_PUBLIC_READ");
            processes.put(process, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + process, e);
        }
    }

    private Map<String, String> systemProperties(Service service) {
        Map<String, String> p = new LinkedHashMap<>(LocalKafka.get().config());
        p.put("quarkus.http.port", Integer.toString(ports.get(service.module)));
        // the services trust the tokens this test JVM signs
        p.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyLocation());
        // an OTLP endpoint turns tracing on (TracingSwitch); spans leave within half a second
        p.put("quarkus.otel.exporter.otlp.traces.endpoint", traces.endpoint());
        p.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
        p.put("quarkus.otel.bsp.schedule.delay", "500ms");
        if (service.schema != null) {
            p.putAll(LocalPostgres.config(service.schema));
        }
        if (service == Service.SCORING) {
            // Kafka Streams' local stores of this run only (a developer's stack uses the same application id)
            p.put("kafka-streams.state.dir", scoringStateDir().toString());
            p.put("kafka-streams.group.instance.id", scoringInstanceId());
        }
        if (service == Service.GATEWAY) {
            p.put("balloon.events.url", url(Service.EVENTS));
            p.put("balloon.scoring.url", url(Service.SCORING));
            p.put("balloon.stream.heartbeat", "5S");
        }
        p.putAll(overrides.getOrDefault(service, Map.of()));
        return p;
    }

    public void awaitReady(Service service) {
        awaitReady(service.module);
    }

    private void awaitReady(String process) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await(process + " ready (log: " + log(process) + ")")
                .atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    Process p = processes.get(process);
                    if (p == null || !p.isAlive()) {
                        throw new IllegalStateException(process + " exited; see " + log(process));
                    }
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url(process) + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                    return r.statusCode() == 200;
                });
    }

    /** Stops one service and waits until it is gone (its port then refuses connections). */
    public void stop(Service service) {
        stop(service.module);
    }

    private synchronized void stop(String process) {
        Process p = processes.remove(process);
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    public synchronized boolean isRunning(Service service) {
        Process p = processes.get(service.module);
        return p != null && p.isAlive();
    }

    /** Starts a service again if a test left it stopped, and waits until it is ready. */
    public void ensureRunning(Service service) {
        if (!isRunning(service)) {
            start(service);
        }
        awaitReady(service);
    }

    /** Kills one service the hard way (SIGKILL): no shutdown hook, no commit, no goodbye to the group. */
    public void kill(Service service) {
        kill(service.module);
    }

    private synchronized void kill(String process) {
        Process p = processes.remove(process);
        if (p == null) {
            return;
        }
        try {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void stopAll() {
        List<String> reverse = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(reverse);
        reverse.forEach(this::stop);
        traces.close();
        for (Service s : Service.values()) {
            if (s.schema != null) {
                try {
                    LocalPostgres.dropSchema(s.schema);
                } catch (RuntimeException e) {
                    System.err.println("could not drop " + s.schema + ": " + e.getMessage());
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
