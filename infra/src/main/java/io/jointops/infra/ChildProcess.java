package io.jointops.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A process of the platform (Keycloak, a service, a service's migrations, the gateway) whose output goes to its own log file. */
final class ChildProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * setsid puts the child in its own session: Ctrl-C in the terminal then reaches only the launcher,
     * whose shutdown hook stops the children in order (gateway first, database last).
     */
    private static final boolean SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"));

    final String name;
    final Path log;
    private final Process process;
    private final long startedAt = System.nanoTime();

    private ChildProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path dir, Path log) {
        List<String> cmd = new ArrayList<>();
        if (SETSID) cmd.add("/usr/bin/setsid");
        cmd.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // nothing of the launcher's own database logins (its --db-password, as JOINTOPS_DB_PASSWORD the owner's, the
        // services' JOINTOPS_DB_PASSWORD_<SCHEMA>) nor a datasource or Flyway login of the shell it was started from is
        // inherited: a process gets exactly the login the platform gives it
        builder.environment().keySet().removeIf(ChildProcess::isDatabaseLogin);
        builder.environment().putAll(env);
        try {
            return new ChildProcess(name, log, builder.start());
        } catch (IOException e) {
            throw new StartupException("cannot start " + name + ": " + e.getMessage(), null);
        }
    }

    static boolean isDatabaseLogin(String variable) {
        return variable.startsWith("JOINTOPS_DB_") || variable.startsWith("SPRING_DATASOURCE_")
                || variable.startsWith("SPRING_FLYWAY_") || variable.startsWith("PGPASS") || variable.equals("PGUSER");
    }

    boolean alive() { return process.isAlive(); }

    long pid() { return process.pid(); }

    /** Only once it has exited. */
    int exitCode() { return process.exitValue(); }

    long secondsSinceStart() { return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt); }

    /** True once {@code url} answers 200; fails fast when the process has died or {@code cancelled} says so. */
    boolean isReady(String url) {
        if (!process.isAlive()) {
            throw new StartupException(name + " exited with code " + process.exitValue() + " during start-up (log: " + log + ")", tail(40));
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for " + name, null);
        }
    }

    void awaitReady(String url, Duration timeout, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady(url)) {
            if (cancelled.getAsBoolean()) throw new StartupException("start-up of " + name + " cancelled", null);
            if (System.nanoTime() > deadline) {
                throw new StartupException(name + " not ready at " + url + " after " + timeout.toSeconds() + " s (log: " + log + ")", tail(40));
            }
            sleep(1000);
        }
    }

    /** Waits until the process has exited and returns its exit code; fails after {@code timeout} or when cancelled. */
    int awaitExit(Duration timeout, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                if (cancelled.getAsBoolean()) throw new StartupException(name + " cancelled", null);
                if (System.nanoTime() > deadline) {
                    throw new StartupException(name + " still running after " + timeout.toSeconds() + " s (log: " + log + ")", tail(40));
                }
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for " + name, null);
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /**
     * Stops the processes together: SIGTERM to each whole process tree (kc.sh runs Keycloak's JVM as its
     * child, and a dead parent no longer lists its descendants, so the tree is taken first), then SIGKILL
     * to whatever is still there after {@code grace}.
     */
    static void stopAll(List<ChildProcess> children, Duration grace) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (ChildProcess child : children) {
            child.process.descendants().forEach(handles::add);
            handles.add(child.process.toHandle());
        }
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // still running: killed below
            }
        }
        for (ProcessHandle handle : handles) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // nothing more can be done
                }
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted", null);
        }
    }
}
