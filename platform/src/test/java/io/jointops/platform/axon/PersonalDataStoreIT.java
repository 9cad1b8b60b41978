package io.jointops.platform.axon;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.platform.privacy.JdbcSubjectKeys;
import io.jointops.platform.privacy.PersonalData;
import io.jointops.platform.privacy.PersonalDataSerializer;
import io.jointops.platform.test.TestDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal fields through the real event store on PostgreSQL: the stored rows hold no plaintext of them, one key per
 * subject and item is kept in {@code personal_data_key}, and destroying a subject's keys makes its fields read as
 * erased in every item while the stored bytes stay as they were (so the audit log's hashes still hold).
 */
class PersonalDataStoreIT {

    @NonPersonal
    record SuspectNamed(String caseId, @Identifies(kind = PERSON_NAME) @Personal String name, @Personal String note) {
    }

    static DriverManagerDataSource dataSource;
    static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.ownDatabase("personal_data", true);
        jdbc = JdbcClient.create(dataSource);
    }

    static JdbcSubjectKeys keys() {
        return new JdbcSubjectKeys(jdbc, "eventstore", Duration.ofMinutes(10));
    }

    static JdbcEventStorageEngine engine(PersonalData personalData) {
        return EventStoreWakeUpIT.engine(dataSource)
                .appendEvents(new PersonalDataAppend())
                .eventSerializer(new PersonalDataSerializer(JacksonSerializer.defaultSerializer(), personalData))
                .build();
    }

    @Test
    void storedEventsHoldNoPlaintextOfAPersonalFieldAndADestroyedKeyReadsAsErased() {
        JdbcSubjectKeys keys = keys();
        PersonalData personalData = new PersonalData(keys);
        JdbcEventStorageEngine engine = engine(personalData);
        String first = "case-" + UUID.randomUUID();
        String second = "case-" + UUID.randomUUID();
        engine.appendEvents(List.of(
                event(first, 0, new SuspectNamed(first, "Wang Xiaoming", "Wang Xiaoming met the broker")),
                event(first, 1, new SuspectNamed(first, "WANG XIAOMING.", "second sighting")),
                event(second, 0, new SuspectNamed(second, "Wang Xiaoming", "seen in Manzanillo")),
                event(second, 1, new SuspectNamed(second, "Ortega Ruiz", "his partner"))));

        List<String> payloads = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry"
                + " WHERE aggregate_identifier IN (?, ?)").params(first, second).query(String.class).list();
        assertThat(payloads).hasSize(4).allSatisfy(payload -> assertThat(payload)
                .doesNotContainIgnoringCase("xiaoming").doesNotContainIgnoringCase("ortega")
                .doesNotContain("broker", "sighting", "Manzanillo", "partner")
                .contains(PersonalData.MARK));
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE position('Xiaoming' in"
                + " convert_from(payload, 'UTF8')) > 0 OR position('Xiaoming' in convert_from(meta_data, 'UTF8')) > 0")
                .query(Long.class).single()).isZero();
        String wang = personalData.subjects().ofIdentifier(PERSON_NAME, "wang xiaoming", null);
        assertThat(jdbc.sql("SELECT item_id FROM eventstore.personal_data_key WHERE subject_ref = ?").param(wang)
                .query(String.class).list()).as("one key of the subject per item, however it was written")
                .containsExactlyInAnyOrder(first, second);
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.personal_data_key WHERE item_id IN (?, ?)")
                .params(first, second).query(Long.class).single())
                .as("Wang in both, Ortega in one, each item's free text").isEqualTo(5);
        assertThat(names(engine, first)).containsExactly("Wang Xiaoming", "WANG XIAOMING.");
        byte[] before = jdbc.sql("SELECT payload FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 0").param(first).query(byte[].class).single();

        // another process (the erasure workflow) destroys the subject's keys; this one forgets what it remembered
        assertThat(keys().destroy(List.of(wang), List.of(), "order-1")).containsExactlyInAnyOrder(first, second);
        keys.forgetCached();

        assertThat(names(engine, first)).containsExactly(Personal.ERASED, Personal.ERASED);
        assertThat(names(engine, second)).containsExactly(Personal.ERASED, "Ortega Ruiz");
        assertThat(notes(engine, first)).as("the item's free text has its own key")
                .containsExactly("Wang Xiaoming met the broker", "second sighting");
        assertThat(jdbc.sql("SELECT payload FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 0").param(first).query(byte[].class).single())
                .as("the stored event is untouched").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.personal_data_key WHERE subject_ref = ?"
                + " AND data_key IS NULL AND destroyed_by = 'order-1' AND destroyed_at IS NOT NULL").param(wang)
                .query(Long.class).single()).isEqualTo(2);

        // a later event of the subject in the item gets a new key, which the destroyed one never reads
        engine.appendEvents(List.of(event(first, 2, new SuspectNamed(first, "Wang Xiaoming", "back again"))));
        assertThat(names(engine, first)).containsExactly(Personal.ERASED, Personal.ERASED, "Wang Xiaoming");
    }

    @Test
    void aKeyIsOnlyEverDestroyedNeverReplacedOrRevived() {
        JdbcSubjectKeys keys = keys();
        String item = "case-" + UUID.randomUUID();
        engine(new PersonalData(keys)).appendEvents(List.of(event(item, 0, new SuspectNamed(item, "Li Na", "x"))));
        UUID id = jdbc.sql("SELECT key_id FROM eventstore.personal_data_key WHERE item_id = ? LIMIT 1").param(item)
                .query(UUID.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE eventstore.personal_data_key SET data_key = ? WHERE key_id = ?")
                .params(new byte[32], id).update()).hasMessageContaining("only ever destroyed");
        jdbc.sql("UPDATE eventstore.personal_data_key SET data_key = NULL, destroyed_at = now() WHERE key_id = ?")
                .param(id).update();
        assertThatThrownBy(() -> jdbc.sql("UPDATE eventstore.personal_data_key SET data_key = ?, destroyed_at = NULL"
                + " WHERE key_id = ?").params(new byte[32], id).update()).hasMessageContaining("only ever destroyed");
        assertThat(keys().find(id)).isEmpty();
    }

    private static List<String> names(JdbcEventStorageEngine engine, String item) {
        return engine.readEvents(item).asStream()
                .map(e -> ((SuspectNamed) e.getPayload()).name()).toList();
    }

    private static List<String> notes(JdbcEventStorageEngine engine, String item) {
        return engine.readEvents(item).asStream()
                .map(e -> ((SuspectNamed) e.getPayload()).note()).toList();
    }

    private static DomainEventMessage<?> event(String item, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("JointCase", item, sequence, payload, MetaData.from(Map.of("agency", "CN-NNCC")));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
