package io.jointops.audit;

import java.util.HexFormat;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How many events per second the offline verifier checks: generates a log of N events (default 100,000, 64 aggregates,
 * ~0.6 KiB of JSON payload and metadata each, two signing agencies), writes a range bundle of all of them and an item
 * bundle of one aggregate holding N events (an inclusion proof per event), then times reading and verifying each file
 * exactly as the command line does, R times (default 7) after 2 warm-up runs, and prints the median.
 * Not a unit test: run it by hand (see docs/audit-format.md, "Performance").
 * <pre>
 * java -cp audit/target/audit-verifier.jar:audit/target/test-classes io.jointops.audit.VerifierBenchmark [events] [runs]
 * </pre>
 */
public final class VerifierBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory("audit-bench");
        System.out.printf("JVM %s, %d processors, max heap %d MiB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        SyntheticLog ranged = new SyntheticLog("CN-NNCC", "US-DEA").events(events / 2, 64);
        ranged.checkpoint();
        ranged.events(events - events / 2, 64);
        ranged.checkpoint();
        Path range = dir.resolve("range.json");
        Bundle header = ranged.range(0, 1); // header fields only; the entries are streamed
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(range), 1 << 16)) {
            Bundles.write(new Bundle(header.format(), header.origin(), Bundle.Scope.range(1, Long.MAX_VALUE),
                    header.keys(), header.checkpoints(), header.consistencyProofs(),
                    ranged.tree.rangeProof(0, events, events).stream().map(HexFormat.of()::formatHex).toList(), 0, List.of()),
                    ranged.rangeEntries(0, events), out);
        }
        report("range bundle, " + events + " events", range, ranged.policy(), events, runs);

        SyntheticLog single = new SyntheticLog("CN-NNCC", "US-DEA").events(events / 2, 1);
        single.checkpoint();
        single.events(events - events / 2, 1);
        single.checkpoint();
        Path item = dir.resolve("item.json");
        Bundle bundle = single.item("case-0");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(item), 1 << 16)) {
            Bundles.write(bundle, bundle.events().iterator(), out);
        }
        bundle = null;
        report("item bundle, " + events + " events with an inclusion proof each", item, single.policy(), events,
                runs);
        Files.delete(range);
        Files.delete(item);
        Files.delete(dir);
    }

    private static void report(String what, Path file, TrustPolicy policy, int events, int runs) throws Exception {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (int i = 0; i < 2; i++) {
            verify(file, policy, events, new long[2]);
        }
        double[] rates = new double[runs];
        double[] parse = new double[runs];
        double[] check = new double[runs];
        double[] perCpuSecond = new double[runs];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            System.gc();
            long[] split = new long[2];
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            verify(file, policy, events, split);
            rates[i] = events / ((System.nanoTime() - start) / 1e9);
            perCpuSecond[i] = events / ((os.getProcessCpuTime() - cpu) / 1e9);
            parse[i] = split[0] / 1e6;
            check[i] = split[1] / 1e6;
        }
        System.out.printf("%s (%.1f MiB): median %,.0f events/s over %d runs (min %,.0f, max %,.0f)"
                        + "; median %,.0f events per CPU-second (all threads, GC included); median %.0f ms reading the"
                        + " header, %.0f ms reading and verifying the events; runs (events/s): %s; load average before: %.2f%n",
                what, Files.size(file) / 1048576.0, median(rates), runs, Arrays.stream(rates).min().orElseThrow(),
                Arrays.stream(rates).max().orElseThrow(), median(perCpuSecond), median(parse), median(check),
                Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()), load);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Reads and verifies as the command line does; split[0] is the time to the first event, split[1] the rest. */
    private static void verify(Path file, TrustPolicy policy, int events, long[] split) throws Exception {
        long start = System.nanoTime();
        Verifier.Report report;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             Bundles.Reader reader = Bundles.open(in)) {
            split[0] = System.nanoTime() - start;
            report = new Verifier(policy).verify(reader.header(), reader.events());
        }
        split[1] = System.nanoTime() - start - split[0];
        if (report.events() != events) {
            throw new IllegalStateException("verified " + report.events() + " events, not " + events);
        }
    }
}
