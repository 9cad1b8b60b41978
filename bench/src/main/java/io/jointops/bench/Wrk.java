package io.jointops.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * HTTP load by wrk (Debian's package {@code wrk}), the same closed loop as {@link Load}: {@code clients} connections,
 * each sends one request, waits for its answer and sends the next. Why beside {@link Load}: on two cores the load
 * generator shares the CPU with what it measures, and the JDK's {@code HttpClient} took 0.26 ms of CPU per request
 * (a quarter of the machine at 1,800 gets/s, docs/performance.md), the JDBC client of the raw figures a few
 * microseconds; wrk's C event loop costs the platform far less of the two cores. Latencies come from wrk's own
 * histogram (microseconds) through a Lua {@code done} hook, not from its printed summary.
 */
final class Wrk {

    /** wrk's event-loop threads: one per core. */
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final String MARK = "JOINTOPS-WRK";

    private Wrk() {}

    /** Whether a {@code wrk} runs here ({@code wrk -v} prints its version and exits 1). */
    static boolean available() {
        try {
            Process process = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(10, TimeUnit.SECONDS) && out.startsWith("wrk ");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code clients} connections to the host of {@code urls} for {@code duration}, each request to a random one of
     * {@code urls} (all on one host) with the bearer token, and {@code body} as JSON if not null.
     */
    static Load.Result run(String name, int clients, Duration duration, String method, List<String> urls, String token,
                           String body) throws IOException, InterruptedException {
        return run(name, clients, duration, method, urls, token, body, Map.of());
    }

    /** As {@link #run(String, int, Duration, String, List, String, String)}, each request with {@code headers} too. */
    static Load.Result run(String name, int clients, Duration duration, String method, List<String> urls, String token,
                           String body, Map<String, String> headers) throws IOException, InterruptedException {
        URI first = URI.create(urls.get(0));
        String base = first.getScheme() + "://" + first.getAuthority();
        String paths = urls.stream().map(url -> lua(URI.create(url).getRawPath()
                        + (URI.create(url).getRawQuery() == null ? "" : "?" + URI.create(url).getRawQuery())))
                .collect(Collectors.joining(",\n"));
        String script = """
                local paths = {
                %s
                }
                wrk.method = "%s"
                wrk.headers["Authorization"] = %s
                %s
                %s
                function init(args)
                  math.randomseed(math.floor(os.clock() * 1000000) + #tostring({}))
                end
                function request()
                  return wrk.format(nil, paths[math.random(#paths)])
                end
                function done(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("%s %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
                    e.status, e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
                end
                """.formatted(paths, method, lua("Bearer " + token), body == null ? ""
                        : "wrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = " + lua(body),
                headers.entrySet().stream().map(h -> "wrk.headers[" + lua(h.getKey()) + "] = " + lua(h.getValue()))
                        .collect(Collectors.joining("\n")), MARK);
        Path file = Files.createTempFile("bench-wrk", ".lua");
        try {
            Files.writeString(file, script);
            Process process = new ProcessBuilder("wrk", "-t" + Math.min(THREADS, clients), "-c" + clients,
                    "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", "60s", "-s", file.toString(), base)
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(duration.toSeconds() + 120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk failed: " + out);
            }
            String line = out.lines().filter(l -> l.startsWith(MARK)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("wrk printed no summary: " + out));
            String[] f = line.split(" ");
            long requests = Long.parseLong(f[1]);
            double seconds = Long.parseLong(f[2]) / 1e6;
            long notOk = Long.parseLong(f[3]);
            long socketErrors = Long.parseLong(f[4]);
            // wrk tells answers of 2xx or 3xx from the others only
            Map<String, Long> statuses = new TreeMap<>();
            if (requests > notOk) statuses.put("2xx/3xx", requests - notOk);
            if (notOk > 0) statuses.put("other", notOk);
            if (socketErrors > 0) statuses.put("socket errors", socketErrors);
            return new Load.Result(name + " (wrk)", clients, seconds, requests - notOk, notOk + socketErrors, statuses,
                    Long.parseLong(f[5]) / 1000.0, Long.parseLong(f[6]) / 1000.0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A Lua string literal. */
    private static String lua(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
