package org.balloon.bench.report;

import java.util.Arrays;
import java.util.Locale;

/** Latencies in microseconds, kept as ints (ten million of them fit in 40 MB), with percentiles. */
public final class Samples {

    private int[] values = new int[1024];
    private int size;
    private boolean sorted;

    public synchronized void addNanos(long nanos) {
        add((int) Math.min(Integer.MAX_VALUE, Math.max(0, nanos / 1_000)));
    }

    public synchronized void add(int micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = micros;
        sorted = false;
    }

    public synchronized int size() {
        return size;
    }

    /** The p-th percentile (nearest rank) in milliseconds; NaN when empty. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return values[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
    }

    public double maxMillis() {
        return percentileMillis(100);
    }

    /** "p50 a ms, p99 b ms, max c ms (n)". */
    public String summary() {
        if (size() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", percentileMillis(50),
                percentileMillis(99), maxMillis(), size());
    }
}
