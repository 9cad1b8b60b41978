package io.jointops.platform.privacy;

import io.jointops.platform.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.KeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The subjects' keys wrapped by a key on a real PKCS#11 token: SoftHSM 2 (Debian's {@code softhsm2}, which
 * {@code .ci/run} installs), its token directory under {@code target/softhsm} ({@code SOFTHSM2_CONF}, set for the
 * test JVM by the build), made fresh for each run.
 */
class WrappedSubjectKeysIT {

    static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    static final String LABEL = "jointops-wrapping-key";
    static final char[] PIN = "4711".toCharArray();
    static final Duration TTL = Duration.ofMinutes(10);

    static long slot;
    static WrappingKey wrapping;
    static JdbcClient jdbc;

    @BeforeAll
    static void tokenWithAWrappingKey() throws Exception {
        assertThat(Path.of(LIBRARY)).as("SoftHSM 2 (apt-get install softhsm2)").exists();
        String conf = System.getenv("SOFTHSM2_CONF");
        assertThat(conf).as("SOFTHSM2_CONF, set for the tests by platform/pom.xml").isNotBlank();
        Path tokens = Path.of(conf).resolveSibling("tokens");
        deleteRecursively(tokens);
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n");
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "jointops-test",
                "--pin", new String(PIN), "--so-pin", "0815").redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(init.waitFor()).as(output).isZero();
        Matcher reassigned = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        assertThat(reassigned.find()).as(output).isTrue();
        slot = Long.parseLong(reassigned.group(1));
        // the operator's step, done here through the JDK: an AES key made on the token, which it never leaves
        Provider provider = Security.getProvider("SunPKCS11")
                .configure("--name=test-token\nlibrary=" + LIBRARY + "\nslot=" + slot + "\n");
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        token.load(null, PIN);
        KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
        generator.init(256);
        token.setEntry(LABEL, new KeyStore.SecretKeyEntry(generator.generateKey()), null);

        wrapping = WrappingKey.pkcs11(LIBRARY, slot, PIN, LABEL);
        jdbc = JdbcClient.create(TestDatabase.ownDatabase("wrapped_subject_keys", true));
    }

    @Test
    void aKeyIsStoredWrappedAndAnotherProcessWithTheWrappingKeyReadsIt() {
        DataKey made = new JdbcSubjectKeys(jdbc, "eventstore", TTL, wrapping).keyFor("subject-a", item());

        byte[] stored = storedKey(made.id());
        assertThat(stored).hasSize(12 + 32 + 16);
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(HexFormat.of().formatHex(made.key().getEncoded()));
        assertThat(jdbc.sql("SELECT wrapped_by FROM eventstore.personal_data_key WHERE key_id = ?").param(made.id())
                .query(String.class).single()).isEqualTo("pkcs11:" + LABEL);

        JdbcSubjectKeys another = new JdbcSubjectKeys(jdbc, "eventstore", TTL, wrapping);
        assertThat(another.find(made.id())).get()
                .satisfies(found -> assertThat(found.key().getEncoded()).isEqualTo(made.key().getEncoded()));
        assertThat(another.keyFor("subject-a", new ItemRef(itemOf(made), "JointCase", "CN-NNCC")).key().getEncoded())
                .isEqualTo(made.key().getEncoded());
    }

    @Test
    void aServiceNotGivenTheWrappingKeyRefusesAWrappedKeyByName() {
        DataKey made = new JdbcSubjectKeys(jdbc, "eventstore", TTL, wrapping).keyFor("subject-b", item());

        assertThatThrownBy(() -> new JdbcSubjectKeys(jdbc, "eventstore", TTL).find(made.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrapped by pkcs11:" + LABEL);
    }

    @Test
    void aWrappedKeyCopiedToAnotherRowDoesNotUnwrap() {
        JdbcSubjectKeys keys = new JdbcSubjectKeys(jdbc, "eventstore", TTL, wrapping);
        DataKey first = keys.keyFor("subject-c", item());
        DataKey second = keys.keyFor("subject-d", item());
        // someone with the database's owner rights, past the trigger that refuses any change of a key row
        jdbc.sql("ALTER TABLE eventstore.personal_data_key DISABLE TRIGGER personal_data_key_destroy_only").update();
        try {
            jdbc.sql("UPDATE eventstore.personal_data_key SET data_key = ? WHERE key_id = ?")
                    .params(storedKey(first.id()), second.id()).update();
        } finally {
            jdbc.sql("ALTER TABLE eventstore.personal_data_key ENABLE TRIGGER personal_data_key_destroy_only").update();
        }

        JdbcSubjectKeys fresh = new JdbcSubjectKeys(jdbc, "eventstore", TTL, wrapping);
        assertThatThrownBy(() -> fresh.find(second.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not unwrap");
        assertThat(fresh.find(first.id())).isPresent();
    }

    @Test
    void destroyingAWrappedKeyErasesItAndTheRowKeepsItsWrapping() {
        JdbcSubjectKeys keys = new JdbcSubjectKeys(jdbc, "eventstore", TTL, wrapping);
        DataKey made = keys.keyFor("subject-e", item());

        assertThat(keys.destroy(List.of("subject-e"), List.of(), "erasure-order-1")).containsExactly(itemOf(made));

        assertThat(new JdbcSubjectKeys(jdbc, "eventstore", TTL, wrapping).find(made.id())).isEmpty();
        assertThat(storedKey(made.id())).isNull();
        assertThatThrownBy(() -> jdbc.sql("UPDATE eventstore.personal_data_key SET wrapped_by = NULL WHERE key_id = ?")
                .param(made.id()).update()).hasMessageContaining("only ever destroyed");
    }

    @Test
    void aLabelTheTokenDoesNotHoldStopsTheStartNamingIt() {
        assertThatThrownBy(() -> WrappingKey.pkcs11(LIBRARY, slot, PIN, "no-such-key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no AES key labelled 'no-such-key'");
    }

    private static ItemRef item() {
        return new ItemRef(UUID.randomUUID().toString(), "JointCase", "CN-NNCC");
    }

    private static String itemOf(DataKey key) {
        return jdbc.sql("SELECT item_id FROM eventstore.personal_data_key WHERE key_id = ?").param(key.id())
                .query(String.class).single();
    }

    private static byte[] storedKey(UUID id) {
        return jdbc.sql("SELECT data_key FROM eventstore.personal_data_key WHERE key_id = ?").param(id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getBytes(1))).single().orElse(null);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
