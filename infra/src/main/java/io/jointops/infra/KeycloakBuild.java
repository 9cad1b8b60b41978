package io.jointops.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's build step ({@code kc.sh build}), done once for the options the platform runs it with, so that every
 * start is {@code kc.sh start --optimized}.
 * <p>
 * Why: {@code start-dev} re-built the server (Quarkus augmentation) on a fresh distribution, about 34 s of the
 * platform's start-up on 2 cores, and Keycloak was the last part to be ready. Run by the Maven build of infra
 * ({@code main}), and checked again by {@link Platform} before each start.
 */
public final class KeycloakBuild {

    /** Build-time options: an in-memory database (the realm file is imported at every start), health endpoints. */
    static final Map<String, String> OPTIONS = Map.of("db", "dev-mem", "health-enabled", "true");

    private static final long TIMEOUT_MINUTES = 10;

    private KeycloakBuild() {
    }

    /** {@code main(<keycloak home>)}: builds the unpacked distribution unless it is built already. */
    public static void main(String[] args) {
        ensureBuilt(Path.of(args[0]), Map.of("JAVA_HOME", System.getProperty("java.home")));
    }

    /** Builds Keycloak at {@code home} for {@link #OPTIONS} unless its last build had them; logs what it does. */
    static void ensureBuilt(Path home, Map<String, String> env) {
        if (isBuilt(home)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), "build"));
        OPTIONS.forEach((name, value) -> command.add("--" + name + "=" + value));
        System.out.println("Building Keycloak once for " + OPTIONS + " (about 30 s): " + String.join(" ", command));
        Path log = home.resolve("build.log");
        try {
            ProcessBuilder build = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            build.environment().putAll(env);
            Process process = build.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new StartupException("Keycloak's build did not finish in " + TIMEOUT_MINUTES + " minutes; see " + log, null);
            }
            if (process.exitValue() != 0 || !isBuilt(home)) {
                throw new StartupException("Keycloak's build failed (exit " + process.exitValue() + "); see " + log, null);
            }
        } catch (IOException e) {
            throw new StartupException("Keycloak's build could not run (" + e.getMessage() + "); see " + log, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Keycloak's build was interrupted", null);
        }
    }

    /**
     * Whether the distribution's last build was a production build with {@link #OPTIONS} (Keycloak keeps them in its
     * generated jar).
     */
    static boolean isBuilt(Path home) {
        Path generated = home.resolve("lib/quarkus/generated-bytecode.jar");
        if (!Files.isRegularFile(generated)) {
            return false;
        }
        try (ZipFile jar = new ZipFile(generated.toFile())) {
            ZipEntry entry = jar.getEntry("META-INF/keycloak-persisted.properties");
            if (entry == null) {
                return false;
            }
            Properties persisted = new Properties();
            try (InputStream in = jar.getInputStream(entry)) {
                persisted.load(in);
            }
            // start-dev also persists its build, for the dev profile, which an optimized start cannot use
            return "prod".equals(persisted.getProperty("kc.profile")) && OPTIONS.entrySet().stream()
                    .allMatch(option -> option.getValue().equals(persisted.getProperty("kc." + option.getKey())));
        } catch (IOException e) {
            return false;
        }
    }
}
