package io.jointops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's processes as the kernel sees them: everything this JVM started (services, gateway, Keycloak and the
 * embedded PostgreSQL with its backends) is a descendant of it. Memory from /proc: RSS counts shared pages once per
 * process (PostgreSQL's shared buffers in every backend), PSS divides them among the sharers, so PSS adds up.
 */
final class Processes {

    record Memory(String name, long pid, long rssKb, long pssKb) {}

    /** A process's command line and environment, enough to start it again the same way. */
    record Launch(List<String> command, Map<String, String> environment, Path directory) {}

    private Processes() {}

    static List<ProcessHandle> descendants() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    /**
     * The processes of the platform: this JVM's descendants, and PostgreSQL, whose postmaster pg_ctl detached (its
     * parent is init), found by its data directory, with its backends.
     */
    static List<ProcessHandle> platform(Path pgdata) {
        List<ProcessHandle> all = new ArrayList<>(descendants());
        postmaster(pgdata).ifPresent(postmaster -> {
            if (all.stream().noneMatch(p -> p.pid() == postmaster.pid())) {
                all.add(postmaster);
                postmaster.descendants().filter(ProcessHandle::isAlive).forEach(all::add);
            }
        });
        return all;
    }

    static List<Memory> memory(Path pgdata) {
        List<Memory> all = new ArrayList<>();
        for (ProcessHandle p : platform(pgdata)) {
            long pid = p.pid();
            String name = name(pid);
            if (name == null) continue;
            all.add(new Memory(name, pid, kb(pid, "status", "VmRSS:"), kb(pid, "smaps_rollup", "Pss:")));
        }
        return all;
    }

    /** A short name: the jar, Keycloak, or the executable. */
    static String name(long pid) {
        List<String> cmd = commandLine(pid);
        if (cmd.isEmpty()) return null;
        for (String part : cmd) {
            if (part.contains("quarkus-run.jar")) return "keycloak"; // under infra/target too: asked first
            if (part.endsWith(".jar") && part.contains("/target/")) return Path.of(part).getFileName().toString().replace(".jar", "");
        }
        return Path.of(cmd.get(0)).getFileName().toString();
    }

    static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            if (raw.length == 0) return List.of();
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The process serving this HTTP port (its command line has {@code --server.port=N}). */
    static Optional<ProcessHandle> byServerPort(int port) {
        return descendants().stream().filter(p -> commandLine(p.pid()).contains("--server.port=" + port)).findFirst();
    }

    /**
     * Local TCP port to the process (among {@code pids}) whose socket it is: the kernel's socket table
     * (/proc/net/tcp, tcp6) gives each connection's inode, the processes' /proc/PID/fd links name their sockets' inodes.
     */
    static Map<Integer, Long> localPortOwners(java.util.Collection<Long> pids) {
        Map<Long, Long> inodes = new java.util.HashMap<>();
        for (long pid : pids) {
            try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                fds.forEach(fd -> {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) inodes.put(Long.parseLong(target.substring(8, target.length() - 1)), pid);
                    } catch (IOException | RuntimeException e) {
                        // closed meanwhile
                    }
                });
            } catch (IOException e) {
                // exited
            }
        }
        Map<Integer, Long> ports = new java.util.HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                    String[] f = line.trim().split("\\s+");
                    Long owner = inodes.get(Long.parseLong(f[9]));
                    if (owner != null) ports.put(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16), owner);
                }
            } catch (IOException | RuntimeException e) {
                // no IPv6
            }
        }
        return ports;
    }

    /** The postmaster of this data directory: a {@code postgres} process started with {@code -D <pgdata>}. */
    static Optional<ProcessHandle> postmaster(Path pgdata) {
        String dir = pgdata.toAbsolutePath().normalize().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> "postgres".equals(name(p.pid())))
                .filter(p -> {
                    List<String> cmd = commandLine(p.pid());
                    int d = cmd.indexOf("-D");
                    return d >= 0 && d + 1 < cmd.size() && Path.of(cmd.get(d + 1)).toAbsolutePath().normalize().toString().equals(dir);
                })
                .findFirst();
    }

    static Launch launchOf(long pid) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
        for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        Path cwd = Path.of("/proc", Long.toString(pid), "cwd").toRealPath();
        return new Launch(commandLine(pid), env, cwd);
    }

    /** Starts a process again as it was started; its output is appended to {@code log}. */
    static Process relaunch(Launch launch, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.directory().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        return builder.start();
    }

    private static long kb(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** Cores, and the load average now (1, 5, 15 minutes). */
    static String machine() {
        try {
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            String[] parts = load.split("\\s+");
            long memKb = 0;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) memKb = Long.parseLong(line.replaceAll("\\D+", ""));
            }
            return Runtime.getRuntime().availableProcessors() + " cores, " + memKb / 1024 / 1024 + " GiB, load average "
                    + parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors() + " cores";
        }
    }

    static double loadAverage1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException e) {
            return -1;
        }
    }
}
