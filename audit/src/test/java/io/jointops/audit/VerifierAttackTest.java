package io.jointops.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.HexFormat;
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

    // --- hash-only entries: what a partner agency's bundle leaves out, and what it still proves

    /** US-DEA's bundle of case-3: every third event (sequences 1, 4, 7, ...) is one it may not see. */
    Bundle partner() {
        return log.itemFor("case-3", sequence -> sequence % 3 != 1);
    }

    @Test
    void aPartnersBundleProvesItsWithheldEventsInTheLogAndCarriesNothingOfThem() throws Exception {
        Bundle full = log.item("case-3");
        Bundle partner = partner();
        List<Bundle.Entry> withheld = full.events().stream().filter(e -> e.event().sequenceNumber() % 3 == 1).toList();
        assertThat(withheld).hasSize(10);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Bundles.write(partner, partner.events().iterator(), bytes);
        Verifier.Report report;
        try (Bundles.Reader reader = Bundles.open(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            report = new Verifier(policy).verify(reader.header(), reader.events());
        }
        assertThat(report.events()).isEqualTo(full.events().size());
        assertThat(report.withheld()).isEqualTo(10);
        assertThat(report.summary()).startsWith("OK: 29 events (10 withheld: content hash only) of item case-3 (1 aggregate)"
                + " verified against checkpoint 200");
        assertThat(new Verifier(policy).verify(full).summary()).as("nothing withheld, nothing said")
                .startsWith("OK: 29 events of item case-3").doesNotContain("withheld");
        String json = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"format\":\"jointops-audit-bundle/v3\"");
        for (Bundle.Entry entry : withheld) {
            String title = new String(Base64.getDecoder().decode(entry.event().payload()), java.nio.charset.StandardCharsets.UTF_8)
                    .replaceAll(".*\"title\":\"([^\"]*)\".*", "$1");
            assertThat(json).as("withheld content").doesNotContain(title).doesNotContain(entry.event().payload())
                    .doesNotContain(entry.event().metaData()).doesNotContain(entry.event().eventIdentifier())
                    .contains(entry.contentHash());
        }
        assertThat(json).as("a shown event").contains(full.events().get(0).event().payload());
    }

    @Test
    void aTamperedHashOnlyEntryFails() {
        Bundle partner = partner();
        int index = 4; // sequence 4, withheld
        Bundle.Entry e = partner.events().get(index);
        assertThat(e.isHashOnly()).isTrue();
        char[] hash = e.contentHash().toCharArray();
        hash[10] = hash[10] == '0' ? '1' : '0';
        assertRefused(replace(partner, index, Bundle.Entry.hashOnly(e.leafIndex(), e.position(), new String(hash),
                e.inclusionProof())), policy, "withheld event", "at leaf " + e.leafIndex(),
                "its inclusion proof does not lead to the root of checkpoint 200",
                "the log holds no such content hash at this leaf");
        assertRefused(replace(partner, index, Bundle.Entry.hashOnly(e.leafIndex() + 1, e.position() + 1,
                e.contentHash(), e.inclusionProof())), policy, "withheld event", "at leaf " + (e.leafIndex() + 1));
        List<String> proof = new ArrayList<>(e.inclusionProof());
        proof.set(0, HexFormat.of().formatHex(new byte[32]));
        assertRefused(replace(partner, index, Bundle.Entry.hashOnly(e.leafIndex(), e.position(), e.contentHash(),
                proof)), policy, "withheld event", "does not lead to the root");
        assertRefused(replace(partner, index, Bundle.Entry.hashOnly(e.leafIndex(), e.position(), "not a hash",
                e.inclusionProof())), policy, "the content hash of the withheld entry at leaf " + e.leafIndex());
    }

    @Test
    void aWithheldEntryReplacedByAnotherEventOfTheLogFails() {
        // the exporter shows, in place of case-3's sequence 4, another aggregate's event that the log really holds at
        // a leaf between the neighbours, with its honest full proof: the log proves the hash, the chain refutes it
        Bundle partner = partner();
        int index = 4;
        Bundle.Entry e = partner.events().get(index);
        int other = (int) (e.leafIndex() + 1);
        assertThat(log.leaves.get(other).event().aggregateIdentifier()).isNotEqualTo("case-3");
        Bundle.Entry swapped = Bundle.Entry.hashOnly(other, log.leaves.get(other).position(),
                HexFormat.of().formatHex(log.leaves.get(other).contentHash()), log.tree.inclusionProof(other, 200).stream().map(HexFormat.of()::formatHex).toList());
        assertRefused(replace(partner, index, swapped), policy, "the chain of case-3 breaks at case-3 sequence 5",
                "its previous hash is not the content hash of the withheld entry before it",
                "the withheld entry was replaced by another event's hash");
    }

    @Test
    void withheldEventsLeftOutOrAddedOrListedTwiceFail() {
        // sequences 4 and 5 withheld, one of them left out: the count before sequence 6 is short
        Bundle two = log.itemFor("case-3", sequence -> sequence != 4 && sequence != 5);
        List<Bundle.Entry> events = new ArrayList<>(two.events());
        events.remove(4);
        assertRefused(with(two, events), policy, "withheld event", "its inclusion proof stops before the root",
                "an event before it was left out of the bundle");
        // the exporter has the tree: it gives each entry left a full audit path, so no proof leans on the missing one
        events = fullProofs(events);
        assertRefused(with(two, events), policy, "case-3 sequence 6", "follows 5 events of case-3 in the bundle,"
                + " counting the withheld ones", "which would make it sequence 5: events of the item were left out before it");
        // an event of another aggregate added as if it were one of the item's withheld ones
        Bundle partner = partner();
        events = new ArrayList<>(partner.events());
        Bundle.Entry before = events.get(4);
        int other = (int) (before.leafIndex() + 2);
        events.add(5, Bundle.Entry.hashOnly(other, log.leaves.get(other).position(),
                HexFormat.of().formatHex(log.leaves.get(other).contentHash()), log.tree.inclusionProof(other, 200).stream().map(HexFormat.of()::formatHex).toList()));
        assertRefused(with(partner, events), policy, "case-3 sequence 5", "follows 6 events of case-3",
                "which would make it sequence 6: withheld entries were added before it");
        // a withheld entry left out where a shown event follows: the sequences jump as in a full bundle
        events = fullProofs(partner.events());
        events.remove(4);
        assertRefused(with(partner, events), policy, "jumps from sequence 3 to 5", "sequence 4 is missing");
        // a shown event left out after a withheld one
        events = fullProofs(partner.events());
        events.remove(5);
        assertRefused(with(partner, events), policy, "case-3 sequence 6", "follows 5 events of case-3",
                "which would make it sequence 5: events of the item were left out before it");
        // the same withheld entry twice
        events = new ArrayList<>(partner.events());
        events.add(5, events.get(4));
        assertRefused(with(partner, events), policy, "leaf " + before.leafIndex() + " (position " + before.position()
                + ") comes after leaf " + before.leafIndex(), "each once");
    }

    @Test
    void contentCannotBeForgedUnderAWithheldEntrysHash() {
        Bundle full = log.item("case-3");
        Bundle partner = partner();
        int index = 4;
        Bundle.Entry e = partner.events().get(index);
        Bundle.Entry real = full.events().get(index);
        Bundle.Event forged = new Bundle.Event(real.event().eventIdentifier(), "case-3", 4, real.event().type(),
                real.event().payloadType(), real.event().payloadRevision(), real.event().timeStamp(),
                Base64.getEncoder().encodeToString("{\"title\":\"what US-DEA claims it said\"}".getBytes()),
                real.event().metaData());
        // upgraded: invented content under the committed hash (the recipient knows the previous hash from sequence 3)
        Bundle.Entry upgraded = new Bundle.Entry(e.leafIndex(), e.position(), null, e.contentHash(),
                real.previousHash(), e.inclusionProof(), forged);
        assertRefused(replace(partner, index, upgraded), policy, "event " + real.event().eventIdentifier()
                + " (case-3 sequence 4)", "does not match the content hash the log committed");
        // ... or under its own hash: the log does not hold that
        String own = HexFormat.of().formatHex(new ContentHash().of(forged.stored(), HexFormat.of().parseHex(real.previousHash())));
        assertRefused(replace(partner, index, new Bundle.Entry(e.leafIndex(), e.position(), null, own,
                real.previousHash(), e.inclusionProof(), forged)), policy, "inclusion proof does not lead to the root");
        // marked withheld while carrying content: neither one nor the other
        assertRefused(replace(partner, index, new Bundle.Entry(e.leafIndex(), e.position(), null, e.contentHash(),
                null, e.inclusionProof(), real.event(), true)), policy, "the withheld entry at leaf " + e.leafIndex()
                + ", position " + e.position() + " is marked withheld but carries an event");
        assertRefused(replace(partner, index, new Bundle.Entry(e.leafIndex(), e.position(), null, e.contentHash(),
                real.previousHash(), e.inclusionProof(), null, true)), policy, "carries a previous hash");
    }

    @Test
    void aShownEventDowngradedToHashOnlyVerifiesButIsCountedAsWithheld() throws Exception {
        // what no bundle can tell: whether its recipient should have seen a withheld event. It is proven in the log,
        // in its place, and counted; the recipient compares with what it saw (its own events, its history page).
        Bundle partner = partner();
        Bundle.Entry shown = partner.events().get(5);
        assertThat(shown.isHashOnly()).isFalse();
        Bundle downgraded = replace(partner, 5, Bundle.Entry.hashOnly(shown.leafIndex(), shown.position(),
                shown.contentHash(), shown.inclusionProof()));
        assertThat(new Verifier(policy).verify(downgraded).summary()).startsWith("OK: 29 events (11 withheld");
    }

    @Test
    void hashOnlyEntriesAreForItemBundlesOfFormat3WithALeafOnly() throws Exception {
        Bundle partner = partner();
        Bundle v2 = new Bundle("jointops-audit-bundle/v2", partner.origin(), partner.scope(), partner.keys(),
                partner.checkpoints(), partner.consistencyProofs(), null, 0, partner.events());
        assertRefused(v2, policy, "the withheld entry at leaf " + partner.events().get(1).leafIndex(),
                "is hash-only, but a bundle of format jointops-audit-bundle/v2 withholds nothing");
        assertThat(new Verifier(policy).verify(new Bundle("jointops-audit-bundle/v2", partner.origin(),
                partner.scope(), partner.keys(), partner.checkpoints(), partner.consistencyProofs(), null, 0,
                log.item("case-3").events())).events()).as("a v2 bundle without them still verifies").isEqualTo(29);

        Bundle whole = log.range(37, 161);
        List<Bundle.Entry> events = new ArrayList<>(whole.events());
        Bundle.Entry e = events.get(3);
        events.set(3, Bundle.Entry.hashOnly(e.leafIndex(), e.position(), e.contentHash(), null));
        assertRefused(with(whole, events), policy, "a range bundle withholds nothing");

        // an event stored after the log was notarised, which its recipient may not see: no leaf, nothing proven
        events = new ArrayList<>(partner.events());
        Bundle.Entry last = events.get(events.size() - 1);
        events.add(new Bundle.Entry(null, last.position() + 1, null, null, null, null, null, true));
        assertRefused(with(partner, events), policy, "the withheld entry at position " + (last.position() + 1)
                + " has no leaf", "proves nothing");
    }

    /** The entries with a full audit path each, as an exporter who has the tree can give them. */
    List<Bundle.Entry> fullProofs(List<Bundle.Entry> entries) {
        List<Bundle.Entry> full = new ArrayList<>();
        for (Bundle.Entry e : entries) {
            full.add(new Bundle.Entry(e.leafIndex(), e.position(), e.committedEventIdentifier(), e.contentHash(),
                    e.previousHash(), log.tree.inclusionProof(e.leafIndex(), 200).stream().map(HexFormat.of()::formatHex).toList(), e.event(),
                    e.withheld()));
        }
        return full;
    }

    static Bundle replace(Bundle bundle, int index, Bundle.Entry entry) {
        List<Bundle.Entry> events = new ArrayList<>(bundle.events());
        events.set(index, entry);
        return with(bundle, events);
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
            Checkpoint checkpoint = new Checkpoint(origin, c.treeSize(), HexFormat.of().parseHex(c.rootHash()), c.time(),
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
