package io.jointops.audit;

import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A log built in memory the way the notary builds it from the event store: events of several aggregates in global
 * order (with gaps in the positions), chained content hashes, the Merkle tree, checkpoints signed by each agency, and
 * bundles of an item or a range. For verifier tests and the benchmark.
 */
final class SyntheticLog {

    record Leaf(long position, StoredEvent event, byte[] previousHash, byte[] contentHash) {
    }

    final String origin;
    final Map<String, KeyPair> agencies = new TreeMap<>();
    final List<Leaf> leaves = new ArrayList<>();
    final MerkleTree tree = new MerkleTree();
    final List<Bundle.SignedCheckpoint> checkpoints = new ArrayList<>();
    private final Map<String, Leaf> heads = new HashMap<>();
    private final ContentHash contentHash = new ContentHash();
    private long position = 0;

    SyntheticLog(String... agencyNames) {
        this.origin = "jointops-test";
        for (String agency : agencyNames) {
            agencies.put(agency, Ed25519.generate());
        }
    }

    /** A log of another origin signed with the same agencies' keys (as a staging log would be). */
    SyntheticLog(String origin, Map<String, KeyPair> agencies) {
        this.origin = origin;
        this.agencies.putAll(agencies);
    }

    /** What an auditor who holds these agencies' public keys trusts: this origin, every agency required. */
    TrustPolicy policy() {
        Map<String, java.security.PublicKey> keys = new TreeMap<>();
        agencies.forEach((agency, pair) -> keys.put(agency, pair.getPublic()));
        return TrustPolicy.all(origin, keys);
    }

    /** Appends {@code count} events spread over {@code aggregates} aggregates, about 0.6 KiB of JSON each. */
    SyntheticLog events(int count, int aggregates) {
        for (int i = 0; i < count; i++) {
            append("case-" + (leaves.size() + i) % aggregates);
        }
        return this;
    }

    Leaf append(String aggregate) {
        Leaf head = heads.get(aggregate);
        long sequence = head == null ? 0 : head.event().sequenceNumber() + 1;
        return append(aggregate, "io.jointops.api.cases.CaseOpenedEvent", "{\"caseId\":\"" + aggregate
                + "\",\"title\":\"Operation Nightjar " + leaves.size()
                + "\",\"summary\":\"Fentanyl precursors via transshipment, shipment " + sequence
                + "\",\"leadAgency\":\"CN-NNCC\",\"partnerAgencies\":[\"US-DEA\"],\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}");
    }

    /** Appends an event of {@code payloadType} with this JSON payload as the next of {@code aggregate}. */
    Leaf append(String aggregate, String payloadType, String payload) {
        Leaf head = heads.get(aggregate);
        long sequence = head == null ? 0 : head.event().sequenceNumber() + 1;
        position += (leaves.size() % 97 == 13) ? 2 : 1; // a rolled-back transaction now and then leaves a gap
        String metaData = "{\"actorId\":\"" + UUID.nameUUIDFromBytes(aggregate.getBytes()) + "\",\"actor\":\"cn.investigator\","
                + "\"agency\":\"CN-NNCC\",\"roles\":[\"investigator\"],\"correlationId\":\"" + UUID.randomUUID()
                + "\",\"causationId\":\"" + UUID.randomUUID() + "\",\"traceId\":\"" + UUID.randomUUID() + "\"}";
        StoredEvent event = new StoredEvent(UUID.randomUUID().toString(), aggregate, sequence, "JointCase",
                payloadType, "1", Instant.ofEpochMilli(1_750_000_000_000L + position).toString(),
                payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
        byte[] previous = head == null ? ContentHash.GENESIS : head.contentHash();
        Leaf leaf = new Leaf(position, event, previous, contentHash.of(event, previous));
        leaves.add(leaf);
        heads.put(aggregate, leaf);
        tree.append(leaf.contentHash());
        return leaf;
    }

    /** The same log from here on, to grow differently (as an operator showing two agencies two trees would). */
    SyntheticLog fork() {
        SyntheticLog copy = new SyntheticLog(origin, agencies);
        copy.leaves.addAll(leaves);
        leaves.forEach(leaf -> copy.tree.append(leaf.contentHash()));
        copy.heads.putAll(heads);
        copy.position = position;
        copy.checkpoints.addAll(checkpoints);
        return copy;
    }

    /** The checkpoint of the whole tree at {@code time}, not signed (what a co-signer is shown). */
    Checkpoint statement(String time) {
        long size = tree.size();
        return new Checkpoint(origin, size, tree.root(size), time, size == 0 ? 0 : leaves.get((int) size - 1).position(),
                List.copyOf(agencies.keySet()));
    }

    /** Adds a checkpoint with the signatures made elsewhere (by co-signers), agency to signature. */
    Bundle.SignedCheckpoint add(Checkpoint checkpoint, Map<String, byte[]> signatures) {
        List<Checkpoint.Signature> list = new ArrayList<>();
        new TreeMap<>(signatures).forEach((agency, signature) -> list.add(new Checkpoint.Signature(agency,
                Ed25519.keyId(agencies.get(agency).getPublic()), Base64.getEncoder().encodeToString(signature))));
        Bundle.SignedCheckpoint signed = Bundle.SignedCheckpoint.of(checkpoint, list);
        checkpoints.add(signed);
        return signed;
    }

    /** Issues a checkpoint of the whole tree, signed by every agency. */
    Bundle.SignedCheckpoint checkpoint() {
        long size = tree.size();
        Checkpoint checkpoint = new Checkpoint(origin, size, tree.root(size), Instant.now().toString(),
                size == 0 ? 0 : leaves.get((int) size - 1).position(), List.copyOf(agencies.keySet()));
        List<Checkpoint.Signature> signatures = new ArrayList<>();
        agencies.forEach((agency, keys) -> signatures.add(new Checkpoint.Signature(agency,
                Ed25519.keyId(keys.getPublic()),
                Base64.getEncoder().encodeToString(Ed25519.sign(keys.getPrivate(), checkpoint.signedBytes())))));
        Bundle.SignedCheckpoint signed = Bundle.SignedCheckpoint.of(checkpoint, signatures);
        checkpoints.add(signed);
        return signed;
    }

    List<Bundle.AgencyKey> keys() {
        List<Bundle.AgencyKey> keys = new ArrayList<>();
        agencies.forEach((agency, pair) -> keys.add(new Bundle.AgencyKey(agency, Ed25519.keyId(pair.getPublic()),
                Ed25519.encode(pair.getPublic()))));
        return keys;
    }

    /**
     * The bundle of one aggregate against the last checkpoint, with the first checkpoint for consistency, as the
     * exporter writes it (format v2: each inclusion proof stops at a node an earlier one proved).
     */
    Bundle item(String aggregate) {
        Bundle.SignedCheckpoint target = checkpoints.get(checkpoints.size() - 1);
        InclusionBatch proofs = new InclusionBatch(target.treeSize(), HexFormat.of().parseHex(target.rootHash()));
        List<Bundle.Entry> entries = new ArrayList<>();
        for (int i = 0; i < target.treeSize(); i++) {
            Leaf leaf = leaves.get(i);
            if (leaf.event().aggregateIdentifier().equals(aggregate)) {
                entries.add(entry(i, proofs.shortest(i, tree.leafHash(i),
                        tree.inclusionProof(i, target.treeSize())).stream().map(HexFormat.of()::formatHex).toList()));
            }
        }
        return bundle(Bundle.Scope.item(aggregate), null, entries);
    }

    /**
     * The bundle of one aggregate as a partner agency is given it: the events of the sequences {@code shown} does not
     * take are hash-only entries (leaf, position, content hash, inclusion proof), the others full.
     */
    Bundle itemFor(String aggregate, java.util.function.LongPredicate shown) {
        Bundle item = item(aggregate);
        List<Bundle.Entry> entries = new ArrayList<>();
        for (Bundle.Entry entry : item.events()) {
            entries.add(shown.test(entry.event().sequenceNumber()) ? entry
                    : Bundle.Entry.hashOnly(entry.leafIndex(), entry.position(), entry.contentHash(), entry.inclusionProof()));
        }
        return new Bundle(item.format(), item.origin(), item.scope(), item.keys(), item.checkpoints(),
                item.consistencyProofs(), item.rangeProof(), item.eventsAfterCheckpoint(), entries);
    }

    /** As {@link #item}, in format v1: a full audit path for every event. */
    Bundle itemWithFullProofs(String aggregate) {
        Bundle.SignedCheckpoint target = checkpoints.get(checkpoints.size() - 1);
        List<Bundle.Entry> entries = new ArrayList<>();
        for (int i = 0; i < target.treeSize(); i++) {
            Leaf leaf = leaves.get(i);
            if (leaf.event().aggregateIdentifier().equals(aggregate)) {
                entries.add(entry(i, tree.inclusionProof(i, target.treeSize()).stream().map(HexFormat.of()::formatHex).toList()));
            }
        }
        Bundle v2 = bundle(Bundle.Scope.item(aggregate), null, entries);
        return new Bundle("jointops-audit-bundle/v1", v2.origin(), v2.scope(), v2.keys(), v2.checkpoints(),
                v2.consistencyProofs(), v2.rangeProof(), v2.eventsAfterCheckpoint(), v2.events());
    }

    /** The bundle of the leaves first .. end - 1 against the last checkpoint. */
    Bundle range(int first, int end) {
        Bundle.SignedCheckpoint target = checkpoints.get(checkpoints.size() - 1);
        List<Bundle.Entry> entries = new ArrayList<>();
        for (int i = first; i < end; i++) {
            entries.add(entry(i, null));
        }
        return bundle(Bundle.Scope.range(leaves.get(first).position(), leaves.get(end - 1).position()),
                tree.rangeProof(first, end, target.treeSize()).stream().map(HexFormat.of()::formatHex).toList(), entries);
    }

    Iterator<Bundle.Entry> rangeEntries(int first, int end) {
        return new Iterator<>() {
            int next = first;

            @Override
            public boolean hasNext() {
                return next < end;
            }

            @Override
            public Bundle.Entry next() {
                return entry(next++, null);
            }
        };
    }

    Bundle.Entry entry(int index, List<String> inclusionProof) {
        Leaf leaf = leaves.get(index);
        return new Bundle.Entry((long) index, leaf.position(), leaf.event().eventIdentifier(),
                HexFormat.of().formatHex(leaf.contentHash()), HexFormat.of().formatHex(leaf.previousHash()), inclusionProof,
                Bundle.Event.of(leaf.event()));
    }

    private Bundle bundle(Bundle.Scope scope, List<String> rangeProof, List<Bundle.Entry> entries) {
        Bundle.SignedCheckpoint target = checkpoints.get(checkpoints.size() - 1);
        List<Bundle.SignedCheckpoint> shown = new ArrayList<>();
        List<Bundle.ConsistencyProof> consistency = new ArrayList<>();
        Bundle.SignedCheckpoint first = checkpoints.get(0);
        if (first != target) {
            shown.add(first);
            consistency.add(new Bundle.ConsistencyProof(first.treeSize(), target.treeSize(),
                    tree.consistencyProof(first.treeSize(), target.treeSize()).stream().map(HexFormat.of()::formatHex).toList()));
        }
        shown.add(target);
        return new Bundle(Bundle.FORMAT, origin, scope, keys(), shown, consistency, rangeProof, 0, entries);
    }
}
