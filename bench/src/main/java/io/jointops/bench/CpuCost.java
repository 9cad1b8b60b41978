package io.jointops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * What one request of a run cost each process of the platform in CPU time (user and system, from
 * {@code /proc/<pid>/stat}): the platform's JVMs, PostgreSQL's backends together and Keycloak. Not the load generator:
 * wrk has exited by the second reading.
 * On two shared cores a run's rate swings by a quarter from run to run with what else the scheduler does, while the
 * CPU a request costs moves far less: it is the figure that says whether a change made the work cheaper, and where
 * the work is (docs/performance.md).
 */
record CpuCost(Map<String, Double> msPerRequest) {

    /** Clock ticks per second of {@code /proc/<pid>/stat}'s times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    /** Runs {@code run}, and divides the CPU time each process used meanwhile by the requests it answered. */
    static Measured during(Path pgdata, Callable<Load.Result> run) throws Exception {
        return during(pgdata, run, Map.of());
    }

    /** As {@link #during(Path, Callable)}, with the processes {@code named} under those names (replicas apart). */
    static Measured during(Path pgdata, Callable<Load.Result> run, Map<Long, String> named) throws Exception {
        Map<Long, Long> before = ticks(pgdata);
        Load.Result result = run.call();
        Map<Long, Long> after = ticks(pgdata);
        Map<String, Double> ms = new TreeMap<>();
        after.forEach((pid, ticks) -> {
            Long was = before.get(pid);
            String name = named.containsKey(pid) ? named.get(pid) : name(pid);
            if (was != null && name != null && ticks > was) {
                ms.merge(name, (ticks - was) * 1000 / TICKS_PER_SECOND, Double::sum);
            }
        });
        long requests = Math.max(1, result.ok());
        Map<String, Double> perRequest = new LinkedHashMap<>();
        ms.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> perRequest.put(e.getKey(), e.getValue() / requests));
        return new Measured(result, new CpuCost(perRequest));
    }

    /** A run's result with its CPU cost. */
    record Measured(Load.Result result, CpuCost cpu) {
    }

    double total() {
        return msPerRequest.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The median of each process's cost (and of the total) over several runs. */
    static String medians(List<CpuCost> runs) {
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        List<Double> totals = new ArrayList<>();
        for (CpuCost run : runs) {
            totals.add(run.total());
            run.msPerRequest.forEach((name, ms) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(ms));
        }
        return String.format("%.3f ms", Load.median(totals)) + " (" + byName.entrySet().stream()
                .map(e -> String.format("%s %.3f", e.getKey(), Load.median(e.getValue())))
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String toString() {
        return String.format("CPU per request %.3f ms (", total()) + msPerRequest.entrySet().stream()
                .map(e -> String.format("%s %.3f", e.getKey(), e.getValue())).collect(Collectors.joining(", ")) + ")";
    }

    private static Map<Long, Long> ticks(Path pgdata) {
        Map<Long, Long> ticks = new HashMap<>();
        for (ProcessHandle process : Processes.platform(pgdata)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                // the command name in parentheses may hold spaces: the fields after it are counted from its end
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(process.pid(), Long.parseLong(fields[11]) + Long.parseLong(fields[12])); // utime, stime
            } catch (IOException | RuntimeException gone) {
                // the process ended between the listing and the read
            }
        }
        return ticks;
    }

    /** The platform's short names, PostgreSQL's backends and server processes as one. */
    private static String name(long pid) {
        String name = Processes.name(pid);
        return name == null ? null : name.startsWith("postgres") ? "postgresql" : name;
    }
}
