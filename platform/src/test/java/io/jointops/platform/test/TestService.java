package io.jointops.platform.test;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-up of a service's Spring integration test: the test database, the service's command bus on a port of
 * its own, with the service as the bus's only member, the key webhook deliveries are signed with, and no notary
 * schedule (a test that needs a checkpoint runs the notary itself).
 * <p>
 * Use: {@code @DynamicPropertySource static void properties(DynamicPropertyRegistry r) { TestService.register(r, "case-service"); }}
 */
public final class TestService {

    /** The webhook signing key (32 bytes, base64) {@link #register(DynamicPropertyRegistry, String)} sets. */
    public static final String WEBHOOK_SIGNING_KEY = "dGVzdC13ZWJob29rLXNpZ25pbmcta2V5LTMyLWJ5dGVz";

    /** The bus secret {@link #register(DynamicPropertyRegistry, String)} sets. */
    public static final String BUS_SECRET = "test-secret-of-sufficient-length";

    private TestService() {
    }

    /** The test database and a command bus for {@code service} alone, on a free port with {@link #BUS_SECRET}. */
    public static void register(DynamicPropertyRegistry registry, String service) {
        register(registry, service, freePort(), BUS_SECRET);
    }

    /** The test database and a command bus for {@code service} alone, on {@code busPort} with {@code busSecret}. */
    public static void register(DynamicPropertyRegistry registry, String service, int busPort, String busSecret) {
        TestDatabase.register(registry);
        registry.add("jointops.bus.port", () -> busPort);
        registry.add("jointops.bus.secret", () -> busSecret);
        registry.add("jointops.bus.members." + service, () -> "http://localhost:" + busPort);
        registry.add("jointops.webhooks.signing-key", () -> WEBHOOK_SIGNING_KEY);
        // the notary (case-service's) runs only when a test runs it: the test contexts alive in one JVM share the
        // database, and one context's scheduled run took the lock, or the checkpoint, of a test running its own
        registry.add("jointops.notary.interval", () -> "0");
    }

    /**
     * The command-line arguments of {@code service} started as its own application in a test (a restart test): the test
     * database, a command bus for it alone on {@code busPort}, the deployment keys; arguments take precedence over the
     * platform defaults, as when the launcher starts the service.
     */
    public static List<String> arguments(String service, int busPort) {
        List<String> arguments = new ArrayList<>(List.of(TestDatabase.serviceArguments()));
        arguments.addAll(List.of("--jointops.bus.port=" + busPort, "--jointops.bus.secret=" + BUS_SECRET,
                "--jointops.bus.members." + service + "=http://localhost:" + busPort,
                "--jointops.webhooks.signing-key=" + WEBHOOK_SIGNING_KEY));
        return arguments;
    }

    /** A TCP port free right now on this machine. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
