package org.balloon.bench.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run needs, from the same environment variables as {@code bin/balloon} (so the
 * benchmark finds whichever stack runs: the default ports or a developer's own) and the command
 * line ({@code --quick} for small counts, {@code --only} to run some sections).
 */
public record BenchConfig(
        Path root,
        String host,
        int gatewayPort,
        int eventsPort,
        int scoringPort,
        int kafkaPort,
        Optional<String> token,
        List<String> javaOpts,
        String commit,
        boolean quick,
        List<String> only,
        String runId,
        int batchSize,
        int scoringRecords,
        int rescoreTimeoutSeconds,
        int steadyRate,
        int steadyClients,
        Duration steadyDuration,
        int singles,
        int fanoutSubscribers,
        int fanoutRate,
        Duration fanoutDuration,
        int brokerRecords) {

    /** Loopback only: the benchmark never measures a remote stack (nor loads one). */
    public static final String LOOPBACK = "127.0.0.1";

    public static BenchConfig from(String[] args, Map<String, String> env) {
        boolean quick = false;
        List<String> only = List.of();
        Path root = Path.of(env.getOrDefault("BALLOON_ROOT", ".")).toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = List.of(value(args, ++i, "--only").split(","));
                case "--root" -> root = Path.of(value(args, ++i, "--root")).toAbsolutePath().normalize();
                case "--help", "-h" -> throw new UsageException(usage());
                default -> throw new UsageException("unknown argument " + args[i] + "\n" + usage());
            }
        }
        if (!Files.isDirectory(root.resolve("scoring-service"))) {
            throw new UsageException("not a Balloon checkout: " + root + " (run it as bin/balloon bench, or pass --root)");
        }
        String token = env.get("BALLOON_TOKEN");
        String opts = env.getOrDefault("BALLOON_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC");
        String runId = Long.toString(System.currentTimeMillis() / 1000, 36);
        return new BenchConfig(root, LOOPBACK,
                port(env, "BALLOON_GATEWAY_PORT", 8080),
                port(env, "BALLOON_EVENTS_PORT", 8081),
                port(env, "BALLOON_SCORING_PORT", 8082),
                port(env, "BALLOON_KAFKA_PORT", 9092),
                token == null || token.isBlank() ? Optional.empty() : Optional.of(token.trim()),
                List.of(opts.trim().split("\\s+")),
                env.getOrDefault("BALLOON_BENCH_COMMIT", "unknown"),
                quick, only, runId,
                10_000,
                quick ? 20_000 : 100_000,
                quick ? 180 : 600,
                500, 32,
                Duration.ofSeconds(quick ? 15 : 60),
                quick ? 100 : 200,
                quick ? 200 : 1_000,
                500,
                Duration.ofSeconds(20),
                quick ? 50_000 : 200_000);
    }

    public String gateway() {
        return "http://" + host + ":" + gatewayPort;
    }

    public String scoring() {
        return "http://" + host + ":" + scoringPort;
    }

    public String bootstrap() {
        return host + ":" + kafkaPort;
    }

    public boolean runs(String section) {
        return only.isEmpty() || only.contains(section);
    }

    /** A topic of this run: {@code bench.<run>.<name>}, so runs never read each other's records. */
    public String topic(String name) {
        return "bench." + runId + "." + name;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        try {
            return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " is not a port: " + v);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value\n" + usage());
        }
        return args[i];
    }

    static String usage() {
        return """
                usage: bin/balloon bench [--quick] [--only SECTIONS]
                  --quick        small counts (scoring 20 000 records, steady 15 s, 200 SSE subscribers)
                  --only a,b     run only these sections: batch, scoring, rescore, steady, fanout, broker, services
                The stack's addresses come from BALLOON_GATEWAY_PORT, BALLOON_SCORING_PORT, BALLOON_KAFKA_PORT
                (defaults 8080, 8082, 9092); BALLOON_TOKEN, when set, is sent as a bearer token.""";
    }

    /** A command line or environment that cannot run; printed without a stack trace. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
