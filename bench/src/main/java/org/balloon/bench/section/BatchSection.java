package org.balloon.bench.section;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.balloon.bench.domain.Actions;
import org.balloon.bench.domain.Arrivals;
import org.balloon.bench.http.ScoreStream;
import org.balloon.bench.http.StackClient;
import org.balloon.bench.kafka.TopicTimes;
import org.balloon.bench.report.Row;
import org.balloon.bench.report.Row.Goal;
import org.balloon.contracts.Topics;

/**
 * Targets 1 and 2: one NDJSON request of 10 000 actions through the gateway; the request's rate,
 * and the rate until the last of their scores is on the SSE stream. The actions topic's timestamps
 * split the end-to-end time into intake (request → published by the outbox relay) and scoring
 * (→ scored, stored by the gateway, on the stream).
 */
public final class BatchSection implements Section {

    /** The stream is filtered to a country only this section uses, so other traffic does not count. */
    static final String COUNTRY = "PA";
    private static final String INTAKE = "1. batch intake: 10 000 NDJSON actions, POST /api/actions/batch";
    private static final String END_TO_END = "2. same batch end to end: request start → last score on the SSE stream";
    private static final Goal INTAKE_GOAL = Goal.atLeast(10_000);
    private static final Goal E2E_GOAL = Goal.atLeast(5_000);

    @Override
    public String name() {
        return "batch";
    }

    @Override
    public List<Row> run(Context ctx) throws Exception {
        int n = ctx.cfg().batchSize();
        Arrivals arrivals = new Arrivals();
        ScoreStream stream = ScoreStream.open(ctx.client(), ctx.cfg().gateway(), COUNTRY, arrivals);
        try {
            stream.opened().get(15, TimeUnit.SECONDS);
            String body = Actions.ndjson(COUNTRY, "bench batch " + ctx.cfg().runId(), n);
            ctx.progress(name(), "posting " + n + " actions in one NDJSON request");
            long wall0 = System.currentTimeMillis();
            long t0 = System.nanoTime();
            HttpResponse<String> response = ctx.client().post(ctx.cfg().gateway() + "/api/actions/batch", StackClient.NDJSON,
                    body, Duration.ofMinutes(5));
            long t1 = System.nanoTime();
            JsonNode result = ctx.client().json(response);
            List<String> ids = new ArrayList<>(n);
            result.path("results").forEach(r -> {
                if (r.hasNonNull("id")) {
                    ids.add(r.get("id").asText());
                }
            });
            double requestSeconds = (t1 - t0) / 1e9;
            List<Row> rows = new ArrayList<>();
            rows.add(Row.of(INTAKE, ids.size() / requestSeconds, "actions/s", INTAKE_GOAL, null,
                    String.format(Locale.ROOT, "%d accepted, %d rejected, request %.2f s", ids.size(),
                            result.path("rejected").asInt(), requestSeconds)));
            if (ids.isEmpty()) {
                rows.add(Row.failed(END_TO_END, E2E_GOAL, "no action was accepted"));
                return rows;
            }
            Duration wait = Duration.ofSeconds(ctx.cfg().quick() ? 120 : 300);
            ctx.progress(name(), String.format(Locale.ROOT, "intake took %.2f s; waiting for %d scores on the stream (at most %d s)",
                    requestSeconds, ids.size(), wait.toSeconds()));
            int missing = arrivals.await(ids, wait);
            if (missing > 0) {
                rows.add(Row.failed(END_TO_END, E2E_GOAL, missing + " of " + ids.size() + " scores not on the stream after "
                        + wait.toSeconds() + " s"));
                return rows;
            }
            double e2eSeconds = (arrivals.last(ids) - t0) / 1e9;
            long onTopic = TopicTimes.lastTimestamp(ctx.kafka(), Topics.POLICY_ACTIONS, new HashSet<>(ids), wall0 - 1_000,
                    Duration.ofSeconds(30));
            String split = onTopic < 0 ? "stage split unavailable (actions not found on " + Topics.POLICY_ACTIONS + ")"
                    : String.format(Locale.ROOT, "intake: last action on the actions topic after %.2f s; scoring + store + stream: %.2f s more",
                            (onTopic - wall0) / 1e3, e2eSeconds - (onTopic - wall0) / 1e3);
            rows.add(Row.of(END_TO_END, ids.size() / e2eSeconds, "actions/s", E2E_GOAL, null,
                    String.format(Locale.ROOT, "last score after %.2f s; %s", e2eSeconds, split)));
            return rows;
        } finally {
            stream.close();
        }
    }

    @Override
    public List<Row> failed(String why) {
        return List.of(Row.failed(INTAKE, INTAKE_GOAL, why), Row.failed(END_TO_END, E2E_GOAL, why));
    }
}
