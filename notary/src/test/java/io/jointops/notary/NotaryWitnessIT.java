package io.jointops.notary;

import io.jointops.audit.Bundles;
import io.jointops.audit.Checkpoint;
import io.jointops.audit.CoSigner;
import io.jointops.audit.CoSignerState;
import io.jointops.audit.ContentHash;
import io.jointops.audit.Ed25519;
import io.jointops.audit.MerkleTree;
import io.jointops.audit.StoredEvent;
import io.jointops.audit.TrustPolicy;
import io.jointops.audit.VerificationException;
import io.jointops.audit.Verifier;
import io.jointops.platform.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Witnessed checkpoints under attack, on a real PostgreSQL (docs/audit-format.md, "What is promised"). The attacker is
 * whoever controls the platform's database and its notary (the operator): CN-NNCC's key is the one the notary holds,
 * US-DEA co-signs with a co-signer of its own that keeps its state in a file the attacker cannot reach (here it runs in
 * the notary's process, as on a development platform, with the same checks as audit-cosigner.jar). A restart is a new
 * notary on the same database and the same co-signer state. Each attack is refused by the notary or the co-signer, or
 * named by the offline verifier; each test first shows the honest run passing, and each was checked to fail when the
 * check it is about was taken out.
 */
class NotaryWitnessIT {

    static final KeyPair CN = Ed25519.generate();
    static final KeyPair US = Ed25519.generate();
    static final TrustPolicy POLICY = TrustPolicy.all("jointops", Map.of("CN-NNCC", CN.getPublic(), "US-DEA",
            US.getPublic()));

    @TempDir
    Path states;

    @BeforeAll
    static void database() {
        TestDatabase.jdbcUrl();
    }

    @Test
    void aRewrittenEventRowIsNamedByTheVerifierAndNeverEntersTheSignedTree() throws Exception {
        Log log = new Log("witness_event");
        log.events("case-a", 3).events("case-b", 2);
        Notary notary = log.notary(states);
        assertThat(notary.notarize().map(Checkpoint::treeSize)).contains(5L);
        assertThat(notary.signed(5).orElseThrow().complete()).as("CN-NNCC signed, US-DEA co-signed").isTrue();
        assertThat(log.verify(notary, "case-a")).startsWith("OK: 3 events of item case-a");

        log.sql("UPDATE eventstore.domain_event_entry SET payload = convert_to('{\"note\":\"never said\"}', 'UTF8')"
                + " WHERE aggregate_identifier = 'case-a' AND sequence_number = 1");
        assertThat(log.verify(notary, "case-a")).startsWith("FAILED: event ").contains("case-a sequence 1")
                .contains("does not match the content hash the log committed");

        // the tree keeps what was committed: the notary, running or restarted, signs on over the original hash
        log.events("case-c", 1);
        assertThat(notary.notarize().map(Checkpoint::treeSize)).contains(6L);
        Notary restarted = log.notary(states);
        log.events("case-c", 1);
        assertThat(restarted.notarize().map(Checkpoint::treeSize)).contains(7L);
        assertThat(restarted.refusal()).isEmpty();
        assertThat(restarted.signed(7).orElseThrow().complete()).isTrue();
        assertThat(log.verify(restarted, "case-a")).startsWith("FAILED: event ").contains("case-a sequence 1");
    }

    @Test
    void aRewrittenLeafRowIsRefusedByTheRestartedNotaryWhichThenTakesNothingInAndSignsNothing() throws Exception {
        Log log = new Log("witness_leaf");
        log.events("case-a", 3).events("case-b", 2);
        Notary notary = log.notary(states);
        notary.notarize();
        Notary control = log.notary(states);
        assertThat(control.notarize()).as("control: a restart on untouched rows signs nothing new").isEmpty();
        assertThat(control.refusal()).as("control: and refuses nothing").isEmpty();

        // the attacker rewrites an event and re-hashes it (and the rest of its chain) into the notary's leaf rows
        log.rewriteAndRehash("case-a", 1);
        assertThat(log.verify(notary, "case-a")).as("the running notary's exports").startsWith("FAILED: ");

        Notary restarted = log.notary(states);
        log.events("case-c", 2);
        for (int run = 0; run < 2; run++) {
            assertThat(restarted.notarize()).isEmpty();
            assertThat(restarted.refusal()).hasValueSatisfying(refusal -> {
                assertThat(refusal.kind()).isEqualTo("inconsistent");
                assertThat(refusal.reason()).contains("the tree of 5 leaves in eventstore.audit_leaf does not extend"
                        + " checkpoint 5").contains("leaf rows were rewritten");
            });
        }
        assertThat(log.count("audit_leaf")).as("no event taken in").isEqualTo(5);
        assertThat(log.count("audit_checkpoint")).as("nothing signed").isEqualTo(1);
    }

    @Test
    void aLeafRowRewrittenWithItsCheckpointIsRefusedByTheSignaturesAndWithoutThemByTheCoSigner() throws Exception {
        Log log = new Log("witness_checkpoint");
        log.events("case-a", 3).events("case-b", 2);
        log.notary(states).notarize();

        // leaf rows rewritten and the checkpoint row given the root they now have: the stored signatures object
        log.rewriteAndRehash("case-b", 0);
        log.sql("UPDATE eventstore.audit_checkpoint SET root_hash = ? WHERE tree_size = 5", log.rootOfLeafRows(5));
        Notary restarted = log.notary(states);
        assertThat(restarted.notarize()).isEmpty();
        assertThat(restarted.refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.kind()).isEqualTo("bad-signature");
            assertThat(refusal.reason()).contains("checkpoint 5 carries a signature of ").contains("does not verify");
        });

        // and with the signatures deleted too, nothing stored contradicts the rows: the notary, restarted, signs a new
        // checkpoint with the operator's key, but US-DEA's co-signer refuses it, so it is never complete
        log.sql("DELETE FROM eventstore.audit_checkpoint_signature WHERE tree_size = 5");
        Notary again = log.notary(states);
        log.events("case-c", 1);
        assertThat(again.notarize().map(Checkpoint::treeSize)).contains(6L);
        assertThat(again.refusal()).isEmpty();
        assertThat(again.coSignerRefusals()).hasEntrySatisfying("US-DEA", reason -> assertThat(reason)
                .contains("does not extend the checkpoint US-DEA signed last (size 5"));
        assertThat(again.signed(6).orElseThrow().complete()).isFalse();
        assertThat(log.verify(again, "case-b")).startsWith("NO EXPORT: ").contains("no complete checkpoint");
    }

    @Test
    void aDeletedCheckpointIsRefusedByTheRunningNotaryAndAfterARestartByTheCoSigner() throws Exception {
        Log log = new Log("witness_deleted");
        log.events("case-a", 3).events("case-b", 2);
        Notary notary = log.notary(states);
        notary.notarize();
        log.events("case-a", 2);
        assertThat(notary.notarize().map(Checkpoint::treeSize)).contains(7L);
        assertThat(notary.signed(7).orElseThrow().complete()).isTrue();

        // checkpoint 7 deleted (its signatures first), to rewrite what only it covered
        log.sql("DELETE FROM eventstore.audit_checkpoint_signature WHERE tree_size = 7");
        log.sql("DELETE FROM eventstore.audit_checkpoint WHERE tree_size = 7");
        log.events("case-b", 1);
        assertThat(notary.notarize()).isEmpty();
        assertThat(notary.refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.kind()).isEqualTo("checkpoint-gone");
            assertThat(refusal.reason()).contains("checkpoint 7").contains("is gone from eventstore.audit_checkpoint")
                    .contains("the newest stored is checkpoint 5");
        });
        assertThat(log.count("audit_leaf")).isEqualTo(7);

        // restarted, the notary cannot tell (checkpoint 5 is intact and the tree extends it): it re-signs leaves 5..6,
        // rewritten meanwhile, as a new checkpoint 7; US-DEA's co-signer has signed 7 with another root and refuses
        log.rewriteAndRehash("case-a", 3);
        Notary restarted = log.notary(states);
        assertThat(restarted.notarize().map(Checkpoint::treeSize)).contains(8L);
        assertThat(restarted.coSignerRefusals()).hasEntrySatisfying("US-DEA", reason -> assertThat(reason)
                .contains("does not extend the checkpoint US-DEA signed last (size 7"));
        assertThat(restarted.signed(8).orElseThrow().complete()).isFalse();
        assertThat(log.verify(restarted, "case-a")).as("exports stop at the last checkpoint both signed")
                .startsWith("OK: 3 events of item case-a").contains("against checkpoint 5")
                .contains("2 later event(s) are not covered by a checkpoint yet");
    }

    @Test
    void aRollbackIsRefusedByTheRunningNotaryAndAfterARestartByTheCoSigner() throws Exception {
        Log log = new Log("witness_rollback");
        log.events("case-a", 3).events("case-b", 2);
        Notary notary = log.notary(states);
        notary.notarize();
        log.events("case-a", 2);
        notary.notarize();

        // the log cut back to checkpoint 5: events, leaf rows and checkpoint 7 gone
        log.sql("DELETE FROM eventstore.audit_checkpoint_signature WHERE tree_size = 7");
        log.sql("DELETE FROM eventstore.audit_checkpoint WHERE tree_size = 7");
        log.sql("DELETE FROM eventstore.audit_leaf WHERE leaf_index >= 5");
        log.sql("DELETE FROM eventstore.domain_event_entry WHERE aggregate_identifier = 'case-a' AND sequence_number >= 3");
        assertThat(notary.notarize()).isEmpty();
        assertThat(notary.refusal().map(Notary.Refusal::kind)).contains("checkpoint-gone");

        Notary restarted = log.notary(states);
        assertThat(restarted.notarize()).isEmpty();
        assertThat(restarted.refusal()).as("the notary alone cannot tell").isEmpty();
        assertThat(restarted.coSignerRefusals()).hasEntrySatisfying("US-DEA", reason -> assertThat(reason)
                .contains("checkpoint 5").contains("is smaller than the checkpoint US-DEA signed last (size 7"));
    }

    @Test
    void aDeletedLeafRowIsRefusedByTheRestartedNotary() throws Exception {
        Log log = new Log("witness_leaf_gone");
        log.events("case-a", 4);
        log.notary(states).notarize();
        log.sql("DELETE FROM eventstore.audit_leaf WHERE leaf_index = 1");
        Notary restarted = log.notary(states);
        assertThat(restarted.notarize()).isEmpty();
        assertThat(restarted.refusal()).hasValueSatisfying(refusal -> assertThat(refusal.reason())
                .contains("eventstore.audit_leaf has no leaf 1").contains("leaf rows were deleted"));

        // the last leaf rows deleted instead: the tree rebuilt from the rest is smaller than the checkpoint
        Log tail = new Log("witness_leaf_tail");
        tail.events("case-a", 4);
        tail.notary(states.resolve("tail")).notarize();
        tail.sql("DELETE FROM eventstore.audit_leaf WHERE leaf_index >= 2");
        Notary shortened = tail.notary(states.resolve("tail"));
        assertThat(shortened.notarize()).isEmpty();
        assertThat(shortened.refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.kind()).isEqualTo("leaves-missing");
            assertThat(refusal.reason()).contains("checkpoint 4 covers 4 leaves, but eventstore.audit_leaf holds 2");
        });
    }

    @Test
    void aRewrittenCheckpointRowIsRefusedByTheRunningNotary() throws Exception {
        Log log = new Log("witness_checkpoint_row");
        log.events("case-a", 4);
        Notary notary = log.notary(states);
        notary.notarize();
        log.sql("UPDATE eventstore.audit_checkpoint SET root_hash = ? WHERE tree_size = 4", log.rootOfLeafRows(3));
        log.events("case-a", 1);
        assertThat(notary.notarize()).isEmpty();
        assertThat(notary.refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.kind()).isEqualTo("checkpoint-changed");
            assertThat(refusal.reason()).contains("checkpoint 4, which this notary issued or checked with root")
                    .contains("the checkpoint row was rewritten");
        });
    }

    @Test
    void aNewestCheckpointNotSignedYetDoesNotHideARewriteThatTheNewestSignedOneCovers() throws Exception {
        // agencies co-sign from outside: the newest checkpoint stays unsigned until they come round
        Log log = new Log("witness_unsigned");
        log.events("case-a", 3).events("case-b", 2);
        Notary notary = log.notaryWithoutKeys();
        notary.notarize();
        CoSigner cn = new CoSigner("CN-NNCC", CN.getPrivate(), CoSignerState.memory(
                CoSignerState.State.initial("jointops", "CN-NNCC")));
        CoSigner us = new CoSigner("US-DEA", US.getPrivate(), CoSignerState.memory(
                CoSignerState.State.initial("jointops", "US-DEA")));
        coSign(cn, notary);
        coSign(us, notary);
        log.events("case-b", 2);
        assertThat(notary.notarize().map(Checkpoint::treeSize)).contains(7L);

        // leaf rows under checkpoint 5 rewritten, and the unsigned checkpoint 7 given the root they now give
        log.rewriteAndRehash("case-a", 2);
        log.sql("UPDATE eventstore.audit_checkpoint SET root_hash = ? WHERE tree_size = 7", log.rootOfLeafRows(7));
        Notary restarted = log.notaryWithoutKeys();
        assertThat(restarted.notarize()).isEmpty();
        assertThat(restarted.refusal()).hasValueSatisfying(refusal -> assertThat(refusal.reason())
                .contains("does not extend checkpoint 5"));
    }

    @Test
    void aSplitViewOfTwoTreesOfOneSizeShownToTwoAgenciesIsNeverCompleteAndEachAgencyRefusesTheOther() throws Exception {
        // the operator keeps two databases: the same history up to 4 events, then two different ones of 6
        Log a = new Log("witness_split_a");
        Log b = new Log("witness_split_b");
        for (Log log : List.of(a, b)) {
            log.event("case-a", "e-0", 0, "{\"title\":\"Operation Nightjar\"}");
            log.event("case-a", "e-1", 1, "{\"partner\":\"US-DEA\"}");
            log.event("case-b", "e-2", 0, "{\"title\":\"Operation Kestrel\"}");
            log.event("case-a", "e-3", 2, "{\"note\":\"controlled delivery agreed\"}");
        }
        a.event("case-a", "e-4", 3, "{\"note\":\"seizure at Rotterdam\"}");
        a.event("case-b", "e-5", 1, "{\"note\":\"closed\"}");
        b.event("case-a", "e-4", 3, "{\"note\":\"no seizure\"}");
        b.event("case-b", "e-5", 1, "{\"note\":\"closed\"}");

        // here neither agency's key is in a notary: both co-sign with co-signers of their own
        Notary notaryA = a.notaryWithoutKeys();
        Notary notaryB = b.notaryWithoutKeys();
        CoSigner cn = new CoSigner("CN-NNCC", CN.getPrivate(), CoSignerState.file(states.resolve("cn-nncc.state")));
        CoSigner us = new CoSigner("US-DEA", US.getPrivate(), CoSignerState.file(states.resolve("us-dea.state")));
        cn.state().write(CoSignerState.State.initial("jointops", "CN-NNCC"));
        us.state().write(CoSignerState.State.initial("jointops", "US-DEA"));

        Checkpoint viewA = notaryA.notarize().orElseThrow();
        Checkpoint viewB = notaryB.notarize().orElseThrow();
        assertThat(viewA.treeSize()).isEqualTo(viewB.treeSize()).isEqualTo(6);
        assertThat(notaryA.root(4)).as("one history up to 4 events").isEqualTo(notaryB.root(4));
        assertThat(viewA.rootHash()).isNotEqualTo(viewB.rootHash());

        // CN-NNCC is shown A, US-DEA is shown B: each signs the one it is shown first
        assertThat(coSign(cn, notaryA)).isInstanceOf(CoSigner.Signed.class);
        assertThat(coSign(us, notaryB)).isInstanceOf(CoSigner.Signed.class);
        // then each is shown the other: refused
        CoSigner.Decision usOnA = coSign(us, notaryA);
        CoSigner.Decision cnOnB = coSign(cn, notaryB);
        for (CoSigner.Decision decision : List.of(usOnA, cnOnB)) {
            assertThat(decision).isInstanceOf(CoSigner.Refused.class);
            assertThat(((CoSigner.Refused) decision).kind()).isEqualTo(CoSigner.Refusal.SPLIT_VIEW);
        }
        assertThat(notaryA.signed(6).orElseThrow().complete()).isFalse();
        assertThat(notaryB.signed(6).orElseThrow().complete()).isFalse();
        assertThat(a.verify(notaryA, "case-a")).startsWith("NO EXPORT: ").contains("no complete checkpoint");
        assertThat(b.verify(notaryB, "case-a")).startsWith("NO EXPORT: ").contains("no complete checkpoint");
    }

    /** A co-signer shown a notary's newest checkpoint and its proof from what it signed last; a signature is posted. */
    private static CoSigner.Decision coSign(CoSigner coSigner, Notary notary) {
        Checkpoint checkpoint = notary.newest().orElseThrow().checkpoint();
        long from = coSigner.lastSignedSize();
        CoSigner.Decision decision = coSigner.consider(checkpoint, from < checkpoint.treeSize()
                ? notary.consistencyProof(from, checkpoint.treeSize()) : List.of());
        if (decision instanceof CoSigner.Signed signed) {
            assertThat(notary.addSignature(checkpoint.treeSize(), coSigner.agency(), signed.signature())).isTrue();
        }
        return decision;
    }

    /** A database of its own with the event store, and what an attacker with access to it does. */
    static final class Log {
        final DriverManagerDataSource dataSource;
        final JdbcClient jdbc;
        private final Map<String, Long> sequences = new HashMap<>();
        private long time = Instant.parse("2026-01-05T09:00:00Z").toEpochMilli();

        Log(String name) {
            dataSource = TestDatabase.ownDatabase(name, true);
            jdbc = JdbcClient.create(dataSource);
        }

        /** The notary as a service runs it: CN-NNCC's key held, US-DEA co-signing in process with its state file. */
        Notary notary(Path states) {
            NotaryProperties properties = properties();
            properties.getAgencies().put("CN-NNCC", agency(Ed25519.pem(CN.getPrivate()), null));
            properties.getAgencies().put("US-DEA", agency(null, Ed25519.pem(US.getPublic())));
            NotaryProperties.CoSigner coSigner = new NotaryProperties.CoSigner();
            coSigner.setPrivateKey(Ed25519.pem(US.getPrivate()));
            coSigner.setStateFile(states.resolve("us-dea.state").toString());
            properties.getCoSigners().put("US-DEA", coSigner);
            AgencyKeys keys = AgencyKeys.load(properties);
            return new Notary(new JdbcTemplate(dataSource), new TransactionTemplate(
                    new DataSourceTransactionManager(dataSource)), properties, keys,
                    InProcessCoSigners.load(properties, keys), Clock.systemUTC());
        }

        /** A notary holding no agency's key: both agencies co-sign from outside. */
        Notary notaryWithoutKeys() {
            NotaryProperties properties = properties();
            properties.getAgencies().put("CN-NNCC", agency(null, Ed25519.pem(CN.getPublic())));
            properties.getAgencies().put("US-DEA", agency(null, Ed25519.pem(US.getPublic())));
            return new Notary(new JdbcTemplate(dataSource), new TransactionTemplate(
                    new DataSourceTransactionManager(dataSource)), properties, AgencyKeys.load(properties),
                    Clock.systemUTC());
        }

        private static NotaryProperties properties() {
            NotaryProperties properties = new NotaryProperties();
            properties.setGapTimeout(Duration.ZERO);
            return properties;
        }

        private static NotaryProperties.Agency agency(String privateKey, String publicKey) {
            NotaryProperties.Agency agency = new NotaryProperties.Agency();
            agency.setPrivateKey(privateKey);
            agency.setPublicKey(publicKey);
            return agency;
        }

        Log events(String aggregate, int count) {
            for (int i = 0; i < count; i++) {
                long sequence = sequences.getOrDefault(aggregate, 0L);
                event(aggregate, UUID.randomUUID().toString(), sequence,
                        "{\"caseId\":\"" + aggregate + "\",\"note\":\"event " + sequence + "\"}");
            }
            return this;
        }

        void event(String aggregate, String id, long sequence, String payload) {
            sequences.put(aggregate, sequence + 1);
            jdbc.sql("""
                            INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier,
                                sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                            VALUES (?, ?, ?, 'JointCase', ?, 'io.jointops.api.cases.CaseNotedEvent', '1', ?, ?)""")
                    .params(id, aggregate, sequence, Instant.ofEpochMilli(time += 1000).toString(),
                            payload.getBytes(StandardCharsets.UTF_8),
                            "{\"agency\":\"CN-NNCC\",\"actor\":\"cn.investigator\"}".getBytes(StandardCharsets.UTF_8))
                    .update();
        }

        void sql(String statement, Object... params) {
            jdbc.sql(statement).params(params).update();
        }

        long count(String table) {
            return jdbc.sql("SELECT count(*) FROM eventstore." + table).query(Long.class).single();
        }

        /**
         * What an attacker who knows the format does to hide a rewrite from the verifier: the event's payload changed,
         * and its content hash, and those of the later events of its aggregate (the chain), re-computed into the leaf
         * rows exactly as the notary computes them.
         */
        void rewriteAndRehash(String aggregate, long sequence) {
            sql("UPDATE eventstore.domain_event_entry SET payload = convert_to('{\"note\":\"rewritten\"}', 'UTF8')"
                    + " WHERE aggregate_identifier = ? AND sequence_number = ?", aggregate, sequence);
            List<StoredEvent> events = jdbc.sql("""
                            SELECT e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.payload_type,
                                   e.payload_revision, e.time_stamp, e.payload, e.meta_data
                            FROM eventstore.domain_event_entry e
                            JOIN eventstore.audit_leaf l ON l.event_identifier = e.event_identifier
                            WHERE e.aggregate_identifier = ? AND e.sequence_number >= ? ORDER BY e.sequence_number""")
                    .params(aggregate, sequence)
                    .query((rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9)))
                    .list();
            byte[] previous = sequence == 0 ? ContentHash.GENESIS : jdbc.sql("SELECT content_hash FROM"
                            + " eventstore.audit_leaf WHERE aggregate_identifier = ? AND sequence_number = ?")
                    .params(aggregate, sequence - 1).query(byte[].class).single();
            for (StoredEvent event : events) {
                byte[] hash = new ContentHash().of(event, previous);
                sql("UPDATE eventstore.audit_leaf SET previous_hash = ?, content_hash = ? WHERE event_identifier = ?",
                        previous, hash, event.eventIdentifier());
                previous = hash;
            }
        }

        /** The root the leaf rows now give for the first {@code size} leaves. */
        byte[] rootOfLeafRows(long size) {
            MerkleTree tree = new MerkleTree();
            jdbc.sql("SELECT content_hash FROM eventstore.audit_leaf WHERE leaf_index < ? ORDER BY leaf_index")
                    .param(size).query(byte[].class).list().forEach(tree::append);
            return tree.root(size);
        }

        /** An item's export verified offline under CN-NNCC's and US-DEA's keys: "OK: ...", "FAILED: ..." or why none. */
        String verify(Notary notary, String itemId) throws Exception {
            BundleExporter.Export export;
            try {
                export = new BundleExporter(notary, jdbc, 1_000_000).item(itemId, null);
            } catch (BundleExporter.ExportException e) {
                return "NO EXPORT: " + e.getMessage();
            }
            ByteArrayOutputStream bundle = new ByteArrayOutputStream();
            export.writeTo(bundle);
            try {
                return new Verifier(POLICY).verify(Bundles.read(new ByteArrayInputStream(bundle.toByteArray())))
                        .summary();
            } catch (VerificationException e) {
                return "FAILED: " + e.getMessage();
            }
        }
    }
}
