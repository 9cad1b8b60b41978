package io.jointops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.jointops.infra.Platform;
import io.jointops.infra.PlatformOptions;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks of docs/performance.md and the crash test of docs/resilience.md, in one run against a platform this
 * JVM starts (fresh database, own ports and work directory {@code bench/target/platform}). Every platform figure is
 * measured between raw figures of the same machine in the same run, and each is the median of {@link #RUNS} runs.
 *
 * <p>Arguments: a comma-separated selection of {@code startup, footprint, idle, throughput, commits, list, get, history,
 * replay, propagation, crash, replicas}, or {@code all} (replicas last: its second replica stays up); {@code floor}
 * (not in {@code all}, after {@code throughput} for its bound on the gateway's cost). System properties: {@code bench.runs} (5), {@code bench.seconds} (per
 * throughput, commits, list and get run, 10), {@code bench.warmup-seconds} (load before each of those figures, 120),
 * {@code bench.java-options} (of the services and the gateway).
 */
public final class Bench {

    static final int RUNS = Integer.getInteger("bench.runs", 5);
    static final int CLIENTS = 16;
    /** The HTTP load generator: {@code wrk} where it is installed (the default), else the JDK client ({@link Load}). */
    static final String HTTP_LOAD = System.getProperty("bench.http", "").isBlank()
            ? (Wrk.available() ? "wrk" : "java") : System.getProperty("bench.http");
    static final String CREATE_BODY = "{\"title\":\"Bench case\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}";
    static final Duration RUN_TIME = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    /**
     * Load before a throughput, commits, list or get figure's runs, not measured: the services run with C2, which
     * compiles the request path only after tens of seconds of load (creates through the gateway went from ~100/s to
     * ~550/s over the first minute); a warm-up of 8 s measured mostly the compiler.
     */
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 120));
    /** Propagation samples per run. */
    static final int SAMPLES = Integer.getInteger("bench.samples", 30);

    final Platform platform;
    final Api api;
    final String gateway;
    final String caseService;
    final Report report;
    /** Raw single-row insert ceiling (rows/s), once measured; the propagation benchmark loads the store at half of it. */
    double rawInsertCeiling = -1;
    /** CPU per create straight to case-service (all processes, ms, median), once measured: the floor figure's bound. */
    double directCreateCpuMs = -1;

    Bench(Platform platform, Report report) {
        this.platform = platform;
        this.api = new Api(platform.issuerUri());
        this.gateway = platform.gatewayUrl();
        this.caseService = platform.serviceUrl("case-service");
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        Set<String> selected = new LinkedHashSet<>(Arrays.asList((args.length == 0 ? "all" : args[0]).split(",")));
        if (selected.contains("all")) selected = new LinkedHashSet<>(List.of("footprint", "idle", "throughput", "commits", "list", "get", "history",
                "replay", "propagation", "crash", "replicas"));
        Path root = Path.of(System.getProperty("jointops.root", ".")).toAbsolutePath().normalize();
        // where the run keeps its jars, database, logs and results: two runs at once need two
        Path work = root.resolve(System.getProperty("bench.work", "bench/target"));
        Report report = new Report(work.resolve("bench-results.md"));
        String givenJavaOptions = System.getProperty("bench.java-options", "");
        List<String> javaOptions = new ArrayList<>(Arrays.asList((givenJavaOptions.isBlank()
                ? String.join(" ", PlatformOptions.DEFAULT_JAVA_OPTIONS) : givenJavaOptions).trim().split("\\s+")));
        // the gateway's per-caller rate limit (50/s) would measure the limiter, not the platform
        javaOptions.add("-Djointops.rate-limit.capacity=1000000");
        javaOptions.add("-Djointops.rate-limit.refill-tokens=1000000");
        // the view without writes whose rebuild is the replay figure (platform's NoOpView); only when that figure runs:
        // it reads every event in every service, which no deployed platform does, and would inflate the other figures
        if (selected.contains("all") || selected.contains("replay")) {
            javaOptions.add("-Djointops.replay.no-op-view.enabled=true");
        }
        PlatformOptions options = new PlatformOptions().root(snapshot(root, work)).workDir(work.resolve("platform"))
                .freshDatabase(true).portOffset(freeOffset()).javaOptions(javaOptions);
        // for trying the harness out: an already running Keycloak (then the footprint leaves Keycloak out)
        String issuer = System.getProperty("bench.issuer-uri", "");
        if (!issuer.isBlank()) options.issuerUri(issuer);
        report.line("# JointOps benchmark run " + Instant.now());
        report.line("machine at start: " + Processes.machine());
        report.line("selected: " + selected + "; runs per figure: " + RUNS + "; clients: " + CLIENTS
                + "; HTTP load: " + (HTTP_LOAD.equals("wrk") ? "wrk (-Dbench.http=java for the JDK client)" : "the JDK's HttpClient")
                + "; JVM options of services and gateway: " + javaOptions);
        LoadSampler sampler = new LoadSampler();
        sampler.start();
        if (selected.remove("startup")) {
            startup(options, report);
            report.line("(load average so far: " + sampler + ")");
            if (selected.isEmpty()) {
                sampler.interrupt();
                System.exit(0);
            }
        }
        long started = System.nanoTime();
        Platform platform = new Platform(options, new Platform.Listener() {
            @Override
            public void ready(String component, long seconds, String detail) {
                System.out.println("[bench] " + component + " ready in " + seconds + " s " + detail);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        boolean failed = true;
        try {
            // as the launcher does: PostgreSQL, then Keycloak, the services and the gateway together
            platform.startApplications();
            double upSeconds = (System.nanoTime() - started) / 1e9;
            Bench bench = new Bench(platform, report);
            for (String what : selected) {
                report.line("");
                switch (what) {
                    case "footprint" -> bench.footprint(upSeconds);
                    case "throughput" -> bench.throughput();
                    case "commits" -> new DatabaseCost(bench).commits();
                    case "list" -> bench.list();
                    case "get" -> bench.get();
                    case "floor" -> bench.floor();
                    case "idle" -> new DatabaseCost(bench).idle();
                    case "history" -> bench.history();
                    case "replay" -> bench.replay();
                    case "propagation" -> bench.propagation();
                    case "crash" -> new CrashTest(bench).run();
                    case "replicas" -> bench.replicas();
                    default -> throw new IllegalArgumentException("unknown benchmark " + what);
                }
                report.line("(load average so far: " + sampler + ")");
            }
            failed = false;
        } catch (Exception | AssertionError e) {
            report.line("FAILED: " + e);
            e.printStackTrace();
        } finally {
            sampler.interrupt();
            report.line("");
            report.line("machine at end: " + Processes.machine() + "; load average (1 min) during the run: " + sampler);
            platform.close();
        }
        System.exit(failed ? 1 : 0);
    }

    // ------------------------------------------------------------------------------------------------ start-up

    /**
     * Starts and stops the whole platform {@code RUNS + 1} times on a fresh database each time, as the launcher does.
     * The first start after a build also extracts the jars and writes their class-data archives (at its stop); the
     * others are the platform "once built", whose median is the figure.
     */
    static void startup(PlatformOptions options, Report report) {
        report.line("");
        report.line("## Start-up (fresh database each time; the first start after a build extracts the jars and writes their class-data archives)");
        List<Double> onceBuilt = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            long started = System.nanoTime();
            double up;
            try (Platform platform = new Platform(options, new Platform.Listener() {
                @Override
                public void ready(String component, long seconds, String detail) {
                    System.out.println("[bench]   " + component + " ready in " + seconds + " s");
                }
            })) {
                platform.startApplications();
                up = (System.nanoTime() - started) / 1e9;
                report.line(String.format("run %d%s: up in %.1f s; load %.2f", run,
                        run == 0 ? " (first start after the build)" : "", up, Processes.loadAverage1()));
            }
            if (run > 0) onceBuilt.add(up);
        }
        double median = Load.median(onceBuilt);
        report.line(String.format("RESULT start-up once built: median %.1f s of %d starts (min %.1f, max %.1f); target <= 60 s: %s",
                median, onceBuilt.size(), onceBuilt.stream().mapToDouble(d -> d).min().orElse(0),
                onceBuilt.stream().mapToDouble(d -> d).max().orElse(0), median <= 60 ? "met" : "MISSED"));
    }

    // ------------------------------------------------------------------------------------------------ footprint

    void footprint(double upSeconds) throws InterruptedException {
        report.line("## Footprint");
        report.line(String.format("platform up (PostgreSQL, Keycloak, 4 services, gateway; fresh database) in %.1f s; target <= 60 s: %s",
                upSeconds, upSeconds <= 60 ? "met" : "MISSED"));
        Thread.sleep(20_000); // let start-up work (Flyway, first polls, JIT) settle: idle means idle
        long rss = 0;
        long pss = 0;
        StringBuilder detail = new StringBuilder();
        for (Processes.Memory m : Processes.memory(pgdata())) {
            rss += m.rssKb();
            pss += m.pssKb();
            if (m.rssKb() > 20_000) detail.append(String.format("%s %d MB; ", m.name(), m.rssKb() / 1024));
        }
        report.line(String.format("idle resident memory of all platform processes: RSS %.2f GB (sum over processes), PSS %.2f GB"
                + " (shared pages divided among sharers); target <= 3 GB: %s", rss / 1048576.0, pss / 1048576.0,
                rss / 1048576.0 <= 3 ? "met" : pss / 1048576.0 <= 3 ? "met by PSS, missed by RSS sum" : "MISSED"));
        report.line("per process (RSS > 20 MB; PostgreSQL's backends share its buffers, counted in each RSS): " + detail);
    }

    // ------------------------------------------------------------------------------------------------ throughput

    void throughput() throws Exception {
        report.line("## Command throughput and gateway cost (" + CLIENTS + " clients, " + RUN_TIME.toSeconds() + " s per run)");
        String token = api.token("cn.investigator");
        RowShape shape = rowShape(token);
        report.line("raw baseline: single-row INSERT transactions (autocommit) into a copy of domain_event_entry with the unique"
                + " (aggregate_identifier, sequence_number) index, row of " + shape.bytes() + " bytes (payload and metadata of a real CaseOpenedEvent)");
        // warm-up: the JIT compilers, connection pools, the raw table
        creates("warm-up gateway", gateway, token, WARM_UP);
        creates("warm-up direct", caseService, token, WARM_UP.dividedBy(2));
        rawInserts(shape, Duration.ofSeconds(3));
        List<Double> raw = new ArrayList<>();
        List<Double> viaGateway = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        List<Double> gatewayP50 = new ArrayList<>();
        List<Double> gatewayP99 = new ArrayList<>();
        List<Double> directP50 = new ArrayList<>();
        List<Double> directP99 = new ArrayList<>();
        List<CpuCost> gatewayCpu = new ArrayList<>();
        List<CpuCost> directCpu = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Load.Result r = rawInserts(shape, RUN_TIME);
            raw.add(r.perSecond());
            report.line("run " + run + " " + r + "; load " + Processes.loadAverage1());
            CpuCost.Measured gm = CpuCost.during(pgdata(), () -> creates("gateway POST /api/cases", gateway, token, RUN_TIME));
            Load.Result g = gm.result();
            viaGateway.add(g.perSecond());
            gatewayP50.add(g.p50Ms());
            gatewayP99.add(g.p99Ms());
            gatewayCpu.add(gm.cpu());
            report.line("run " + run + " " + g + "; " + gm.cpu() + "; load " + Processes.loadAverage1());
            CpuCost.Measured dm = CpuCost.during(pgdata(), () -> creates("direct POST /api/cases", caseService, token, RUN_TIME));
            Load.Result d = dm.result();
            direct.add(d.perSecond());
            directP50.add(d.p50Ms());
            directP99.add(d.p99Ms());
            directCpu.add(dm.cpu());
            report.line("run " + run + " " + d + "; " + dm.cpu() + "; load " + Processes.loadAverage1());
        }
        Load.Result after = rawInserts(shape, RUN_TIME);
        raw.add(after.perSecond());
        report.line("after " + after);
        double rawMedian = Load.median(raw);
        rawInsertCeiling = rawMedian;
        double g = Load.median(viaGateway);
        double d = Load.median(direct);
        double ratio = g / rawMedian;
        report.line(String.format("RESULT command throughput: raw ceiling %.0f inserts/s (median of %d), platform %.1f creates/s through"
                        + " the gateway (median of %d), ratio %.3f; target >= 1000/s and ratio >= 0.07: %s; gateway p50 %.2f ms,"
                        + " p99 %.2f ms (medians)",
                rawMedian, raw.size(), g, viaGateway.size(), ratio, g >= 1000 && ratio >= 0.07 ? "met" : "MISSED",
                Load.median(gatewayP50), Load.median(gatewayP99)));
        double cost = 1 - g / d;
        double p50Cost = Load.median(gatewayP50) - Load.median(directP50);
        report.line(String.format("RESULT gateway cost: direct %.1f/s p50 %.2f ms p99 %.2f ms; through gateway %.1f/s p50 %.2f ms;"
                        + " throughput cost %.1f %% (target <= 10 %%: %s), p50 cost %.2f ms",
                d, Load.median(directP50), Load.median(directP99), g, Load.median(gatewayP50), cost * 100,
                cost <= 0.10 ? "met" : "MISSED", p50Cost));
        report.line("RESULT CPU per create (medians): through the gateway " + CpuCost.medians(gatewayCpu) + "; direct "
                + CpuCost.medians(directCpu));
        directCreateCpuMs = Load.median(directCpu.stream().map(CpuCost::total).toList());
    }

    /** The platform's PostgreSQL data directory: its processes are found by it. */
    Path pgdata() {
        return platform.options().workDir().resolve("pgdata");
    }

    /** {@link #CLIENTS} clients creating cases at {@code base} (the gateway or case-service) with {@link #HTTP_LOAD}. */
    Load.Result creates(String name, String base, String token, Duration duration) throws Exception {
        return http(name, duration, "POST", List.of(base + "/api/cases"), token, CREATE_BODY,
                (c, i) -> createCase(base, token, null));
    }

    /** {@link #CLIENTS} closed-loop clients, each request to a random one of {@code urls}, by {@link #HTTP_LOAD}. */
    static Load.Result http(String name, Duration duration, String method, List<String> urls, String token, String body,
                            Load.Operation jdkClient) throws Exception {
        return http(name, duration, method, urls, token, body, Map.of(), jdkClient);
    }

    /** As {@link #http(String, Duration, String, List, String, String, Load.Operation)}, with {@code headers} too. */
    static Load.Result http(String name, Duration duration, String method, List<String> urls, String token, String body,
                            Map<String, String> headers, Load.Operation jdkClient) throws Exception {
        return HTTP_LOAD.equals("wrk") ? Wrk.run(name, CLIENTS, duration, method, urls, token, body, headers)
                : Load.closedLoop(name, CLIENTS, duration, jdkClient);
    }

    int createCase(String base, String token, String idempotencyKey) {
        var request = Api.request(base + "/api/cases", token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(CREATE_BODY));
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        return Api.send(request.build()).statusCode();
    }

    record RowShape(String type, String payloadType, String revision, byte[] payload, byte[] meta) {
        int bytes() { return payload.length + (meta == null ? 0 : meta.length) + type.length() + payloadType.length() + 36 * 2 + 30; }
    }

    RowShape rowShape(String token) throws SQLException {
        if (createCase(gateway, token, null) != 201) throw new IllegalStateException("cannot create a case");
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT type, payload_type, payload_revision, payload, meta_data FROM eventstore.domain_event_entry"
                        + " WHERE payload_type LIKE '%CaseOpenedEvent' ORDER BY global_index DESC LIMIT 1")) {
            rs.next();
            RowShape shape = new RowShape(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5));
            s.execute("CREATE SCHEMA IF NOT EXISTS bench");
            s.execute("DROP TABLE IF EXISTS bench.raw_event");
            s.execute("""
                    CREATE TABLE bench.raw_event (
                        global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255),
                        time_stamp VARCHAR(255) NOT NULL, payload_type VARCHAR(255) NOT NULL, payload_revision VARCHAR(255),
                        payload BYTEA NOT NULL, meta_data BYTEA, UNIQUE (aggregate_identifier, sequence_number))""");
            return shape;
        }
    }

    Load.Result rawInserts(RowShape shape, Duration duration) throws Exception {
        return rawClients("raw PostgreSQL insert", "INSERT INTO bench.raw_event (event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)", duration, statement -> {
            insert(statement, shape);
            return 200;
        });
    }

    interface RawCall {
        int call(PreparedStatement statement) throws Exception;
    }

    /** {@link #CLIENTS} JDBC clients in a closed loop, each with a connection and {@code sql} prepared of its own. */
    Load.Result rawClients(String name, String sql, Duration duration, RawCall call) throws Exception {
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Connection c = connection();
                connections.add(c);
                statements.add(c.prepareStatement(sql));
            }
            return Load.closedLoop(name, CLIENTS, duration, (client, i) -> call.call(statements.get(client)));
        } finally {
            for (Connection c : connections) c.close();
        }
    }

    static void insert(PreparedStatement p, RowShape shape) throws SQLException {
        p.setString(1, UUID.randomUUID().toString());
        p.setString(2, UUID.randomUUID().toString());
        p.setString(3, shape.type());
        p.setString(4, Instant.now().toString());
        p.setString(5, shape.payloadType());
        p.setString(6, shape.revision());
        p.setBytes(7, shape.payload());
        p.setBytes(8, shape.meta());
        p.executeUpdate();
    }

    // ------------------------------------------------------------------------------------------------ list and get

    /** Cases the read figures need at least: more than a page, so that LIMIT and the sort are real work. */
    static final int READ_CASES = 200;

    /**
     * {@code GET /api/cases?size=20} through the gateway against a raw indexed read of 20 rows of the view: the
     * platform's own list statement (a range of the agency's visibility index, joined to the view) without its total.
     * Until cases V8 the raw read was a range of an index on the view's lead agency, which no request used, and which
     * V8 dropped: list ratios before and after it are not comparable.
     */
    void list() throws Exception {
        report.line("## List of 20 cases (" + CLIENTS + " clients, " + RUN_TIME.toSeconds() + " s per run)");
        String token = api.token("cn.investigator");
        String agency = readCases(token);
        reads("list", "gateway GET /api/cases?size=20", List.of(gateway + "/api/cases?size=20"), token,
                "raw SELECT ... LIMIT 20", "SELECT case_view.* FROM cases.case_visibility v JOIN cases.case_view"
                        + " ON case_view.case_id = v.case_id WHERE v.agency = ? ORDER BY v.opened_at DESC, v.case_id LIMIT 20",
                () -> agency, 3000);
    }

    /** {@code GET /api/cases/{id}} of random visible cases through the gateway against a raw primary-key read. */
    void get() throws Exception {
        report.line("## Get one case (" + CLIENTS + " clients, " + RUN_TIME.toSeconds() + " s per run)");
        String token = api.token("cn.investigator");
        readCases(token);
        // the ids the caller may see, as the platform says: the visibility rules stay the platform's
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            JsonNode items = Api.json(require(Api.get(gateway + "/api/cases?size=100&page=" + page, token)).body()).path("items");
            items.forEach(item -> ids.add(item.path("id").asText()));
            if (items.size() < 100) break;
        }
        report.line(ids.size() + " visible cases to pick from");
        java.util.function.Supplier<String> random = () -> ids.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(ids.size()));
        reads("get", "gateway GET /api/cases/{id}", ids.stream().map(id -> gateway + "/api/cases/" + id).toList(), token,
                "raw SELECT by primary key", "SELECT * FROM cases.case_view WHERE case_id = ?", random, 4000);
    }

    /**
     * The least a read costs: a conditional get of one case whose ETag the caller holds (304 without a body: the token
     * checks, the visibility rule and one primary-key read, nothing of the case written), through the gateway and
     * straight to case-service, beside the same get answered in full, each with its CPU per request. No work behind the
     * HTTP stacks can take a get below what its 304 costs, so the 304's CPU bounds the gets per second the cores allow,
     * and the gateway's CPU on it bounds its share of a create (docs/performance.md, twenty-second session).
     */
    void floor() throws Exception {
        report.line("## The least a read costs (" + CLIENTS + " clients, " + RUN_TIME.toSeconds() + " s per run)");
        String token = api.token("cn.investigator");
        if (createCase(gateway, token, null) != 201) throw new IllegalStateException("cannot create a case");
        String id = Api.json(require(Api.get(gateway + "/api/cases?size=1", token)).body()).path("items").path(0)
                .path("id").asText();
        String etag = require(Api.get(gateway + "/api/cases/" + id, token)).headers().firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException("no ETag on GET /api/cases/" + id));
        Map<String, String> unchanged = Map.of("If-None-Match", etag);
        record Read(String name, String url, Map<String, String> headers) {
            Load.Operation jdkClient(String token) {
                return (c, i) -> {
                    var request = Api.request(url, token).GET();
                    headers.forEach(request::header);
                    return Api.send(request.build()).statusCode();
                };
            }
        }
        List<Read> reads = List.of(
                new Read("gateway GET, 304", gateway + "/api/cases/" + id, unchanged),
                new Read("direct GET, 304", caseService + "/api/cases/" + id, unchanged),
                new Read("gateway GET, 200", gateway + "/api/cases/" + id, Map.of()),
                new Read("direct GET, 200", caseService + "/api/cases/" + id, Map.of()));
        Map<Read, List<Double>> rates = new java.util.LinkedHashMap<>();
        Map<Read, List<CpuCost>> cpu = new java.util.LinkedHashMap<>();
        for (Read read : reads) {
            http("warm-up " + read.name(), WARM_UP.dividedBy(4), "GET", List.of(read.url()), token, null,
                    read.headers(), read.jdkClient(token));
        }
        for (int run = 1; run <= RUNS; run++) {
            for (Read read : reads) {
                CpuCost.Measured m = CpuCost.during(pgdata(), () -> http(read.name(), RUN_TIME, "GET",
                        List.of(read.url()), token, null, read.headers(), read.jdkClient(token)));
                if (m.result().failed() > 0) {
                    throw new IllegalStateException(read.name() + " answered otherwise than expected: " + m.result());
                }
                rates.computeIfAbsent(read, r -> new ArrayList<>()).add(m.result().perSecond());
                cpu.computeIfAbsent(read, r -> new ArrayList<>()).add(m.cpu());
                report.line("run " + run + " " + m.result() + "; " + m.cpu() + "; load " + Processes.loadAverage1());
            }
        }
        for (Read read : reads) {
            report.line(String.format("RESULT floor, %s: %.1f/s (median of %d), CPU per request %s", read.name(),
                    Load.median(rates.get(read)), rates.get(read).size(), CpuCost.medians(cpu.get(read))));
        }
        double notModified = Load.median(cpu.get(reads.get(0)).stream().map(CpuCost::total).toList());
        double full = Load.median(cpu.get(reads.get(2)).stream().map(CpuCost::total).toList());
        double hop = Load.median(cpu.get(reads.get(0)).stream()
                .map(c -> c.msPerRequest().getOrDefault("gateway", 0.0)).toList());
        int cores = Runtime.getRuntime().availableProcessors();
        // the machine's speed moves the CPU figures from day to day, the share of a get that its 304 is far less: the
        // second bound is the full get's own rate, made as cheap as its 304
        report.line(String.format("RESULT floor: a get through the gateway costs %.3f ms of CPU, its 304 %.3f ms (%.0f %%),"
                        + " of which the gateway %.3f ms; on %d cores with nothing else running (the load generator"
                        + " left out) no get through the gateway can pass %.0f/s, and were a get as cheap as its 304 the"
                        + " %.1f gets/s of this run would be %.0f/s (target >= 4000/s)", full, notModified,
                notModified * 100 / full, hop, cores, cores * 1000 / notModified, Load.median(rates.get(reads.get(2))),
                Load.median(rates.get(reads.get(2))) * full / notModified));
        if (directCreateCpuMs > 0) {
            report.line(String.format("RESULT floor: with a create costing %.3f ms straight to case-service (throughput"
                            + " figure) and the gateway at least %.3f ms per proxied request, the gateway's cost on a create"
                            + " is at least %.1f %% (target <= 10 %%)", directCreateCpuMs, hop,
                    hop * 100 / (directCreateCpuMs + hop)));
        }
    }

    /**
     * Makes sure the view holds at least {@link #READ_CASES} cases (the throughput figures make more) and returns the
     * agency that leads most of them: the caller's, whose range of the visibility index the raw list reads.
     */
    String readCases(String token) throws Exception {
        while (count("SELECT count(*) FROM cases.case_view") < READ_CASES) {
            Load.closedLoop("creating cases to read", CLIENTS, Duration.ofSeconds(2), (c, i) -> createCase(gateway, token, null));
        }
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT lead_agency, count(*) FROM cases.case_view GROUP BY 1 ORDER BY 2 DESC LIMIT 1")) {
            rs.next();
            report.line("view: " + count("SELECT count(*) FROM cases.case_view") + " cases, " + rs.getLong(2) + " led by " + rs.getString(1));
            return rs.getString(1);
        }
    }

    /**
     * A read figure as throughput's: warm-up, then per run the raw read by {@link #CLIENTS} JDBC clients and the same
     * number of HTTP clients through the gateway, a last raw run after; medians and their ratio.
     */
    void reads(String figure, String name, List<String> urls, String token, String rawName, String sql,
               java.util.function.Supplier<String> parameter, double target) throws Exception {
        Load.Operation jdkClient = (c, i) -> Api.send(Api.request(
                urls.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(urls.size())), token).GET().build()).statusCode();
        http("warm-up", WARM_UP.dividedBy(2), "GET", urls, token, null, jdkClient);
        rawReads(rawName, sql, parameter, Duration.ofSeconds(3));
        List<Double> raw = new ArrayList<>();
        List<Double> platformRates = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<CpuCost> cpu = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Load.Result r = rawReads(rawName, sql, parameter, RUN_TIME);
            raw.add(r.perSecond());
            report.line("run " + run + " " + r + "; load " + Processes.loadAverage1());
            CpuCost.Measured gm = CpuCost.during(pgdata(), () -> http(name, RUN_TIME, "GET", urls, token, null, jdkClient));
            Load.Result g = gm.result();
            platformRates.add(g.perSecond());
            p50.add(g.p50Ms());
            p99.add(g.p99Ms());
            cpu.add(gm.cpu());
            report.line("run " + run + " " + g + "; " + gm.cpu() + "; load " + Processes.loadAverage1());
        }
        Load.Result after = rawReads(rawName, sql, parameter, RUN_TIME);
        raw.add(after.perSecond());
        report.line("after " + after);
        double rawMedian = Load.median(raw);
        double g = Load.median(platformRates);
        report.line(String.format("RESULT %s: raw %.0f reads/s (%s, median of %d), platform %.1f requests/s through the gateway"
                        + " (median of %d), ratio %.3f; p50 %.2f ms, p99 %.2f ms (medians); target >= %.0f/s: %s", figure,
                rawMedian, sql, raw.size(), g, platformRates.size(), g / rawMedian, Load.median(p50), Load.median(p99),
                target, g >= target ? "met" : "MISSED"));
        report.line("RESULT CPU per request, " + figure + " (medians): " + CpuCost.medians(cpu));
    }

    /** {@link #CLIENTS} JDBC clients, a connection and prepared statement each, reading every column of every row. */
    Load.Result rawReads(String name, String sql, java.util.function.Supplier<String> parameter, Duration duration) throws Exception {
        return rawClients(name, sql, duration, p -> {
            p.setString(1, parameter.get());
            try (ResultSet rs = p.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    for (int k = 1; k <= columns; k++) rs.getObject(k);
                }
                return rows > 0 ? 200 : 404;
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ history

    void history() throws Exception {
        report.line("## History of an item with 10,000 events");
        String token = api.token("cn.investigator");
        HttpResponse<String> created = Api.post(gateway + "/api/cases", token,
                "{\"title\":\"Long history\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}");
        String caseId = Api.idFromLocation(created);
        HttpResponse<String> note = Api.post(gateway + "/api/cases/" + caseId + "/notes", token, "{\"text\":\"Note\",\"tlp\":\"TLP:AMBER\"}");
        if (note.statusCode() >= 300) throw new IllegalStateException("note: " + note.statusCode() + " " + note.body());
        // 9,998 more notes, appended as the service appended the first (same payload and metadata), in one transaction:
        // the read side is what is measured, and 10,000 commands on one aggregate would take minutes here
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement copy = c.prepareStatement("""
                    INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    SELECT ?, aggregate_identifier, ?, type, ?, payload_type, payload_revision, payload, meta_data
                    FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1""")) {
                for (int seq = 2; seq < 10_000; seq++) {
                    copy.setString(1, UUID.randomUUID().toString());
                    copy.setLong(2, seq);
                    copy.setString(3, Instant.now().toString());
                    copy.setString(4, caseId);
                    copy.addBatch();
                    if (seq % 1000 == 0) copy.executeBatch();
                }
                copy.executeBatch();
            }
            c.commit();
        }
        long events = count("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = '" + caseId + "'");
        report.line("case " + caseId + " has " + events + " events");
        Thread.sleep(5000); // the views take the 9,998 notes in
        List<Double> gwP50 = new ArrayList<>();
        List<Double> directP50 = new ArrayList<>();
        List<Double> lastPageP50 = new ArrayList<>();
        String first = "/api/cases/" + caseId + "/history";
        String last = "/api/cases/" + caseId + "/history?page=99&size=100";
        for (int i = 0; i < 10; i++) Api.get(gateway + first, token);
        for (int run = 1; run <= RUNS; run++) {
            Histogram g = sequential(gateway + first, token, 40);
            Histogram d = sequential(caseService + first, token, 40);
            Histogram l = sequential(gateway + last, token, 40);
            gwP50.add(g.getValueAtPercentile(50) / 1000.0);
            directP50.add(d.getValueAtPercentile(50) / 1000.0);
            lastPageP50.add(l.getValueAtPercentile(50) / 1000.0);
            report.line(String.format("run %d: first page through gateway p50 %.2f ms p99 %.2f ms; direct p50 %.2f ms;"
                            + " last page (page 99 of 100) p50 %.2f ms; load %s", run, g.getValueAtPercentile(50) / 1000.0,
                    g.getValueAtPercentile(99) / 1000.0, d.getValueAtPercentile(50) / 1000.0,
                    l.getValueAtPercentile(50) / 1000.0, Processes.loadAverage1()));
        }
        HttpResponse<String> page = Api.get(gateway + first, token);
        JsonNode body = Api.json(page.body());
        report.line("first page answer: HTTP " + page.statusCode() + ", " + body.path("events").size() + " events, " + page.body().length() + " bytes");
        double p50 = Load.median(gwP50);
        report.line(String.format("RESULT history (10,000 events, GET .../history, 100 per page): p50 %.2f ms through the gateway"
                        + " (median of %d runs of 40 sequential requests), direct %.2f ms, last page %.2f ms; target <= 50 ms: %s",
                p50, RUNS, Load.median(directP50), Load.median(lastPageP50), p50 <= 50 ? "met" : "MISSED"));
    }

    Histogram sequential(String url, String token, int n) {
        Histogram h = new Histogram(60_000_000L, 3);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = Api.get(url, token);
            long micros = (System.nanoTime() - t0) / 1000;
            if (r.statusCode() != 200) throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
            h.recordValue(micros);
        }
        return h;
    }

    // ------------------------------------------------------------------------------------------------ replay

    /** Events the store holds at least when views are rebuilt: fixed costs (stop, token reset, start) stay small. */
    static final int REPLAY_EVENTS = Integer.getInteger("bench.replay-events", 100_000);

    void replay() throws Exception {
        report.line("## Replay");
        fillStore(REPLAY_EVENTS);
        long events = count("SELECT count(*) FROM eventstore.domain_event_entry");
        report.line("event store: " + events + " events");
        String admin = api.token("admin");
        List<Double> raw = new ArrayList<>();
        List<Double> noOp = new ArrayList<>();
        raw.add(rawKeysetRead());
        report.line(String.format("raw keyset-paged read (LIMIT 1000, all columns): %.0f events/s", raw.get(0)));
        for (int run = 1; run <= RUNS; run++) {
            double empty = rebuild(admin, "no-op-view", events);
            noOp.add(empty);
            double r = rawKeysetRead();
            raw.add(r);
            report.line(String.format("run %d: no-op view rebuild %.0f events/s; raw read %.0f events/s; load %s", run,
                    empty, r, Processes.loadAverage1()));
        }
        // the real projector once: one SQL statement per event makes it minutes, not seconds
        double real = rebuild(admin, "case-view", events);
        double ratio = Load.median(noOp) / Load.median(raw);
        report.line(String.format("RESULT replay: raw keyset read %.0f events/s (median of %d), no-op view rebuild %.0f events/s"
                        + " (median of %d), ratio %.3f; target >= 40000 events/s: %s. case-view rebuild (the real projector) once:"
                        + " %.0f events/s, ratio %.3f. Each rebuild is timed from the request to the first progress that"
                        + " says done (stop, token reset, start included), over %d events",
                Load.median(raw), raw.size(), Load.median(noOp), noOp.size(), ratio, Load.median(noOp) >= 40_000 ? "met" : "MISSED",
                real, real / Load.median(raw), events));
    }

    /**
     * Brings the store to {@code target} events: 16 cases opened through the gateway, each with one note, then the note
     * event copied as further events of its case (as history() does), so that every event is a real, deserializable
     * one spread over several aggregates (and so over the processors' segments).
     */
    void fillStore(int target) throws Exception {
        long events = count("SELECT count(*) FROM eventstore.domain_event_entry");
        if (events >= target) return;
        String token = api.token("cn.investigator");
        int cases = 16;
        long perCase = (target - events) / cases + 1;
        report.line("filling the store from " + events + " to about " + target + " events (" + cases + " cases, "
                + perCase + " notes each)");
        // all cases and their first notes before any copy, while the views are not busy with copies
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String caseId = Api.idFromLocation(Api.post(gateway + "/api/cases", token,
                    "{\"title\":\"Replay filler " + i + "\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"));
            awaitVisible(caseService + "/api/cases/" + caseId, token);
            HttpResponse<String> note = Api.post(gateway + "/api/cases/" + caseId + "/notes", token,
                    "{\"text\":\"Note\",\"tlp\":\"TLP:AMBER\"}");
            if (note.statusCode() >= 300) throw new IllegalStateException("note: " + note.statusCode() + " " + note.body());
            caseIds.add(caseId);
        }
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < cases; i++) {
                try (PreparedStatement copy = c.prepareStatement("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                            type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT ?, aggregate_identifier, ?, type, ?, payload_type, payload_revision, payload, meta_data
                        FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1""")) {
                    for (long seq = 2; seq < perCase + 2; seq++) {
                        copy.setString(1, UUID.randomUUID().toString());
                        copy.setLong(2, seq);
                        copy.setString(3, Instant.now().toString());
                        copy.setString(4, caseIds.get(i));
                        copy.addBatch();
                        if (seq % 1000 == 0) copy.executeBatch();
                    }
                    copy.executeBatch();
                }
                c.commit();
                report.line("  case " + (i + 1) + " of " + cases + " filled");
            }
        }
        // the no-op view takes the copies in before anything is timed; the case view is written with the commands
        // (its processor only catches up, docs/ARCHITECTURE.md), so copies stored around them reach it only with
        // its rebuild, which is timed below
        String admin = api.token("admin");
        long head = count("SELECT max(global_index) FROM eventstore.domain_event_entry");
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        for (String view : List.of("no-op-view")) {
            long position = 0;
            while (position < head && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                position = Api.json(Api.get(gateway + "/api/cases/admin/replays/" + view, admin).body()).path("position").asLong();
            }
            report.line("  " + view + " at position " + position + " of " + head);
        }
    }

    double rawKeysetRead() throws SQLException {
        long n = 0;
        long t0 = System.nanoTime();
        try (Connection c = connection(); PreparedStatement p = c.prepareStatement(
                "SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                        + " payload_revision, payload, meta_data FROM eventstore.domain_event_entry WHERE global_index > ?"
                        + " ORDER BY global_index LIMIT 1000")) {
            long last = -1;
            while (true) {
                p.setLong(1, last);
                int page = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getBytes(9);
                        rs.getBytes(10);
                        page++;
                    }
                }
                n += page;
                if (page < 1000) break;
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    double rebuild(String admin, String view, long events) throws Exception {
        String path = gateway + "/api/cases/admin/replays/" + view;
        long t0 = System.nanoTime();
        HttpResponse<String> started = Api.post(path, admin, "{}");
        if (started.statusCode() != 202) throw new IllegalStateException("replay: " + started.statusCode() + " " + started.body());
        JsonNode progress = Api.json(started.body());
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!"done".equals(progress.path("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            progress = Api.json(Api.get(path, admin).body());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return progress.path("headPosition").asLong(events) / seconds;
    }

    // ------------------------------------------------------------------------------------------------ propagation

    void propagation() throws Exception {
        report.line("## Propagation (intel-service appends IntelReportLinkedToCaseEvent; case-service's view shows the link)");
        String token = api.token("cn.investigator");
        if (rawInsertCeiling < 0) {
            RowShape shape = rowShape(token);
            rawInsertCeiling = rawInserts(shape, Duration.ofSeconds(5)).perSecond();
        }
        RowShape shape = rowShape(token);
        double half = rawInsertCeiling / 2;
        String caseId = Api.idFromLocation(Api.post(gateway + "/api/cases", token,
                "{\"title\":\"Propagation\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"));
        awaitVisible(caseService + "/api/cases/" + caseId, token);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong background = new AtomicLong();
        List<Thread> loaders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> paced(shape, half / 8, stop, background), "store-load-" + i);
            t.start();
            loaders.add(t);
        }
        Histogram latency = new Histogram(60_000_000L, 3);
        List<Double> p99s = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            Thread.sleep(2000);
            // warm-up, as for the other figures (half of theirs): the first links ran the path cold (the compilers,
            // the pools), and the first run's p99 was a few hundred ms where the next runs' were about 100
            long warm = System.nanoTime();
            int links = 0;
            while (System.nanoTime() - warm < WARM_UP.dividedBy(2).toNanos()) {
                linkAndWatch(token, caseId, links++);
            }
            report.line(String.format("warm-up: %d links in %.1f s, not counted", links,
                    (System.nanoTime() - warm) / 1e9));
            for (int run = 1; run <= RUNS; run++) {
                Histogram runLatency = new Histogram(60_000_000L, 3);
                for (int i = 0; i < SAMPLES; i++) {
                    long micros = linkAndWatch(token, caseId, run * 1000 + i);
                    runLatency.recordValue(micros);
                    latency.recordValue(micros);
                }
                p99s.add(runLatency.getValueAtPercentile(99) / 1000.0);
                report.line(String.format("run %d: p50 %.1f ms, p99 %.1f ms, max %.1f ms; load %s", run,
                        runLatency.getValueAtPercentile(50) / 1000.0, runLatency.getValueAtPercentile(99) / 1000.0,
                        runLatency.getMaxValue() / 1000.0, Processes.loadAverage1()));
            }
        } finally {
            stop.set(true);
            for (Thread t : loaders) t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double p99 = Load.median(p99s);
        report.line(String.format("RESULT propagation: p99 %.1f ms (median of %d runs of " + SAMPLES + "; over all %d samples p50 %.1f ms, p99 %.1f ms)"
                        + " while raw inserts ran at %.0f/s (target half of the %.0f/s ceiling); target <= 100 ms: %s",
                p99, RUNS, latency.getTotalCount(), latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, background.get() / seconds, rawInsertCeiling,
                p99 <= 100 ? "met" : "MISSED"));
    }

    /**
     * Links a new report to the case and watches case-service's view directly until the link shows; returns the time
     * from the event's timestamp (set by intel-service when it appended it) to the first answer that shows it.
     */
    long linkAndWatch(String token, String caseId, int i) throws Exception {
        String reportId = Api.idFromLocation(Api.post(gateway + "/api/intel/reports", token, """
                {"title":"Route %d","summary":"Waypoints","category":"TRAFFICKING_ROUTE","sourceReliability":"B",
                 "informationCredibility":2,"releasedTo":[],"tlp":"TLP:AMBER","handlingCode":"H2"}""".formatted(i)));
        // only an approved, disseminated report is linked to a case
        require(Api.post(gateway + "/api/intel/reports/" + reportId + "/submission", token, "{}"));
        require(Api.post(gateway + "/api/intel/reports/" + reportId + "/approval", api.token("cn.supervisor"), "{}"));
        var link = Api.HTTP.sendAsync(Api.request(caseService + "/api/cases/" + caseId + "/links", token)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"itemType\":\"INTEL_REPORT\",\"itemId\":\"" + reportId + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Instant visible = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (visible == null && System.nanoTime() < deadline) {
            HttpResponse<String> view = Api.get(caseService + "/api/cases/" + caseId, token);
            if (view.body().contains(reportId)) visible = Instant.now();
            else Thread.sleep(2);
        }
        HttpResponse<String> linked = link.join();
        if (visible == null) {
            throw new IllegalStateException("link of " + reportId + " not visible after 30 s; POST .../links answered "
                    + linked.statusCode() + " " + linked.body());
        }
        String stamp;
        try (Connection c = connection(); PreparedStatement p = c.prepareStatement(
                "SELECT time_stamp FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%IntelReportLinkedToCaseEvent'")) {
            p.setString(1, reportId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no IntelReportLinkedToCaseEvent for " + reportId);
                stamp = rs.getString(1);
            }
        }
        return Math.max(0, Duration.between(Instant.parse(stamp), visible).toNanos() / 1000);
    }

    static HttpResponse<String> require(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }

    static void awaitVisible(String url, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Api.get(url, token).statusCode() != 200) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(url + " not visible after 60 s");
            Thread.sleep(50);
        }
    }

    void paced(RowShape shape, double perSecond, AtomicBoolean stop, AtomicLong done) {
        long interval = (long) (1e9 / Math.max(perSecond, 1));
        try (Connection c = connection(); PreparedStatement p = c.prepareStatement("INSERT INTO bench.raw_event (event_identifier,"
                + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)")) {
            long next = System.nanoTime();
            while (!stop.get()) {
                insert(p, shape);
                done.incrementAndGet();
                next += interval;
                long sleep = next - System.nanoTime();
                if (sleep > 0) Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        } catch (Exception e) {
            System.err.println("[bench] store load stopped: " + e);
        }
    }

    // ------------------------------------------------------------------------------------------------ replicas

    /**
     * Creates straight to each of two replicas of case-service, with each replica's CPU apart: the second started
     * after the first had claimed every segment of its processors, and each takes its share of them (SegmentShare),
     * so a write to either waits for a view the other writes for about half of its items; the commands the second
     * sends go to the first, its service's bus member. Against raw inserts of the same run.
     */
    void replicas() throws Exception {
        report.line("## Creates with two replicas of case-service (" + CLIENTS + " clients straight to one replica, "
                + RUN_TIME.toSeconds() + " s per run)");
        String token = api.token("cn.investigator");
        RowShape shape = rowShape(token);
        String second = platform.startReplica("case-service");
        Map<Long, String> apart = Map.of(Processes.byServerPort(URI.create(second).getPort()).orElseThrow().pid(),
                "case-service-replica");
        report.line("second replica at " + second + "; segments by owner: " + segmentOwners());
        // each its own warm-up: the second JVM compiles its request path only under its own load
        creates("warm-up first replica", caseService, token, WARM_UP);
        creates("warm-up second replica", second, token, WARM_UP);
        report.line("after the warm-ups, segments by owner: " + segmentOwners());
        rawInserts(shape, Duration.ofSeconds(3));
        List<Double> raw = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> firstP50 = new ArrayList<>();
        List<Double> other = new ArrayList<>();
        List<Double> otherP50 = new ArrayList<>();
        List<Double> otherP99 = new ArrayList<>();
        List<CpuCost> firstCpu = new ArrayList<>();
        List<CpuCost> otherCpu = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Load.Result r = rawInserts(shape, RUN_TIME);
            raw.add(r.perSecond());
            report.line("run " + run + " " + r + "; load " + Processes.loadAverage1());
            CpuCost.Measured fm = CpuCost.during(pgdata(),
                    () -> creates("first replica POST /api/cases", caseService, token, RUN_TIME), apart);
            Load.Result f = fm.result();
            first.add(f.perSecond());
            firstP50.add(f.p50Ms());
            firstCpu.add(fm.cpu());
            report.line("run " + run + " " + f + "; " + fm.cpu() + "; load " + Processes.loadAverage1());
            CpuCost.Measured om = CpuCost.during(pgdata(),
                    () -> creates("second replica POST /api/cases", second, token, RUN_TIME), apart);
            Load.Result o = om.result();
            other.add(o.perSecond());
            otherP50.add(o.p50Ms());
            otherP99.add(o.p99Ms());
            otherCpu.add(om.cpu());
            report.line("run " + run + " " + o + "; " + om.cpu() + "; load " + Processes.loadAverage1());
        }
        Load.Result after = rawInserts(shape, RUN_TIME);
        raw.add(after.perSecond());
        report.line("after " + after);
        double rawMedian = Load.median(raw);
        report.line(String.format("RESULT replicas: raw ceiling %.0f inserts/s; creates straight to the first replica"
                        + " %.1f/s (ratio %.3f), p50 %.2f ms; straight to the second replica %.1f/s (ratio %.3f),"
                        + " p50 %.2f ms, p99 %.2f ms (medians of %d)", rawMedian, Load.median(first),
                Load.median(first) / rawMedian, Load.median(firstP50), Load.median(other), Load.median(other) / rawMedian,
                Load.median(otherP50), Load.median(otherP99), RUNS));
        report.line("RESULT CPU per create (medians; the second replica as case-service-replica): straight to the"
                + " first " + CpuCost.medians(firstCpu) + "; straight to the second " + CpuCost.medians(otherCpu));
    }

    /** How many segments of case-service's processors each replica holds. */
    String segmentOwners() throws SQLException {
        return rows("SELECT coalesce(owner, 'nobody') || ': ' || count(*) FROM cases.token_entry GROUP BY owner"
                + " ORDER BY owner");
    }

    /** The first column of every row of {@code sql}, joined. */
    String rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) rows.add(rs.getString(1));
        }
        return String.join(", ", rows);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    Connection connection() throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(), platform.options().dbUser(), platform.options().dbPassword());
    }

    long count(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Copies of the service and gateway jars: others rebuild the jars in the working tree while a run goes on, and a
     * JVM whose jar is replaced under it fails with NoClassDefFoundError. Keycloak is used where infra unpacked it.
     */
    static Path snapshot(Path root, Path work) throws java.io.IOException {
        Path snapshot = work.resolve("root");
        List<String> modules = new ArrayList<>();
        Platform.SERVICES.forEach(s -> modules.add(s.name()));
        modules.add(Platform.GATEWAY);
        for (String module : modules) {
            Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
            Path copy = snapshot.resolve(module).resolve("target").resolve(module + ".jar");
            Files.createDirectories(copy.getParent());
            if (Files.exists(jar)) Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path infra = snapshot.resolve("infra");
        if (!Files.exists(infra, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(infra, root.resolve("infra"));
        return snapshot;
    }

    static int freeOffset() {
        for (int offset = 20_000; offset <= 40_000; offset += 1_000) {
            int o = offset;
            boolean free = Platform.isFree(Platform.GATEWAY_PORT + o) && Platform.isFree(Platform.POSTGRES_PORT + o)
                    && Platform.isFree(Platform.KEYCLOAK_PORT + o) && Platform.isFree(Platform.KEYCLOAK_MANAGEMENT_PORT + o)
                    && Platform.SERVICES.stream().allMatch(s -> Platform.isFree(s.httpPort() + o) && Platform.isFree(s.busPort() + o));
            if (free) return offset;
        }
        throw new IllegalStateException("no free port offset");
    }

    /** Writes every line to the console and to the results file. */
    static final class Report {
        private final Path file;

        Report(Path file) throws java.io.IOException {
            this.file = file;
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        }

        synchronized void line(String text) {
            System.out.println("[bench] " + text);
            try {
                Files.writeString(file, text + System.lineSeparator(), java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Samples the 1-minute load average every 5 s: the machine is shared, so the figures say how busy it was. */
    static final class LoadSampler extends Thread {
        private final List<Double> samples = new java.util.concurrent.CopyOnWriteArrayList<>();

        LoadSampler() {
            super("load-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                samples.add(Processes.loadAverage1());
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public String toString() {
            if (samples.isEmpty()) return "n/a";
            return String.format("min %.1f, median %.1f, max %.1f", samples.stream().mapToDouble(d -> d).min().orElse(0),
                    Load.median(samples), samples.stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    static String utcNow() {
        return LocalDateTime.now(ZoneOffset.UTC).toString();
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
