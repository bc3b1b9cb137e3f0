package org.balloon.bench.section;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.balloon.bench.report.Row;
import org.balloon.bench.report.Row.Goal;

/**
 * Start time and memory of each service, read at the end of the run (so RSS is after the load):
 * the "started in X s" Quarkus logged under bin/balloon up, and VmRSS of the pid bin/balloon keeps.
 */
public final class ServicesSection implements Section {

    private static final List<String> SERVICES = List.of("events-service", "scoring-service", "gateway");
    private static final Goal START = Goal.atMost(2);
    private static final Goal RSS = Goal.atMost(256);

    @Override
    public String name() {
        return "services";
    }

    @Override
    public List<Row> run(Context ctx) {
        List<Row> rows = new ArrayList<>();
        for (String s : SERVICES) {
            OptionalDouble started = ctx.machine().startSeconds(s);
            rows.add(started.isPresent()
                    ? Row.of("start: " + s, started.getAsDouble(), "s", START, null, "as logged in .run/logs/" + s + ".log")
                    : Row.failed("start: " + s, START, "no \"started in\" in .run/logs/" + s + ".log"));
        }
        for (String s : SERVICES) {
            OptionalDouble rss = ctx.machine().rssMiB(s);
            rows.add(rss.isPresent()
                    ? Row.of("RSS after the load: " + s, rss.getAsDouble(), "MiB", RSS, null, "VmRSS, heap options "
                            + String.join(" ", ctx.cfg().javaOpts()))
                    : Row.failed("RSS after the load: " + s, RSS, "no running pid in .run/pids/" + s + ".pid"));
        }
        OptionalDouble broker = ctx.machine().rssMiB("broker");
        if (broker.isPresent()) {
            rows.add(Row.info("RSS after the load: broker", broker.getAsDouble(), "MiB", "for scale; no target"));
        }
        return rows;
    }

    @Override
    public List<Row> failed(String why) {
        return List.of(Row.failed("services: start and RSS", null, why));
    }
}
