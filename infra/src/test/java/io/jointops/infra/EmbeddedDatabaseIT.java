package io.jointops.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL as the launcher starts it ({@link Platform#startDatabase()}), without the applications: a
 * few seconds each.
 */
class EmbeddedDatabaseIT {

    private static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");

    @Test
    void isDurableByDefaultAlsoAfterARestart(@TempDir Path work) throws SQLException {
        try (Platform platform = new Platform(options(work), new Platform.Listener() {})) {
            platform.startDatabase();
            assertThat(settings(platform)).containsExactly(Map.entry("fsync", "on"),
                    Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));

            platform.restartDatabase(Duration.ZERO);
            assertThat(settings(platform)).containsOnly(Map.entry("fsync", "on"),
                    Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));
        }
    }

    @Test
    void isFastAndUnsafeOnlyWithTheExplicitOptionWhichItAnnounces(@TempDir Path work) throws SQLException {
        StringBuilder announced = new StringBuilder();
        try (Platform platform = new Platform(options(work).unsafeFastDatabase(true), new Platform.Listener() {
            @Override
            public void ready(String component, long seconds, String detail) {
                announced.append(component).append(' ').append(detail);
            }
        })) {
            platform.startDatabase();
            assertThat(settings(platform)).containsExactly(Map.entry("fsync", "off"),
                    Map.entry("synchronous_commit", "off"), Map.entry("full_page_writes", "off"));
            assertThat(announced).contains("postgresql").contains("UNSAFE");

            platform.restartDatabase(Duration.ZERO);
            assertThat(settings(platform)).containsOnly(Map.entry("fsync", "off"),
                    Map.entry("synchronous_commit", "off"), Map.entry("full_page_writes", "off"));
        }
    }

    /** What the server reports for each durability setting, as any client sees it. */
    static Map<String, String> settings(Platform platform) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(), platform.options().dbUser(),
                platform.options().dbPassword()); Statement s = c.createStatement()) {
            for (String name : DURABILITY) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }

    /** A fresh database of its own under {@code work}, on a port offset whose PostgreSQL port is free. */
    static PlatformOptions options(Path work) {
        for (int offset = 41_000; offset < 50_000; offset += 7) {
            if (Platform.isFree(Platform.POSTGRES_PORT + offset)) {
                return new PlatformOptions().workDir(work).freshDatabase(true).portOffset(offset);
            }
        }
        throw new IllegalStateException("no free port for PostgreSQL");
    }
}
