package io.jointops.bench;

import io.jointops.infra.Platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the platform costs PostgreSQL: transactions and rows per create under load ({@link #commits()}), and the
 * statements each service sends while nothing happens ({@link #idle()}).
 */
final class DatabaseCost {

    /**
     * A backend flushes its counters to pg_stat_database at most once a second while busy, and an idle one within
     * 10 s (PostgreSQL 15's PGSTAT_MIN_INTERVAL and PGSTAT_IDLE_INTERVAL): a snapshot taken sooner after the load
     * misses part of it.
     */
    static final Duration FLUSH = Duration.ofSeconds(12);
    static final Duration QUIET = Duration.ofSeconds(20);
    static final Duration IDLE_WINDOW = Duration.ofSeconds(30);

    private final Bench bench;
    private final Bench.Report report;

    DatabaseCost(Bench bench) {
        this.bench = bench;
        this.report = bench.report;
    }

    /** The database's counters that say what a create costs it. */
    record Counters(long commits, long rollbacks, long fetched, long returned, long inserted, long nanos) {
        Counters minus(Counters o) {
            return new Counters(commits - o.commits, rollbacks - o.rollbacks, fetched - o.fetched, returned - o.returned,
                    inserted - o.inserted, nanos - o.nanos);
        }

        double seconds() { return nanos / 1e9; }
    }

    /** A connection of its own each time: its backend's few counts are flushed when it exits. */
    Counters counters() throws SQLException {
        try (Connection c = bench.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT xact_commit, xact_rollback, tup_fetched, tup_returned, tup_inserted FROM pg_stat_database"
                        + " WHERE datname = current_database()")) {
            rs.next();
            return new Counters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), System.nanoTime());
        }
    }

    // ------------------------------------------------------------------------------------------------ commits

    /**
     * pg_stat_database deltas per create acknowledged through the gateway, everything running. Each run is framed by
     * {@link #FLUSH} without load, so that every backend has flushed its counts; the idle background over that frame
     * (measured first, on the quiet platform) is subtracted.
     */
    void commits() throws Exception {
        report.line("## Database cost per create (pg_stat_database, " + Bench.CLIENTS + " clients through the gateway, "
                + Bench.RUN_TIME.toSeconds() + " s per run, everything running)");
        String token = bench.api.token("cn.investigator");
        Load.closedLoop("warm-up gateway", Bench.CLIENTS, Bench.WARM_UP.dividedBy(2), (c, i) -> bench.createCase(bench.gateway, token, null));
        Thread.sleep(FLUSH.toMillis());
        Counters quiet = counters();
        Thread.sleep(FLUSH.toMillis());
        Counters idle = counters().minus(quiet);
        double idleCommitsPerSecond = idle.commits() / idle.seconds();
        double idleFetchedPerSecond = idle.fetched() / idle.seconds();
        report.line(String.format("idle background: %.1f commits/s, %.1f rows fetched/s (over %.0f s without load)",
                idleCommitsPerSecond, idleFetchedPerSecond, idle.seconds()));
        List<Double> commits = new ArrayList<>();
        List<Double> fetched = new ArrayList<>();
        for (int run = 1; run <= Bench.RUNS; run++) {
            Counters before = counters();
            Load.Result g = Load.closedLoop("gateway POST /api/cases", Bench.CLIENTS, Bench.RUN_TIME,
                    (c, i) -> bench.createCase(bench.gateway, token, null));
            Thread.sleep(FLUSH.toMillis());
            Counters d = counters().minus(before);
            double creates = Math.max(g.ok(), 1);
            double perCreate = (d.commits() - idleCommitsPerSecond * d.seconds()) / creates;
            double fetchedPerCreate = (d.fetched() - idleFetchedPerSecond * d.seconds()) / creates;
            commits.add(perCreate);
            fetched.add(fetchedPerCreate);
            report.line(String.format("run %d %s; per create: %.1f commits (%.1f before the idle background is subtracted),"
                            + " %.2f rollbacks, %.1f rows fetched (%.1f before), %.1f rows returned, %.2f rows inserted; load %s",
                    run, g, perCreate, d.commits() / creates, d.rollbacks() / creates, fetchedPerCreate, d.fetched() / creates,
                    d.returned() / creates, d.inserted() / creates, Processes.loadAverage1()));
        }
        // one more run with every statement logged: what each service sends per create
        long[] ok = new long[1];
        Logged logged = logged(() -> {
            ok[0] = Load.closedLoop("gateway POST /api/cases (statements logged)", Bench.CLIENTS, Bench.RUN_TIME,
                    (c, i) -> bench.createCase(bench.gateway, token, null)).ok();
            Thread.sleep(FLUSH.toMillis());
        });
        double creates = Math.max(ok[0], 1);
        for (var e : logged.perService().entrySet()) {
            report.line(String.format("  per create, %s: %.2f statements, %.2f besides BEGIN, COMMIT and connection checks;"
                            + " most sent: %s", e.getKey(), e.getValue() / creates, logged.queries(e.getKey()) / creates,
                    top(logged.kinds().getOrDefault(e.getKey(), Map.of()), 6, creates, "")));
        }
        double median = Load.median(commits);
        report.line(String.format("RESULT committed transactions per create: %.1f (median of %d runs), rows fetched per create %.1f;"
                        + " target <= 4: %s", median, commits.size(), Load.median(fetched), median <= 4 ? "met" : "MISSED"));
    }

    // ------------------------------------------------------------------------------------------------ idle

    /**
     * A statement as PostgreSQL logs it with {@code log_statement = all}: the backend's pid (the default
     * log_line_prefix {@code %m [%p] }), then the simple query or the execution of an extended-protocol statement.
     */
    static final Pattern LOGGED = Pattern.compile("\\[(\\d+)\\] LOG:  (?:statement|execute [^:]*): ?(.*)");

    /**
     * Statements per second each service sends while the platform is quiet. pg_stat_statements would need
     * shared_preload_libraries when the postmaster starts (infra's Platform starts it without, and the bench does not
     * change infra) and could not tell the services apart anyway: they share the user, the database and the event
     * store's statements, and set no application_name. So PostgreSQL logs every statement for the window
     * ({@code log_statement} is reloadable), and each backend is traced to its service through its client port and
     * the service's sockets in /proc. The database-wide pg_stat_database commits are given beside.
     */
    void idle() throws Exception {
        report.line("## Statements sent to PostgreSQL while idle (" + IDLE_WINDOW.toSeconds() + " s after "
                + QUIET.toSeconds() + " s without load)");
        Thread.sleep(QUIET.toMillis());
        Logged logged = logged(() -> Thread.sleep(IDLE_WINDOW.toMillis()));
        double seconds = logged.counters().seconds();
        report.line(String.format("database-wide: %d statements in %.1f s (%.2f/s); pg_stat_database %.2f commits/s,"
                + " %.1f rows fetched/s", logged.total(), seconds, logged.total() / seconds,
                logged.counters().commits() / seconds, logged.counters().fetched() / seconds));
        for (var e : logged.perService().entrySet()) {
            report.line(String.format("  %s: %.2f statements/s (%.2f besides BEGIN, COMMIT and connection checks); most sent: %s",
                    e.getKey(), e.getValue() / seconds, logged.queries(e.getKey()) / seconds,
                    top(logged.kinds().getOrDefault(e.getKey(), Map.of()), 3, seconds, "/s")));
        }
        double worst = logged.perService().keySet().stream().filter(k -> !k.equals("other"))
                .mapToDouble(k -> logged.queries(k) / seconds).max().orElse(0);
        report.line(String.format("RESULT idle queries per second (besides BEGIN, COMMIT and connection checks): %s;"
                        + " database %.2f statements/s; the busiest service %.2f/s; target <= 1 per service: %s",
                logged.perService().keySet().stream()
                        .map(k -> String.format("%s %.2f", k, logged.queries(k) / seconds)).collect(Collectors.joining(", ")),
                logged.total() / seconds, worst, worst <= 1 ? "met" : "MISSED"));
    }

    /** What the platform sent PostgreSQL during a window: statements per service and of each shape. */
    record Logged(Counters counters, long total, Map<String, Long> perService, Map<String, Map<String, Long>> kinds) {

        /** A service's statements other than BEGIN, COMMIT and the pool's empty connection checks. */
        long queries(String service) {
            return kinds.getOrDefault(service, Map.of()).entrySet().stream()
                    .filter(e -> !NOT_QUERIES.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        }
    }

    static final java.util.Set<String> NOT_QUERIES = java.util.Set.of("BEGIN", "COMMIT", "(empty: a connection check)");

    interface Window {
        void run() throws Exception;
    }

    /**
     * Runs {@code window} with every statement logged ({@code log_statement} is reloadable), and traces each backend to
     * its service through its client port and the service's sockets in /proc. pg_stat_statements would need
     * shared_preload_libraries when the postmaster starts (infra's Platform starts it without) and could not tell the
     * services apart: they share the user and the database and set no application_name.
     */
    Logged logged(Window window) throws Exception {
        Path log = bench.platform.options().logDir().resolve("postgresql.log");
        Map<Long, String> services = new HashMap<>();
        try (Connection c = bench.connection(); Statement s = c.createStatement()) {
            long ownPid = single(s, "SELECT pg_backend_pid()");
            s.execute("ALTER SYSTEM SET log_statement = 'all'");
            s.execute("SELECT pg_reload_conf()");
            Thread.sleep(1000); // a backend takes the new setting with its next statement
            services.putAll(backendServices(s));
            Counters before = counters();
            long offset = Files.size(log);
            window.run();
            long end = Files.size(log);
            Counters d = counters().minus(before);
            services.putAll(backendServices(s)); // backends opened during the window
            s.execute("ALTER SYSTEM RESET log_statement");
            s.execute("SELECT pg_reload_conf()");
            Map<String, Long> perService = new TreeMap<>();
            Map<String, Map<String, Long>> kinds = new HashMap<>();
            for (Platform.Service service : Platform.SERVICES) perService.put(service.name(), 0L);
            long total = 0;
            for (String line : read(log, offset, end).split("\n")) {
                Matcher m = LOGGED.matcher(line);
                if (!m.find()) continue;
                long pid = Long.parseLong(m.group(1));
                if (pid == ownPid) continue;
                String service = services.getOrDefault(pid, "other");
                if (service.equals("bench")) continue;
                total++;
                perService.merge(service, 1L, Long::sum);
                kinds.computeIfAbsent(service, k -> new HashMap<>()).merge(shape(m.group(2)), 1L, Long::sum);
            }
            return new Logged(d, total, perService, kinds);
        }
    }

    /**
     * Backend pid to the service whose socket is its client end (pg_stat_activity's client_port); the bench's own
     * connections are "bench".
     */
    Map<Long, String> backendServices(Statement s) throws SQLException {
        Map<Long, String> processes = new HashMap<>();
        for (Platform.Service service : Platform.SERVICES) {
            Processes.byServerPort(bench.platform.options().port(service.httpPort()))
                    .ifPresent(p -> processes.put(p.pid(), service.name()));
        }
        processes.put(ProcessHandle.current().pid(), "bench");
        Map<Integer, Long> ports = Processes.localPortOwners(processes.keySet());
        Map<Long, String> backends = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT pid, client_port FROM pg_stat_activity"
                + " WHERE datname = current_database() AND backend_type = 'client backend'")) {
            while (rs.next()) {
                Long owner = ports.get(rs.getInt(2));
                if (owner != null) backends.put(rs.getLong(1), processes.get(owner));
            }
        }
        return backends;
    }

    /** A statement's first words, enough to tell what it is (parameters are $n already). */
    static String shape(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.isEmpty() ? "(empty: a connection check)" : s.length() > 70 ? s.substring(0, 70) + "…" : s;
    }

    /** The statements sent most; BEGIN and COMMIT would head every list and say nothing of what the service does. */
    /** The statements sent most, each as its count divided by {@code per} and followed by {@code unit}. */
    static String top(Map<String, Long> kinds, int n, double per, String unit) {
        if (kinds.isEmpty()) return "none";
        return kinds.entrySet().stream().filter(e -> !e.getKey().equals("BEGIN") && !e.getKey().equals("COMMIT"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> String.format("%.2f%s \"%s\"", e.getValue() / per, unit, e.getKey())).collect(Collectors.joining(", "));
    }

    static String read(Path file, long from, long to) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, to - from)];
            f.seek(from);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
