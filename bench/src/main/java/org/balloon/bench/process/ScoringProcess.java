package org.balloon.bench.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.balloon.bench.config.BenchConfig;

/**
 * A second scoring-service, started from the jar {@code bin/balloon up} built, on the run's own
 * topics and consumer group and a free HTTP port, with the heap options bin/balloon uses. It is
 * stopped like bin/balloon stops services (SIGTERM, then kill), also when the benchmark is interrupted.
 */
public final class ScoringProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final Thread hook;

    private ScoringProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.hook = new Thread(process::destroyForcibly, "bench-scoring-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static ScoringProcess start(BenchConfig cfg, String actions, String scores, String dlq, String group)
            throws IOException {
        Path app = cfg.root().resolve("scoring-service/target/quarkus-app");
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: run bin/balloon up once (it builds the services)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(cfg.javaOpts());
        // the class-data archive bin/balloon up uses when the build made one
        Path cds = app.resolve("app-cds.jsa");
        if (Files.isRegularFile(cds)) {
            cmd.addAll(List.of("-XX:SharedArchiveFile=" + cds, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        cmd.addAll(List.of("-jar", jar.toString()));
        Path logs = cfg.root().resolve(".run/logs");
        Files.createDirectories(logs);
        Path log = logs.resolve("bench-scoring-" + cfg.runId() + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
        env.put("KAFKA_BOOTSTRAP_SERVERS", cfg.bootstrap());
        env.put("BALLOON_TOPICS_POLICY_ACTIONS", actions);
        env.put("BALLOON_TOPICS_ACTION_SCORES", scores);
        env.put("BALLOON_TOPICS_DLQ", dlq);
        env.put("BALLOON_SCORING_GROUP", group);
        return new ScoringProcess(pb.start(), log);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
