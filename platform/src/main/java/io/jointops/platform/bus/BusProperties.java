package io.jointops.platform.bus;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * @param port          internal port of the command bus endpoints; never exposed through the gateway
 * @param secret        shared credential every bus call must present
 * @param advertisedUri how peers reach this instance's bus port; defaults to http://localhost:{port}
 * @param members       static membership (service name → bus URI), used when no platform discovery is active
 * @param heartbeat     how often membership and capabilities are refreshed
 */
@ConfigurationProperties("jointops.bus")
public record BusProperties(
        int port,
        String secret,
        URI advertisedUri,
        Map<String, URI> members,
        Duration connectTimeout,
        Duration readTimeout,
        Duration heartbeat) {

    public BusProperties {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("jointops.bus.secret must be set to a shared secret of at least 16 characters");
        }
        members = members == null ? Map.of() : new LinkedHashMap<>(members);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        heartbeat = heartbeat == null ? Duration.ofSeconds(5) : heartbeat;
        advertisedUri = advertisedUri == null ? URI.create("http://localhost:" + port) : advertisedUri;
    }

    /** Header carrying the shared secret on every bus request. */
    public static final String SECRET_HEADER = "X-JointOps-Bus-Secret";

    /** Where peers read each other's command capabilities (the extension's default path). */
    static final String CAPABILITIES_PATH = "/member-capabilities";

    static boolean isBusPath(String path) {
        return path.startsWith("/spring-command-bus-connector/") || path.equals(CAPABILITIES_PATH);
    }
}
