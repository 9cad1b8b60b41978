package io.jointops.infra.e2e;

import io.jointops.infra.Realm;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Which Keycloak the end-to-end tests use, chosen once per test JVM and printed as a {@code [test-keycloak]} line:
 * <ol>
 * <li>the Keycloak at {@code KEYCLOAK_URL} (realm {@code jointops} imported), if set;</li>
 * <li>else, where {@code JOINTOPS_TEST_KEYCLOAK_IMAGE} names an image and a Docker API answers, a container of that
 *     image laid out as the official one ({@code quay.io/keycloak/keycloak} of the version the launcher unpacks, or a
 *     site's copy of it), importing the realm the launcher imports;</li>
 * <li>else the launcher's own, the unpacked distribution ({@code infra/target/keycloak}).</li>
 * </ol>
 * No image is pulled unless one is named: none can be pulled on machines without a registry, and the launcher's
 * Keycloak is what {@code java -jar infra.jar} runs.
 */
final class TestKeycloak {

    static final String IMAGE_VARIABLE = "JOINTOPS_TEST_KEYCLOAK_IMAGE";
    private static final int HTTP = 8080;
    private static final int MANAGEMENT = 9000;

    private TestKeycloak() {
    }

    /**
     * The base URL of the Keycloak the tests use (e.g. {@code http://localhost:32768}), started here if it is a
     * container; {@code null} for the launcher's own, which the platform starts when it is needed.
     *
     * @param consoleOrigin the gateway's origin, which the realm's console client may call the token endpoint from
     */
    static String baseUrl(String consoleOrigin) {
        String given = System.getenv("KEYCLOAK_URL");
        if (given != null && !given.isBlank()) {
            System.out.println("[test-keycloak] Keycloak named by KEYCLOAK_URL: " + given);
            return given.replaceAll("/+$", "");
        }
        String image = System.getenv(IMAGE_VARIABLE);
        if (image != null && !image.isBlank()) {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return startContainer(image, consoleOrigin);
            }
            System.out.println("[test-keycloak] " + IMAGE_VARIABLE + "=" + image + " but no Docker API answers: the"
                    + " launcher's Keycloak instead");
        }
        System.out.println("[test-keycloak] the launcher's Keycloak, the unpacked distribution (infra/target/keycloak)");
        return null;
    }

    private static String startContainer(String image, String consoleOrigin) {
        GenericContainer<?> keycloak = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(HTTP, MANAGEMENT)
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin") // a throwaway server
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withEnv("JOINTOPS_CONSOLE_ORIGIN", consoleOrigin)
                .withCopyToContainer(Transferable.of(realm()), "/opt/keycloak/data/import/" + Realm.NAME + "-realm.json")
                // no --hostname: the issuer is the URL a client reaches it at, which the tests and the services share
                .withCommand("start-dev", "--import-realm", "--health-enabled=true", "--cache=local")
                .waitingFor(Wait.forHttp("/health/ready").forPort(MANAGEMENT)
                        .withStartupTimeout(Duration.ofMinutes(5)));
        keycloak.start();
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop, "e2e-keycloak-stop"));
        String url = "http://localhost:" + keycloak.getMappedPort(HTTP);
        System.out.println("[test-keycloak] Testcontainers Keycloak, image " + image + " (Docker API "
                + DockerClientFactory.instance().getTransportConfig().getDockerHost() + "): " + url);
        return url;
    }

    /** The realm the launcher imports, from its jar. */
    private static byte[] realm() {
        try (InputStream in = Realm.class.getResourceAsStream("/keycloak/jointops-realm.json")) {
            if (in == null) throw new IllegalStateException("keycloak/jointops-realm.json is not on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
