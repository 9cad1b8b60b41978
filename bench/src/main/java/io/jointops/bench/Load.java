package io.jointops.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code clients} threads each send one request, wait for its answer and send the next,
 * until the time is up. Latencies are recorded in microseconds (HdrHistogram, 3 significant digits), so that
 * sub-millisecond differences such as the gateway's cost show.
 */
final class Load {

    /** One request; returns its status (HTTP status, or 200 for a successful JDBC statement). */
    @FunctionalInterface
    interface Operation {
        int call(int client, long iteration) throws Exception;
    }

    record Result(String name, int clients, double seconds, long ok, long failed, Map<String, Long> statuses,
                  double p50Ms, double p99Ms) {
        double perSecond() { return ok / seconds; }

        @Override
        public String toString() {
            return String.format("%s: %d clients, %.1f s, %d ok (%.1f/s), %d failed %s, p50 %.2f ms, p99 %.2f ms",
                    name, clients, seconds, ok, perSecond(), failed, statuses, p50Ms, p99Ms);
        }
    }

    private Load() {}

    /** 2xx counts as success; other statuses and exceptions are counted as failed. */
    static Result closedLoop(String name, int clients, Duration duration, Operation operation) throws InterruptedException {
        List<Histogram> histograms = new ArrayList<>();
        Map<String, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            int client = i;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long end = window[1];
                for (long iteration = 0; System.nanoTime() < end; iteration++) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = operation.call(client, iteration);
                    } catch (Exception e) {
                        status = -1;
                    }
                    long micros = (System.nanoTime() - t0) / 1000;
                    statuses.merge(Integer.toString(status), 1L, Long::sum);
                    if (status >= 200 && status < 300) {
                        ok.incrementAndGet();
                        histogram.recordValue(Math.min(micros, 60_000_000L));
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }, name + "-" + i);
            threads.add(thread);
            thread.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        start.countDown();
        for (Thread thread : threads) thread.join();
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(name, clients, seconds, ok.get(), failed.get(), new TreeMap<>(statuses),
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
