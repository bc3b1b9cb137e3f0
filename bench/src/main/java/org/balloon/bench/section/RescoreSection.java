package org.balloon.bench.section;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.balloon.bench.report.Row;
import org.balloon.bench.report.Row.Goal;

/**
 * Target 4: {@code POST /admin/rescore} on the scoring-service, its job followed until COMPLETED,
 * then the gateway's {@code balloon_gateway_scores_consumed_total} (all tags) until it has consumed
 * as many more score records as the job published: actions per second from the request.
 */
public final class RescoreSection implements Section {

    private static final String TARGET = "4. rescore of the whole history, until the gateway consumed every new score";
    private static final Goal GOAL = Goal.atLeast(10_000);
    static final String CONSUMED = "balloon_gateway_scores_consumed_total";

    @Override
    public String name() {
        return "rescore";
    }

    @Override
    public List<Row> run(Context ctx) throws Exception {
        String scoring = ctx.cfg().scoring();
        double before = consumed(ctx);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ctx.cfg().rescoreTimeoutSeconds());
        long t0 = System.nanoTime();
        HttpResponse<String> started = ctx.client().post(scoring + "/admin/rescore", "application/json", "", Duration.ofSeconds(30));
        if (started.statusCode() == 409 && started.body().contains("history-rescores-itself")) {
            // the history stage keeps every score current by itself; there is no job to measure
            return List.of(Row.failed(TARGET, GOAL, "not applicable: history-aware scoring is on (BALLOON_HISTORY=false to measure the job)"));
        }
        JsonNode job = ctx.client().json(started);
        String jobId = job.path("jobId").asText();
        ctx.progress(name(), "job " + jobId + " started");
        while (!terminal(job) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            job = ctx.client().json(ctx.client().get(scoring + "/admin/rescore/" + jobId, Duration.ofSeconds(10)));
        }
        String state = job.path("state").asText();
        if (!"COMPLETED".equals(state)) {
            return List.of(Row.failed(TARGET, GOAL, "job " + state + " after " + seconds(t0) + " s"
                    + (job.hasNonNull("error") ? ": " + job.get("error").asText() : "")));
        }
        long scored = job.path("scored").asLong();
        long jobDone = System.nanoTime();
        if (scored == 0) {
            return List.of(Row.failed(TARGET, GOAL, "the history is empty (run the batch section first)"));
        }
        ctx.progress(name(), scored + " scores published; waiting for the gateway to consume them");
        double got = consumed(ctx) - before;
        while (got < scored && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            got = consumed(ctx) - before;
        }
        if (got < scored) {
            return List.of(Row.failed(TARGET, GOAL, String.format(Locale.ROOT, "the gateway consumed %.0f of %d in %s s",
                    got, scored, seconds(t0))));
        }
        double total = (System.nanoTime() - t0) / 1e9;
        return List.of(Row.of(TARGET, scored / total, "actions/s", GOAL, null, String.format(Locale.ROOT,
                "%d actions (%d records read, %d retracted, %d skipped); job %.2f s, in the gateway's store after %.2f s "
                        + "(metrics polled every 100 ms)",
                scored, job.path("recordsRead").asLong(), job.path("retracted").asLong(), job.path("skipped").asLong(),
                (jobDone - t0) / 1e9, total)));
    }

    private static boolean terminal(JsonNode job) {
        String s = job.path("state").asText();
        return "COMPLETED".equals(s) || "FAILED".equals(s);
    }

    /** The sum of the counter over all its tags, from the gateway's Prometheus text. */
    static double consumed(Context ctx) throws IOException {
        HttpResponse<String> response = ctx.client().get(ctx.cfg().gateway() + "/q/metrics", Duration.ofSeconds(10));
        if (response.statusCode() != 200) {
            throw new IOException("GET /q/metrics answered " + response.statusCode());
        }
        double sum = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith(CONSUMED + "{") || line.startsWith(CONSUMED + " ")) {
                String value = line.contains("}") ? line.substring(line.lastIndexOf('}') + 1) : line.substring(CONSUMED.length());
                sum += Double.parseDouble(value.trim().split("\\s+")[0]);
            }
        }
        return sum; // absent before the gateway consumed its first score
    }

    private static String seconds(long t0) {
        return String.format(Locale.ROOT, "%.0f", (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public List<Row> failed(String why) {
        return List.of(Row.failed(TARGET, GOAL, why));
    }
}
