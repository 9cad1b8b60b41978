package io.jointops.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trust policy under attack ({@code docs/audit-format.md}, "Trust policy"): what an exporter, the platform's
 * operator or one agency can do to a bundle without the other agencies' private keys, each refused with its reason.
 * Every attack is first shown to pass a verifier that trusted what the bundle brings (the control), so each test fails
 * if the check it is about goes.
 */
class VerifierAttackTest {

    static final String ATTACKER = "XX-ATTACKER";

    SyntheticLog log;
    /** The auditor's policy: the real keys of CN-NNCC and US-DEA, the log's origin, both must sign. */
    TrustPolicy policy;

    @BeforeEach
    void log() {
        log = new SyntheticLog("CN-NNCC", "US-DEA").events(120, 7);
        log.checkpoint();
        log.events(80, 7);
        log.checkpoint();
        policy = log.policy();
    }

    // --- keys: only the policy's count; a bundle's own keys are never read

    @Test
    void aBundleReSignedWithTheAttackersOwnKeysCarriedInTheBundleFails() throws Exception {
        Map<String, KeyPair> own = Map.of("CN-NNCC", Ed25519.generate(), "US-DEA", Ed25519.generate());
        Bundle forged = withKeys(resign(log.item("case-3"), log.origin, List.of("CN-NNCC", "US-DEA"), own), own);
        assertThat(new Verifier(policyOf(log.origin, own, null)).verify(forged).events()).as("control").isPositive();

        assertRefused(forged, policy, "checkpoint 120: the signature of CN-NNCC names key "
                        + Ed25519.keyId(own.get("CN-NNCC").getPublic()),
                "does not verify with the key the policy trusts for CN-NNCC",
                "the checkpoint was signed with another key");
    }

    @Test
    void theKeysABundleCarriesAreNeitherTrustedNorNeeded() throws Exception {
        Map<String, KeyPair> own = Map.of("CN-NNCC", Ed25519.generate(), "US-DEA", Ed25519.generate());
        Bundle item = log.item("case-3");
        assertThat(new Verifier(policy).verify(withKeys(item, own)).events()).isPositive();
        assertThat(new Verifier(policy).verify(new Bundle(item.format(), item.origin(), item.scope(), null,
                item.checkpoints(), item.consistencyProofs(), null, 0, item.events())).events()).isPositive();
    }

    // --- signers: the policy's agencies, all of them unless a quorum is set; nobody else

    @Test
    void aCheckpointWhoseAgenciesWereReplacedByTheAttackersAgencyFails() throws Exception {
        KeyPair attacker = Ed25519.generate();
        Bundle forged = withKeys(resign(log.item("case-3"), log.origin, List.of(ATTACKER), Map.of(ATTACKER, attacker)),
                Map.of(ATTACKER, attacker));
        assertThat(new Verifier(policyOf(log.origin, Map.of(ATTACKER, attacker), null)).verify(forged).events())
                .as("control").isPositive();

        assertRefused(forged, policy, "checkpoint 120 lists agency XX-ATTACKER, which the policy does not trust",
                "(it trusts CN-NNCC, US-DEA)");
        assertRefused(forged, quorum(1), "checkpoint 120 lists agency XX-ATTACKER, which the policy does not trust");
    }

    @Test
    void anUnknownSignerBesideTheRequiredOnesIsRefused() throws Exception {
        KeyPair attacker = Ed25519.generate();
        Map<String, KeyPair> signers = new TreeMap<>(log.agencies);
        signers.put(ATTACKER, attacker);
        Bundle extra = resign(log.item("case-3"), log.origin, List.of("CN-NNCC", "US-DEA", ATTACKER), signers);
        assertThat(new Verifier(policyOf(log.origin, signers, null)).verify(extra).events()).as("control").isPositive();

        assertRefused(extra, policy, "checkpoint 120 lists agency XX-ATTACKER, which the policy does not trust");
        assertRefused(extra, quorum(1), "checkpoint 120 lists agency XX-ATTACKER, which the policy does not trust");
        // a signature of an agency the checkpoint does not list (and so did not sign for) is refused as well
        Bundle item = log.item("case-3");
        List<Bundle.SignedCheckpoint> checkpoints = new ArrayList<>(item.checkpoints());
        Bundle.SignedCheckpoint c = checkpoints.get(0);
        List<Checkpoint.Signature> signatures = new ArrayList<>(c.signatures());
        signatures.add(sign(c.checkpoint(log.origin), ATTACKER, attacker));
        checkpoints.set(0, new Bundle.SignedCheckpoint(c.treeSize(), c.rootHash(), c.time(), c.lastPosition(),
                c.agencies(), signatures));
        assertRefused(withCheckpoints(item, checkpoints), policy,
                "checkpoint 120 carries a signature of XX-ATTACKER, which is not among its agencies");
    }

    @Test
    void aCheckpointSignedByCnNnccAloneIsRefusedUnderAllAndAcceptedUnderAQuorumOfOne() throws Exception {
        Map<String, KeyPair> cnOnly = Map.of("CN-NNCC", log.agencies.get("CN-NNCC"));
        Bundle listsOne = resign(log.item("case-3"), log.origin, List.of("CN-NNCC"), cnOnly);
        Bundle listsBoth = resign(log.item("case-3"), log.origin, List.of("CN-NNCC", "US-DEA"), cnOnly);

        assertRefused(listsOne, policy, "checkpoint 120 is not signed by US-DEA, whose signature the policy requires"
                + " (all of CN-NNCC, US-DEA); the checkpoint lists only CN-NNCC");
        assertRefused(listsBoth, policy, "checkpoint 120 is not signed by US-DEA, whose signature the policy requires");
        assertRefused(listsBoth, quorum(2), "checkpoint 120 is signed by 1 trusted agency (CN-NNCC), but the policy"
                + " requires 2 of CN-NNCC, US-DEA");
        for (Bundle bundle : List.of(listsOne, listsBoth)) {
            Verifier.Report report = new Verifier(quorum(1)).verify(bundle);
            assertThat(report.agencies()).containsExactly("CN-NNCC");
            assertThat(report.summary()).contains("signed by CN-NNCC (policy: 1 of CN-NNCC, US-DEA)");
        }
    }

    // --- origin: pinned by the policy, and part of the signed text

    @Test
    void aBundleOfAnotherLogSignedWithTheSameKeysFails() throws Exception {
        SyntheticLog staging = new SyntheticLog("jointops-staging", log.agencies).events(50, 3);
        staging.checkpoint();
        Bundle other = staging.item("case-1");
        assertThat(new Verifier(staging.policy()).verify(other).events()).as("control").isPositive();

        assertRefused(other, policy, "the bundle is of log 'jointops-staging', but the policy trusts log "
                + "'jointops-test' only");
        // relabelled as this log: the agencies signed the other origin, so their signatures do not verify
        Bundle relabelled = new Bundle(other.format(), log.origin, other.scope(), other.keys(), other.checkpoints(),
                other.consistencyProofs(), null, 0, other.events());
        assertRefused(relabelled, policy, "checkpoint 50: the signature of CN-NNCC (key ", "does not verify",
                "origin jointops-test");
        assertThatThrownBy(() -> TrustPolicy.builder().agency("CN-NNCC", log.agencies.get("CN-NNCC").getPublic())
                .build()).hasMessageContaining("the policy names no origin");
    }

    // --- range ends: a range holds every leaf of the range it states

    @Test
    void aRangeCutAtEitherEndIsRefusedAndOneThatStatesWhatItHoldsIsReportedAsThat() throws Exception {
        Bundle whole = log.range(37, 161);
        // the exporter has the tree: a cut run comes with a range proof of its own, which holds
        Bundle.Scope held = Bundle.Scope.range(log.leaves.get(40).position(), log.leaves.get(149).position());
        assertThat(new Verifier(policy).verify(range(held, 40, 150)).summary()).as("control")
                .startsWith("OK: 110 events of " + held.describe() + ", leaves 40..149 (");

        assertRefused(range(whole.scope(), 40, 161), policy, "the bundle claims " + whole.scope().describe()
                + ", but its first event, leaf 40, is at position "
                + log.leaves.get(40).position(), "the leaves before it were cut off from the start of the range");
        assertRefused(range(whole.scope(), 37, 150), policy, "but its last event, leaf 149, is at position "
                + log.leaves.get(149).position(), "the leaves after it were cut off from the end of the range");
        // a range that reaches past the last checkpoint must end with its last leaf, whose position is signed
        Bundle.Scope toTheEnd = Bundle.Scope.range(1, 10_000);
        assertThat(new Verifier(policy).verify(range(toTheEnd, 0, 200)).scope())
                .isEqualTo("positions 1..10000, leaves 0..199, up to position " + log.leaves.get(199).position()
                        + " where checkpoint 200 ends");
        assertRefused(range(toTheEnd, 0, 190), policy, "which reach the end of checkpoint 200", "but its last event is"
                + " leaf 189", "leaves 190..199 were cut off from the end of the range");
        assertRefused(range(toTheEnd, 3, 200), policy, "its first event, leaf 3, is at position 4",
                "were cut off from the start of the range, or positions 1..3 hold no event");
    }

    @Test
    void positionsRelabelledToHideACutOffFail() {
        // leaves 0..4 cut off, leaf 5 claimed to be at position 1 where the range starts
        Bundle.Scope toTheEnd = Bundle.Scope.range(1, 10_000);
        Bundle cut = range(toTheEnd, 5, 200);
        List<Bundle.Entry> events = new ArrayList<>(cut.events());
        events.set(0, at(events.get(0), 1));
        assertRefused(with(cut, events), policy, "leaf 5 is stated at position 1, but positions start at 1 and 5"
                + " leaves come before it, so it lies at position 6 or later");
        // the last leaf of a checkpoint is where the checkpoint says
        Bundle item = log.item(log.leaves.get(199).event().aggregateIdentifier());
        events = new ArrayList<>(item.events());
        int last = events.size() - 1;
        assertThat(events.get(last).leafIndex()).isEqualTo(199);
        events.set(last, at(events.get(last), events.get(last).position() - 1));
        assertRefused(with(item, events), policy, "leaf 199 is stated at position " + (log.leaves.get(199).position() - 1)
                + ", but checkpoint 200 signs position " + log.leaves.get(199).position() + " for its last leaf");
        // and a leaf lies no later than a checkpoint's last position less the leaves after it
        Bundle whole = log.range(37, 161);
        events = new ArrayList<>(whole.events());
        events.set(events.size() - 1, at(events.get(events.size() - 1), log.leaves.get(199).position() - 2));
        assertRefused(with(whole, events), policy, "leaf 160 is stated at position "
                + (log.leaves.get(199).position() - 2) + ", but checkpoint 200 signs position "
                + log.leaves.get(199).position() + " for leaf 199, so leaf 160 lies at position "
                + (log.leaves.get(199).position() - 39) + " or before");
    }

    // --- no policy, no verdict

    @Test
    void withoutAPolicyTheVerifierRefuses(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new Verifier(null)).hasMessageContaining("needs a trust policy");
        Path file = dir.resolve("bundle.json");
        Bundle item = log.item("case-3");
        try (var out = Files.newOutputStream(file)) {
            Bundles.write(item, item.events().iterator(), out);
        }
        Path us = dir.resolve("us.pub.pem");
        Files.writeString(us, Ed25519.pem(log.agencies.get("US-DEA").getPublic()));
        Path cnPrivate = dir.resolve("cn.pem");
        Files.writeString(cnPrivate, Ed25519.pem(log.agencies.get("CN-NNCC").getPrivate()));

        assertThat(cli(file.toString())).startsWith("2 no trust policy: refusing to verify")
                .contains("keys a bundle carries are never trusted").doesNotContain("OK");
        assertThat(cli("--key", "US-DEA=" + us, file.toString())).startsWith("2 incomplete trust policy")
                .contains("names no origin").doesNotContain("OK");
        assertThat(cli("--origin", log.origin, file.toString())).startsWith("2 incomplete trust policy")
                .contains("trusts no agency").doesNotContain("OK");
        assertThat(cli("--origin", log.origin, "--key", "CN-NNCC=" + cnPrivate, file.toString()))
                .startsWith("2 --key CN-NNCC=").contains("holds a private key").doesNotContain("OK");
        assertThat(cli("--origin", log.origin, "--key", "US-DEA=" + us, "--quorum", "2", file.toString()))
                .startsWith("2 incomplete trust policy").contains("a quorum of 2 cannot be met");
        // a policy of US-DEA alone is a policy: CN-NNCC's signature on the checkpoints is then an unknown signer
        assertThat(cli("--origin", log.origin, "--key", "US-DEA=" + us, file.toString()))
                .startsWith("1 FAILED: checkpoint 120 lists agency CN-NNCC, which the policy does not trust");
    }

    // --- the attacker's tools

    /** Every checkpoint of {@code bundle} re-issued as listing {@code listed}, signed by {@code signers}. */
    static Bundle resign(Bundle bundle, String origin, List<String> listed, Map<String, KeyPair> signers) {
        List<Bundle.SignedCheckpoint> checkpoints = new ArrayList<>();
        for (Bundle.SignedCheckpoint c : bundle.checkpoints()) {
            Checkpoint checkpoint = new Checkpoint(origin, c.treeSize(), Hex.decode(c.rootHash()), c.time(),
                    c.lastPosition(), listed);
            List<Checkpoint.Signature> signatures = new ArrayList<>();
            new TreeMap<>(signers).forEach((agency, keys) -> signatures.add(sign(checkpoint, agency, keys)));
            checkpoints.add(Bundle.SignedCheckpoint.of(checkpoint, signatures));
        }
        return withCheckpoints(bundle, checkpoints);
    }

    static Checkpoint.Signature sign(Checkpoint checkpoint, String agency, KeyPair keys) {
        return new Checkpoint.Signature(agency, Ed25519.keyId(keys.getPublic()),
                Base64.getEncoder().encodeToString(Ed25519.sign(keys.getPrivate(), checkpoint.signedBytes())));
    }

    static Bundle withKeys(Bundle bundle, Map<String, KeyPair> keys) {
        List<Bundle.AgencyKey> carried = new ArrayList<>();
        new TreeMap<>(keys).forEach((agency, pair) -> carried.add(new Bundle.AgencyKey(agency,
                Ed25519.keyId(pair.getPublic()), Ed25519.encode(pair.getPublic()))));
        return new Bundle(bundle.format(), bundle.origin(), bundle.scope(), carried, bundle.checkpoints(),
                bundle.consistencyProofs(), bundle.rangeProof(), bundle.eventsAfterCheckpoint(), bundle.events());
    }

    static Bundle withCheckpoints(Bundle bundle, List<Bundle.SignedCheckpoint> checkpoints) {
        return new Bundle(bundle.format(), bundle.origin(), bundle.scope(), bundle.keys(), checkpoints,
                bundle.consistencyProofs(), bundle.rangeProof(), bundle.eventsAfterCheckpoint(), bundle.events());
    }

    static Bundle with(Bundle bundle, List<Bundle.Entry> events) {
        return new Bundle(bundle.format(), bundle.origin(), bundle.scope(), bundle.keys(), bundle.checkpoints(),
                bundle.consistencyProofs(), bundle.rangeProof(), bundle.eventsAfterCheckpoint(), events);
    }

    static Bundle.Entry at(Bundle.Entry e, long position) {
        return new Bundle.Entry(e.leafIndex(), position, e.committedEventIdentifier(), e.contentHash(),
                e.previousHash(), e.inclusionProof(), e.event());
    }

    /** Leaves first .. end - 1 with a range proof of their own (the exporter has the tree), under {@code scope}. */
    Bundle range(Bundle.Scope scope, int first, int end) {
        Bundle honest = log.range(first, end);
        return new Bundle(honest.format(), honest.origin(), scope, honest.keys(), honest.checkpoints(),
                honest.consistencyProofs(), honest.rangeProof(), 0, honest.events());
    }

    TrustPolicy quorum(int n) {
        return policyOf(log.origin, log.agencies, n);
    }

    static TrustPolicy policyOf(String origin, Map<String, KeyPair> agencies, Integer quorum) {
        Map<String, PublicKey> keys = new TreeMap<>();
        agencies.forEach((agency, pair) -> keys.put(agency, pair.getPublic()));
        return quorum == null ? TrustPolicy.all(origin, keys) : TrustPolicy.quorum(origin, keys, quorum);
    }

    static void assertRefused(Bundle bundle, TrustPolicy policy, String... phrases) {
        var thrown = assertThatThrownBy(() -> new Verifier(policy).verify(bundle))
                .isInstanceOf(VerificationException.class);
        for (String phrase : phrases) {
            thrown.hasMessageContaining(phrase);
        }
    }

    static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifierCli.run(args, new PrintStream(out, true), new PrintStream(out, true));
        return status + " " + out;
    }
}
