package org.balloon.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time each process of the stack (and PostgreSQL, and the benchmark itself) spends during a
 * section, from /proc: where the work goes, whatever else loads the machine. On two cores, the sum
 * over all processes per action bounds the rate any stage can reach.
 */
public final class CpuMeter {

    private static final List<String> SERVICES = List.of("broker", "events-service", "scoring-service", "gateway");
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux this runs on

    private final Machine machine;

    public CpuMeter(Machine machine) {
        this.machine = machine;
    }

    /** CPU seconds used so far, per process name. */
    public Map<String, Double> snapshot() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String s : SERVICES) {
            machine.pid(s).ifPresent(pid -> cpu.put(s, seconds(pid)));
        }
        cpu.put("postgresql", postgres());
        cpu.put("benchmark", seconds(ProcessHandle.current().pid()));
        return cpu;
    }

    /** CPU seconds between two snapshots, in all. */
    public static double total(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), e.getValue())).sum();
    }

    /** "name 1.23 s, …" for the difference between two snapshots. */
    public static String delta(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double d = e.getValue() - before.getOrDefault(e.getKey(), e.getValue());
            out.append(out.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f s", e.getKey(), d));
        }
        return out.toString();
    }

    private static double postgres() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> "postgres".equals(comm(p.pid()))).mapToDouble(p -> seconds(p.pid())).sum();
        }
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    // utime + stime of the process and its threads (fields 14 and 15 of /proc/<pid>/stat)
    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
