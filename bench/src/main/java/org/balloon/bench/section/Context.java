package org.balloon.bench.section;

import org.balloon.bench.config.BenchConfig;
import org.balloon.bench.http.StackClient;
import org.balloon.bench.kafka.BenchKafka;
import org.balloon.bench.process.Machine;

/** What every section uses: the configuration, the HTTP client, the broker's clients, /proc. */
public record Context(BenchConfig cfg, StackClient client, BenchKafka kafka, Machine machine) {

    /** A progress line on stderr (the table goes to stdout). */
    public void progress(String section, String message) {
        System.err.printf("bench [%s] %s%n", section, message);
    }
}
