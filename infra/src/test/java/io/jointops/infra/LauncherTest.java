package io.jointops.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    @Test
    void aDatabaseFromAnotherVersionGetsAHintToStartAfresh() {
        // the end of finance-service's log when .jointops/pgdata came from an older checkout
        String tail = "Error creating bean with name 'flywayInitializer': Validate failed: Migrations have failed validation\n"
                + "Detected resolved migration not applied to database: 0.2.";

        assertThat(Launcher.hint(tail, ".jointops")).hasValueSatisfying(hint -> assertThat(hint)
                .contains("Delete .jointops").contains("signing keys"));
    }

    @Test
    void otherFailuresGetNoHint() {
        assertThat(Launcher.hint("Port 8081 was already in use.", ".jointops")).isEmpty();
        assertThat(Launcher.hint(null, ".jointops")).isEmpty();
    }

    @Test
    void theUnsafeDatabaseIsAnOptionThatHelpListsAndTheLauncherAnnounces() {
        assertThat(Launcher.USAGE).contains("--unsafe-fast-database").contains("UNSAFE");
        assertThat(Launcher.parse(new String[]{"--unsafe-fast-database"})).containsKey("unsafe-fast-database");
        assertThat(Launcher.unsafeWarning(".jointops/pgdata")).contains("UNSAFE").contains("fsync")
                .contains("acknowledged").contains(".jointops/pgdata");
    }
}
