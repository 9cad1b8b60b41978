package io.jointops.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.HexFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bundles built as the notary builds them verify; each kind of tampering fails with a message naming it. */
class VerifierTest {

    SyntheticLog log;

    @BeforeEach
    void log() {
        log = new SyntheticLog("CN-NNCC", "US-DEA").events(120, 7);
        log.checkpoint();
        log.events(80, 7);
        log.checkpoint();
    }

    @Test
    void anUntouchedItemBundleVerifies() throws Exception {
        Verifier.Report report = new Verifier(log.policy()).verify(log.item("case-3"));
        assertThat(report.events()).isGreaterThan(20);
        assertThat(report.treeSize()).isEqualTo(200);
        assertThat(report.checkpoints()).isEqualTo(2);
        assertThat(report.agencies()).containsExactly("CN-NNCC", "US-DEA");
        assertThat(report.summary()).startsWith("OK: ").contains("item case-3").contains("checkpoint 200");
    }

    @Test
    void anUntouchedRangeBundleVerifiesAfterAJsonRoundTrip() throws Exception {
        Bundle range = log.range(37, 161);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Bundles.write(range, range.events().iterator(), json);
        Bundle read = Bundles.read(new ByteArrayInputStream(json.toByteArray()));
        Verifier.Report report = new Verifier(log.policy()).verify(read);
        assertThat(report.events()).isEqualTo(124);
        assertThat(report.aggregates()).isEqualTo(7);
    }

    /**
     * Crypto-shredding (docs/privacy.md): personal fields are stored as envelopes whose ciphertext the log hashed;
     * a bundle made after a key was destroyed states that key erased, and the verifier reports the field erased, never
     * tampered. A changed ciphertext byte still fails, erased or not.
     */
    @Test
    void erasedPersonalFieldsVerifyAndAreReportedErasedWhileAChangedCiphertextFails() throws Exception {
        SyntheticLog shredded = new SyntheticLog("CN-NNCC", "US-DEA");
        shredded.append("case-p", "io.jointops.api.cases.CaseNoteAddedEvent", "{\"caseId\":\"case-p\",\"text\":"
                + "{\"$personal\":\"11111111-1111-1111-1111-111111111111\",\"ciphertext\":\"q83vEjRWeJCrze8SNFZ4kA==\"},"
                + "\"author\":{\"$personal\":\"22222222-2222-2222-2222-222222222222\",\"ciphertext\":\"AAECAwQFBgcICQ==\"}}");
        shredded.checkpoint();
        Bundle bundle = shredded.item("case-p").withErasedKeys(List.of("11111111-1111-1111-1111-111111111111"));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Bundles.write(bundle, bundle.events().iterator(), json);
        Bundles.Reader read = Bundles.open(new ByteArrayInputStream(json.toByteArray()));

        Verifier.Report report = new Verifier(shredded.policy()).verify(read.header(), read.events());

        assertThat(report.personalFields()).isEqualTo(2);
        assertThat(report.erasedFields()).isEqualTo(1);
        assertThat(report.summary()).startsWith("OK: 1 event of item case-p")
                .endsWith("; 2 personal fields encrypted, 1 of them erased (key destroyed)");
        Bundle changed = withEvent(bundle, 0, e -> new Bundle.Event(e.eventIdentifier(), e.aggregateIdentifier(),
                e.sequenceNumber(), e.type(), e.payloadType(), e.payloadRevision(), e.timeStamp(),
                Base64.getEncoder().encodeToString(new String(Base64.getDecoder().decode(e.payload()),
                        StandardCharsets.UTF_8).replace("q83vEjRWeJCrze8SNFZ4kA==", "q83vEjRWeJCrze8SNFZ4kB==")
                        .getBytes(StandardCharsets.UTF_8)), e.metaData()));
        assertThatThrownBy(() -> new Verifier(shredded.policy()).verify(changed))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("does not match the content hash the log committed");
    }

    @Test
    void aChangedPayloadByteFails() {
        Bundle bundle = withEvent(log.item("case-3"), 2, e -> {
            byte[] payload = Base64.getDecoder().decode(e.payload());
            payload[10] ^= 0x01;
            return new Bundle.Event(e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(), e.type(),
                    e.payloadType(), e.payloadRevision(), e.timeStamp(), Base64.getEncoder().encodeToString(payload),
                    e.metaData());
        });
        assertFails(bundle, "does not match the content hash the log committed", "case-3 sequence 2");
    }

    @Test
    void changedMetadataFails() {
        Bundle bundle = withEvent(log.range(0, 200), 50, e -> new Bundle.Event(e.eventIdentifier(),
                e.aggregateIdentifier(), e.sequenceNumber(), e.type(), e.payloadType(), e.payloadRevision(),
                e.timeStamp(), e.payload(), Base64.getEncoder().encodeToString(
                new String(Base64.getDecoder().decode(e.metaData()), StandardCharsets.UTF_8)
                        .replace("cn.investigator", "us.investigator").getBytes(StandardCharsets.UTF_8))));
        assertFails(bundle, "does not match the content hash the log committed", "leaf 50");
    }

    @Test
    void aVersion1BundleWithAFullAuditPathPerEventStillVerifies() throws Exception {
        Bundle v1 = log.itemWithFullProofs("case-3");
        Bundle v2 = log.item("case-3");
        assertThat(new Verifier(log.policy()).verify(v1).events()).isEqualTo(new Verifier(log.policy()).verify(v2).events());
        long fullHashes = v1.events().stream().mapToLong(e -> e.inclusionProof().size()).sum();
        long keptHashes = v2.events().stream().mapToLong(e -> e.inclusionProof().size()).sum();
        assertThat(keptHashes).as("v2 proofs stop at proved nodes").isLessThan(fullHashes / 2);
    }

    @Test
    void aProofCutShortIsNamedAndAnEventLeftOutNamesTheMissingSequence() {
        Bundle item = log.item("case-3");
        List<Bundle.Entry> events = new ArrayList<>(item.events());
        Bundle.Entry first = events.get(0);
        List<String> cut = first.inclusionProof().subList(0, first.inclusionProof().size() - 1);
        events.set(0, new Bundle.Entry(first.leafIndex(), first.position(), first.committedEventIdentifier(),
                first.contentHash(), first.previousHash(), cut, first.event()));
        assertFails(with(item, events), "leaf " + first.leafIndex(), "stops before the root",
                "an event before it was left out of the bundle, or the proof was cut");
        // the proofs after an event left out lean on the nodes its proof gave: the missing sequence is named
        List<Bundle.Entry> gap = new ArrayList<>(item.events());
        gap.remove(1);
        assertFails(with(item, gap), "jumps from sequence 0 to 2", "sequence 1 is missing");
    }

    @Test
    void aDeletedEventFails() {
        Bundle item = log.item("case-3");
        // the exporter shows a committed leaf whose event the event store no longer has
        List<Bundle.Entry> events = new ArrayList<>(item.events());
        Bundle.Entry gone = events.get(4);
        events.set(4, new Bundle.Entry(gone.leafIndex(), gone.position(), gone.committedEventIdentifier(),
                gone.contentHash(), gone.previousHash(), gone.inclusionProof(), null));
        assertFails(with(item, events), "it was deleted from the event store", "leaf " + gone.leafIndex());
        // a bundle that simply leaves it out
        events.remove(4);
        assertFails(with(item, events), "jumps from sequence 3 to 5", "sequence 4 is missing");
        List<Bundle.Entry> range = new ArrayList<>(log.range(10, 60).events());
        range.remove(20);
        assertFails(with(log.range(10, 60), range), "leaf 30 is missing from the export");
    }

    @Test
    void swappedEventsFail() {
        Bundle item = log.item("case-3");
        List<Bundle.Entry> events = new ArrayList<>(item.events());
        Bundle.Entry a = events.get(1);
        Bundle.Entry b = events.get(2);
        // the event store's rows at the two positions were exchanged
        events.set(1, new Bundle.Entry(a.leafIndex(), a.position(), a.committedEventIdentifier(), a.contentHash(),
                a.previousHash(), a.inclusionProof(), b.event()));
        events.set(2, new Bundle.Entry(b.leafIndex(), b.position(), b.committedEventIdentifier(), b.contentHash(),
                b.previousHash(), b.inclusionProof(), a.event()));
        assertFails(with(item, events), "events were moved or swapped", "leaf " + a.leafIndex());
    }

    @Test
    void aForgedEventFails() {
        Bundle item = log.item("case-3");
        List<Bundle.Entry> events = new ArrayList<>(item.events());
        Bundle.Event last = events.get(events.size() - 1).event();
        Bundle.Event forged = new Bundle.Event("forged-1", "case-3", last.sequenceNumber() + 1, last.type(),
                last.payloadType(), last.payloadRevision(), last.timeStamp(), "e30=", null);
        events.add(new Bundle.Entry(null, events.get(events.size() - 1).position() + 1, null, null, null, null, forged));
        assertFails(with(item, events), "event forged-1", "is not in the signed log");
    }

    @Test
    void aRewrittenCheckpointFails() {
        Bundle item = log.item("case-3");
        List<Bundle.SignedCheckpoint> checkpoints = new ArrayList<>(item.checkpoints());
        Bundle.SignedCheckpoint c = checkpoints.get(1);
        checkpoints.set(1, new Bundle.SignedCheckpoint(c.treeSize(), HexFormat.of().formatHex(new byte[32]), c.time(),
                c.lastPosition(), c.agencies(), c.signatures()));
        assertFails(new Bundle(item.format(), item.origin(), item.scope(), item.keys(), checkpoints,
                item.consistencyProofs(), null, 0, item.events()), "checkpoint 200: the signature of CN-NNCC",
                "does not verify");
    }

    @Test
    void anIncompleteCheckpointFails() {
        Bundle item = log.item("case-3");
        List<Bundle.SignedCheckpoint> checkpoints = new ArrayList<>(item.checkpoints());
        Bundle.SignedCheckpoint c = checkpoints.get(1);
        checkpoints.set(1, new Bundle.SignedCheckpoint(c.treeSize(), c.rootHash(), c.time(), c.lastPosition(),
                c.agencies(), c.signatures().subList(0, 1)));
        assertFails(new Bundle(item.format(), item.origin(), item.scope(), item.keys(), checkpoints,
                item.consistencyProofs(), null, 0, item.events()), "checkpoint 200 is not signed by US-DEA",
                "whose signature the policy requires (all of CN-NNCC, US-DEA)");
    }

    @Test
    void aRewrittenLogFailsItsProofs() {
        // a leaf's committed hash and the event re-hashed to match: the inclusion proof no longer leads to the root
        Bundle item = log.item("case-3");
        List<Bundle.Entry> events = new ArrayList<>(item.events());
        Bundle.Entry e = events.get(3);
        Bundle.Event changed = new Bundle.Event(e.event().eventIdentifier(), e.event().aggregateIdentifier(),
                e.event().sequenceNumber(), e.event().type(), e.event().payloadType(), e.event().payloadRevision(),
                e.event().timeStamp(), Base64.getEncoder().encodeToString("{\"title\":\"rewritten\"}".getBytes()),
                e.event().metaData());
        String rehashed = HexFormat.of().formatHex(new ContentHash().of(changed.stored(), HexFormat.of().parseHex(e.previousHash())));
        events.set(3, new Bundle.Entry(e.leafIndex(), e.position(), e.committedEventIdentifier(), rehashed,
                e.previousHash(), e.inclusionProof(), changed));
        assertFails(with(item, events), "inclusion proof does not lead to the root of checkpoint 200");
    }

    @Test
    void inconsistentCheckpointsFail() {
        Bundle item = log.item("case-3");
        Bundle.ConsistencyProof proof = item.consistencyProofs().get(0);
        List<String> altered = new ArrayList<>(proof.proof());
        altered.set(0, HexFormat.of().formatHex(new byte[32]));
        assertFails(new Bundle(item.format(), item.origin(), item.scope(), item.keys(), item.checkpoints(),
                List.of(new Bundle.ConsistencyProof(proof.fromSize(), proof.toSize(), altered)), null, 0,
                item.events()), "checkpoint 200 does not extend checkpoint 120");
    }

    @Test
    void aKeyOtherThanTheTrustedOneFails() {
        KeyPair stranger = Ed25519.generate();
        TrustPolicy policy = TrustPolicy.all(log.origin, Map.of("CN-NNCC", log.agencies.get("CN-NNCC").getPublic(),
                "US-DEA", stranger.getPublic()));
        assertThatThrownBy(() -> new Verifier(policy).verify(log.item("case-3")))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("checkpoint 120: the signature of US-DEA names key "
                        + Ed25519.keyId(log.agencies.get("US-DEA").getPublic()))
                .hasMessageContaining("does not verify with the key the policy trusts for US-DEA (key "
                        + Ed25519.keyId(stranger.getPublic()) + ")");
    }

    @Test
    void theCommandLineExitsZeroOnlyForAnUntouchedBundleUnderAPolicy(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Bundle item = log.item("case-5");
        try (var out = Files.newOutputStream(good)) {
            Bundles.write(item, item.events().iterator(), out);
        }
        Path cn = dir.resolve("cn.pub.pem");
        Path us = dir.resolve("us.pub.pem");
        Files.writeString(cn, Ed25519.pem(log.agencies.get("CN-NNCC").getPublic()));
        Files.writeString(us, Ed25519.pem(log.agencies.get("US-DEA").getPublic()));
        Path policy = dir.resolve("policy.txt");
        Files.writeString(policy, "# the auditor's policy\n" + log.policy().text());
        String[] keys = {"--origin", log.origin, "--key", "CN-NNCC=" + cn, "--key=US-DEA=" + us};
        assertThat(cli(keys[0], keys[1], keys[2], keys[3], keys[4], good.toString())).startsWith("0 OK: ")
                .contains("signed by CN-NNCC, US-DEA (policy: all of CN-NNCC, US-DEA)")
                .contains("Trusted (from the policy, not the bundle): log 'jointops-test', CN-NNCC key "
                        + Ed25519.keyId(log.agencies.get("CN-NNCC").getPublic()));
        assertThat(cli("--policy", policy.toString(), good.toString())).startsWith("0 OK: ");
        assertThat(cli("--policy", policy.toString(), "--quorum", "1", good.toString()))
                .startsWith("2 --quorum 1: the quorum is given twice");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(good).replace("\"sequenceNumber\":3", "\"sequenceNumber\":33"));
        assertThat(cli("--policy", policy.toString(), bad.toString())).startsWith("1 FAILED: ")
                .contains("case-5 sequence 33");
        assertThat(cli("--policy", policy.toString(), dir.resolve("absent.json").toString()))
                .startsWith("2 FAILED: no such bundle file");
        Files.writeString(bad, "{\"format\":");
        assertThat(cli("--policy", policy.toString(), bad.toString())).startsWith("1 FAILED: ")
                .contains("is not a readable bundle");
        assertThat(cli()).startsWith("2 usage:");
        assertThat(cli("--key", "US-DEA=" + dir.resolve("absent.pem"), "--origin", "x", good.toString()))
                .startsWith("2 --key US-DEA=").contains("cannot read the key file");
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifierCli.run(args, new PrintStream(out), new PrintStream(err));
        return status + " " + out + err;
    }

    private void assertFails(Bundle bundle, String... phrases) {
        var thrown = assertThatThrownBy(() -> new Verifier(log.policy()).verify(bundle)).isInstanceOf(VerificationException.class);
        for (String phrase : phrases) {
            thrown.hasMessageContaining(phrase);
        }
    }

    private static Bundle withEvent(Bundle bundle, int index, UnaryOperator<Bundle.Event> change) {
        List<Bundle.Entry> events = new ArrayList<>(bundle.events());
        Bundle.Entry e = events.get(index);
        events.set(index, new Bundle.Entry(e.leafIndex(), e.position(), e.committedEventIdentifier(), e.contentHash(),
                e.previousHash(), e.inclusionProof(), change.apply(e.event())));
        return with(bundle, events);
    }

    private static Bundle with(Bundle bundle, List<Bundle.Entry> events) {
        return new Bundle(bundle.format(), bundle.origin(), bundle.scope(), bundle.keys(), bundle.checkpoints(),
                bundle.consistencyProofs(), bundle.rangeProof(), bundle.eventsAfterCheckpoint(), events);
    }
}
