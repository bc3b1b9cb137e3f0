package org.balloon.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.balloon.bench.config.BenchConfig;
import org.balloon.bench.http.StackClient;
import org.balloon.bench.kafka.BenchKafka;
import org.balloon.bench.process.CpuMeter;
import org.balloon.bench.process.Machine;
import org.balloon.bench.report.Report;
import org.balloon.bench.report.Row;
import org.balloon.bench.section.BatchSection;
import org.balloon.bench.section.BrokerSection;
import org.balloon.bench.section.Context;
import org.balloon.bench.section.FanoutSection;
import org.balloon.bench.section.RescoreSection;
import org.balloon.bench.section.ScoringSection;
import org.balloon.bench.section.Section;
import org.balloon.bench.section.ServicesSection;
import org.balloon.bench.section.SteadySection;

/**
 * The benchmark of issue 9 against a running stack ({@code bin/balloon bench}): every section in
 * turn, each bounded in count and time, then one table on stdout and the same table as Markdown in
 * {@code bench/results/<timestamp>.md}. A section that fails prints "not measured" with the reason;
 * the run goes on.
 */
public final class BenchMain {

    /** In this order: the broker first (quiet machine), the services' figures last (RSS after the load). */
    private static final List<Section> SECTIONS = List.of(new BrokerSection(), new BatchSection(), new ScoringSection(),
            new RescoreSection(), new SteadySection(), new FanoutSection(), new ServicesSection());

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig cfg;
        try {
            cfg = BenchConfig.from(args, System.getenv());
        } catch (BenchConfig.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        String loadBefore = Machine.loadAverage();
        Report report = new Report();
        try (StackClient client = new StackClient(cfg.token())) {
            if (!ready(client, cfg)) {
                System.err.println("bench: no ready gateway at " + cfg.gateway() + " (start the stack with bin/balloon up, "
                        + "with the same BALLOON_*_PORT variables)");
                System.exit(1);
            }
            Context ctx = new Context(cfg, client, new BenchKafka(cfg.bootstrap()), new Machine(cfg.root()));
            CpuMeter cpu = new CpuMeter(ctx.machine());
            for (Section s : SECTIONS) {
                if (!cfg.runs(s.name())) {
                    continue;
                }
                ctx.progress(s.name(), "start (load average " + Machine.loadAverage() + ")");
                Map<String, Double> cpuBefore = cpu.snapshot();
                try {
                    report.addAll(s.run(ctx));
                    if (!"services".equals(s.name())) {
                        Map<String, Double> cpuAfter = cpu.snapshot();
                        report.addAll(List.of(Row.info("CPU seconds during section " + s.name() + ", all processes",
                                CpuMeter.total(cpuBefore, cpuAfter), "s", CpuMeter.delta(cpuBefore, cpuAfter))));
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                    ctx.progress(s.name(), "failed: " + e);
                    report.addAll(s.failed(e.getClass().getSimpleName() + ": " + StackClient.abbreviate(e.getMessage())));
                }
            }
        }
        String loadAfter = Machine.loadAverage();
        report.context("Balloon benchmark (issue 9), " + started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + ", commit " + cfg.commit() + (cfg.quick() ? ", --quick" : ", full run"));
        report.context("machine: " + Machine.cores() + " cores; load average (1/5/15 min) at start " + loadBefore + ", at end "
                + loadAfter);
        report.context("stack: gateway " + cfg.gateway() + ", scoring " + cfg.scoring() + ", Kafka " + cfg.bootstrap()
                + (cfg.token().isPresent() ? ", with a bearer token" : ", no token") + "; run id " + cfg.runId());
        System.out.println();
        System.out.print(report.text());
        Path file = cfg.root().resolve("bench/results")
                .resolve(started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + (cfg.quick() ? "-quick" : "") + ".md");
        try {
            report.write(file);
            System.out.println("\nMarkdown: " + file);
        } catch (IOException e) {
            System.err.println("bench: could not write " + file + ": " + e);
        }
    }

    private static boolean ready(StackClient client, BenchConfig cfg) {
        try {
            return client.get(cfg.gateway() + "/q/health/ready", Duration.ofSeconds(5)).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
