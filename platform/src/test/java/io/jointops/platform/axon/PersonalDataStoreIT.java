package io.jointops.platform.axon;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import io.jointops.platform.privacy.ItemRef;
import io.jointops.platform.privacy.JdbcSubjectKeys;
import io.jointops.platform.privacy.PersonalData;
import io.jointops.platform.privacy.PersonalDataSerializer;
import io.jointops.platform.test.TestDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

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
                .appendEvents(new PersonalDataAppend(JdbcSubjectKeys.table("eventstore")))
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

    /**
     * In a transaction, as the services append, the keys of an item being created are stored by the statement of its
     * events: no statement of their own. They are stored whole (another process decrypts with them), nothing of them
     * stays after a rollback, and a key of an item that exists already is still stored at once (another process may
     * have stored the subject's key in it: the insert finds that one).
     */
    @Test
    void theKeysOfAnItemCreatedInATransactionAreStoredByTheStatementOfItsEvents() {
        List<String[]> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        javax.sql.DataSource recording = EventStoreWakeUpIT.recordingStatements(dataSource, statements);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(recording);
        JdbcEventStorageEngine engine = EventStoreWakeUpIT.engine(recording)
                .connectionProvider(new SpringDataSourceConnectionProvider(recording))
                .transactionManager(new SpringTransactionManager(transactions))
                .appendEvents(new PersonalDataAppend(JdbcSubjectKeys.table("eventstore")))
                .eventSerializer(new PersonalDataSerializer(JacksonSerializer.defaultSerializer(),
                        new PersonalData(new JdbcSubjectKeys(JdbcClient.create(recording), "eventstore", Duration.ofMinutes(10)))))
                .build();
        TransactionTemplate template = new TransactionTemplate(transactions);
        String item = "case-" + UUID.randomUUID();

        template.executeWithoutResult(status -> engine.appendEvents(List.of(
                event(item, 0, new SuspectNamed(item, "Chen Jie", "opened on a tip")),
                event(item, 1, new SuspectNamed(item, "Ortega Ruiz", "his partner")))));

        assertThat(statements).as("statements of their own storing keys")
                .noneMatch(s -> s[1].startsWith("INSERT INTO eventstore.personal_data_key"));
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.personal_data_key WHERE item_id = ?").param(item)
                .query(Long.class).single()).as("Chen, Ortega and the item's free text").isEqualTo(3);
        JdbcEventStorageEngine another = engine(new PersonalData(keys()));
        assertThat(names(another, item)).as("read by another process with the stored keys")
                .containsExactly("Chen Jie", "Ortega Ruiz");
        assertThat(notes(another, item)).containsExactly("opened on a tip", "his partner");

        String rolledBack = "case-" + UUID.randomUUID();
        template.executeWithoutResult(status -> {
            engine.appendEvents(List.of(event(rolledBack, 0, new SuspectNamed(rolledBack, "Chen Jie", "x"))));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.personal_data_key WHERE item_id = ?").param(rolledBack)
                .query(Long.class).single()).as("keys of a rolled-back create").isZero();

        statements.clear();
        template.executeWithoutResult(status -> engine.appendEvents(List.of(
                event(item, 2, new SuspectNamed(item, "Li Na", "joined later")))));
        assertThat(statements).as("a new subject's key in an item that exists")
                .anyMatch(s -> s[1].startsWith("INSERT INTO eventstore.personal_data_key"));
        assertThat(names(engine(new PersonalData(keys())), item)).containsExactly("Chen Jie", "Ortega Ruiz", "Li Na");
    }

    /** A key made for an item being created that nobody stored fails its transaction: no event may hold it. */
    @Test
    void aTransactionThatWouldCommitWithAKeyNotStoredFails() {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JdbcSubjectKeys keys = new JdbcSubjectKeys(JdbcClient.create(dataSource), "eventstore", Duration.ofMinutes(10));
        String item = "case-" + UUID.randomUUID();

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                keys.keyFor("subject-x", new ItemRef(item, "JointCase", "CN-NNCC", true))))
                .hasMessageContaining("not stored with their events");
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
