package org.balloon.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Linux tells about the machine and the stack's processes (/proc, and bin/balloon's .run/ files). */
public final class Machine {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9]+[.,][0-9]+)s");

    private final Path run;

    public Machine(Path root) {
        this.run = root.resolve(".run");
    }

    /** The first three fields of /proc/loadavg: 1, 5 and 15 minutes. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The pid bin/balloon recorded for a service ({@code .run/pids/<name>.pid}), if it still runs. */
    public Optional<Long> pid(String name) {
        try {
            long pid = Long.parseLong(Files.readString(run.resolve("pids").resolve(name + ".pid")).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Resident set size in MiB (VmRSS of /proc/<pid>/status). */
    public static OptionalDouble rssMiB(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String l : lines) {
                if (l.startsWith("VmRSS:")) {
                    return OptionalDouble.of(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process is gone
        }
        return OptionalDouble.empty();
    }

    public OptionalDouble rssMiB(String name) {
        return pid(name).map(Machine::rssMiB).orElse(OptionalDouble.empty());
    }

    /** The last "started in X s" Quarkus logged in {@code .run/logs/<name>.log}. */
    public OptionalDouble startSeconds(String name) {
        return startSeconds(run.resolve("logs").resolve(name + ".log"));
    }

    public static OptionalDouble startSeconds(Path log) {
        try {
            Matcher m = STARTED.matcher(Files.readString(log));
            OptionalDouble last = OptionalDouble.empty();
            while (m.find()) {
                last = OptionalDouble.of(Double.parseDouble(m.group(1).replace(',', '.')));
            }
            return last;
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    public Path logs() {
        return run.resolve("logs");
    }

    /** CPU time a process used so far, in ms (from the JDK's ProcessHandle). */
    public static OptionalLong cpuMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .map(d -> OptionalLong.of(d.toMillis())).orElse(OptionalLong.empty());
    }
}
