package io.jointops.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The co-signer under attack ({@code docs/audit-format.md}, "Co-signing"): an operator who controls the notary and its
 * database, but not the agency's key, tries to get a checkpoint co-signed that does not extend what the agency signed
 * before. Each attack is refused with its reason and leaves the state where it was, so the next round refuses again;
 * each test first shows the honest case being signed (the control), so it fails if the check it is about goes.
 */
class CoSignerTest {

    static final String ORIGIN = "jointops";
    static final KeyPair US = Ed25519.generate();

    /** The honest log the notary keeps: leaf data and where each leaf lies in global positions. */
    Log log;
    CoSigner us;

    @BeforeEach
    void log() {
        log = new Log();
        us = new CoSigner("US-DEA", US.getPrivate(), CoSignerState.memory(CoSignerState.State.initial(ORIGIN, "US-DEA")));
    }

    @Test
    void firstUseSignsTheFirstCheckpointAndEachThatExtendsTheLastOneSigned() {
        log.grow(5);
        Checkpoint first = log.checkpoint();
        CoSigner.Decision decision = us.consider(first, List.of());
        assertThat(decision).isInstanceOf(CoSigner.Signed.class);
        assertThat(((CoSigner.Signed) decision).reason()).contains("first use");
        assertThat(Ed25519.verify(US.getPublic(), first.signedBytes(), ((CoSigner.Signed) decision).signature())).isTrue();
        assertThat(us.lastSignedSize()).isEqualTo(5);

        log.grow(3);
        Checkpoint second = log.checkpoint();
        assertThat(us.consider(second, log.tree.consistencyProof(5, 8))).isInstanceOf(CoSigner.Signed.class);
        assertThat(us.state().read().rootHash()).isEqualTo(second.rootHash());

        CoSigner.Decision again = us.consider(second, List.of());
        assertThat(again).isInstanceOf(CoSigner.Signed.class);
        assertThat(((CoSigner.Signed) again).again()).isTrue();
    }

    @Test
    void aRewrittenHistoryIsRefusedAndKeepsBeingRefused() {
        log.grow(5);
        sign(log.checkpoint(), List.of());
        // the operator changes leaf 2 (an event and its leaf row rewritten, the tree rebuilt from the rows) and grows on
        Log rewritten = log.copyWithLeafChanged(2);
        rewritten.grow(3);
        Checkpoint forged = rewritten.checkpoint();
        // the best proof the operator can give: its own tree's, from the size US-DEA signed
        List<byte[]> proof = rewritten.tree.consistencyProof(5, 8);
        CoSigner.Decision decision = us.consider(forged, proof);
        assertRefused(decision, CoSigner.Refusal.INCONSISTENT, "checkpoint 8", "does not extend the checkpoint US-DEA"
                + " signed last (size 5", "the leaves US-DEA signed were changed, removed or reordered");
        // the honest tree's proof with the forged root fails the same way
        assertRefused(us.consider(forged, log.grownCopy(3).tree.consistencyProof(5, 8)), CoSigner.Refusal.INCONSISTENT);
        assertThat(us.lastSignedSize()).as("the state did not move").isEqualTo(5);
        assertRefused(us.consider(forged, proof), CoSigner.Refusal.INCONSISTENT);

        // control: the honest extension is signed
        log.grow(3);
        sign(log.checkpoint(), log.tree.consistencyProof(5, 8));
    }

    @Test
    void aSecondTreeOfTheSizeSignedIsASplitView() {
        log.grow(5);
        sign(log.checkpoint(), List.of());
        log.grow(3);
        Checkpoint honest = log.checkpoint();
        sign(honest, log.tree.consistencyProof(5, 8));

        Log other = log.copyWithLeafChanged(6);
        Checkpoint split = other.checkpoint(honest.time(), honest.lastPosition());
        assertRefused(us.consider(split, List.of()), CoSigner.Refusal.SPLIT_VIEW, "checkpoint 8 has root",
                "another root of the same size");
        // the same tree restated (another time or last position) is a second checkpoint of that size as well
        Checkpoint restated = log.checkpoint(Instant.parse(honest.time()).plusSeconds(1).toString(), honest.lastPosition());
        assertRefused(us.consider(restated, List.of()), CoSigner.Refusal.SPLIT_VIEW, "two different checkpoints of one size");
        assertThat(us.state().read().rootHash()).isEqualTo(honest.rootHash());
    }

    @Test
    void twoAgenciesShownTwoTreesOfOneSizeNeverMakeACompleteCheckpoint() throws Exception {
        SyntheticLog common = new SyntheticLog("CN-NNCC", "US-DEA").events(5, 2);
        CoSigner cn = coSigner(common, "CN-NNCC");
        CoSigner us = coSigner(common, "US-DEA");
        Checkpoint five = common.statement(Instant.now().toString());
        common.add(five, Map.of("CN-NNCC", signed(cn.consider(five, List.of())),
                "US-DEA", signed(us.consider(five, List.of()))));

        // the operator grows two different trees to size 8 and shows one to each agency
        SyntheticLog forCn = common.fork().events(3, 2);
        SyntheticLog forUs = common.fork().events(3, 2);
        String time = Instant.now().toString();
        Checkpoint cnView = forCn.statement(time);
        Checkpoint usView = forUs.statement(time);
        assertThat(cnView.rootHash()).isNotEqualTo(usView.rootHash());
        byte[] cnSignature = signed(cn.consider(cnView, forCn.tree.consistencyProof(5, 8)));
        byte[] usSignature = signed(us.consider(usView, forUs.tree.consistencyProof(5, 8)));

        // neither view gets the other agency's signature: each agency refuses the tree it was not shown
        assertRefused(cn.consider(usView, List.of()), CoSigner.Refusal.SPLIT_VIEW);
        assertRefused(us.consider(cnView, List.of()), CoSigner.Refusal.SPLIT_VIEW);

        // so under a policy requiring both, neither tree verifies; under a quorum of 1 each does (a weaker policy)
        forCn.add(cnView, Map.of("CN-NNCC", cnSignature));
        forUs.add(usView, Map.of("US-DEA", usSignature));
        Map<String, java.security.PublicKey> keys = Map.of("CN-NNCC", common.agencies.get("CN-NNCC").getPublic(),
                "US-DEA", common.agencies.get("US-DEA").getPublic());
        TrustPolicy either = TrustPolicy.quorum(common.origin, keys, 1);
        Bundle cnBundle = forCn.range(0, 8);
        Bundle usBundle = forUs.range(0, 8);
        assertThat(new Verifier(either).verify(cnBundle).events()).as("control: each view verifies under quorum 1")
                .isEqualTo(8);
        assertThat(new Verifier(either).verify(usBundle).events()).isEqualTo(8);
        assertThatThrownBy(() -> new Verifier(common.policy()).verify(cnBundle))
                .isInstanceOf(VerificationException.class).hasMessageContaining("checkpoint 8 is not signed by US-DEA");
        assertThatThrownBy(() -> new Verifier(TrustPolicy.quorum(common.origin, keys, 2)).verify(usBundle))
                .isInstanceOf(VerificationException.class).hasMessageContaining("is signed by 1 trusted agency");
    }

    @Test
    void aSmallerTreeThanTheOneSignedIsARollback() {
        log.grow(8);
        Checkpoint eight = log.checkpoint();
        sign(eight, List.of());
        // checkpoint 8 deleted and the log shown as of size 5 (its leaf rows cut back), say
        Log cut = log.prefix(5);
        assertRefused(us.consider(cut.checkpoint(), List.of()), CoSigner.Refusal.ROLLBACK, "checkpoint 5",
                "is smaller than the checkpoint US-DEA signed last (size 8");
        assertThat(us.lastSignedSize()).isEqualTo(8);
    }

    @Test
    void aDeletedCheckpointWhoseTreeWasRegrownDifferentlyIsRefused() {
        log.grow(5);
        sign(log.checkpoint(), List.of());
        log.grow(3);
        Checkpoint eight = log.checkpoint();
        sign(eight, log.tree.consistencyProof(5, 8));
        // checkpoint 8 and leaves 5..7 deleted; the notary, restarted, sees checkpoint 5 as the last one and the log
        // grows again with other events to size 10: consistent with 5, not with the 8 US-DEA signed
        Log regrown = log.prefix(5);
        regrown.grow(5);
        Checkpoint ten = regrown.checkpoint();
        assertThat(new Merkle().verifyConsistency(5, 10, log.tree.root(5), ten.rootHash(),
                regrown.tree.consistencyProof(5, 10))).as("control: it extends checkpoint 5").isTrue();
        assertRefused(us.consider(ten, regrown.tree.consistencyProof(8, 10)), CoSigner.Refusal.INCONSISTENT,
                "does not extend the checkpoint US-DEA signed last (size 8");
    }

    @Test
    void positionsThatGoBackAnotherLogAndAnotherAgencysCheckpointAreRefused() {
        log.grow(5);
        Checkpoint five = log.checkpoint();
        sign(five, List.of());
        log.grow(3);
        Checkpoint eight = log.checkpoint();
        List<byte[]> proof = log.tree.consistencyProof(5, 8);
        assertRefused(us.consider(new Checkpoint(ORIGIN, 8, eight.rootHash(), eight.time(), five.lastPosition() + 2,
                eight.agencies()), proof), CoSigner.Refusal.POSITIONS, "ends at position " + (five.lastPosition() + 2));
        assertRefused(us.consider(new Checkpoint("jointops-staging", 8, eight.rootHash(), eight.time(),
                eight.lastPosition(), eight.agencies()), proof), CoSigner.Refusal.ORIGIN, "log 'jointops-staging'");
        assertRefused(us.consider(new Checkpoint(ORIGIN, 8, eight.rootHash(), eight.time(), eight.lastPosition(),
                List.of("CN-NNCC")), proof), CoSigner.Refusal.NOT_A_PARTICIPANT, "not US-DEA");
        sign(eight, proof);
    }

    @Test
    void theStateFileIsReplacedWholeAndOneCoSignerHoldsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("us-dea.state");
        CoSignerState state = CoSignerState.file(file);
        assertThat(state.exists()).isFalse();
        assertThatThrownBy(state::read).isInstanceOf(IllegalStateException.class).hasMessageContaining("no co-signer state");
        state.write(CoSignerState.State.initial(ORIGIN, "US-DEA"));
        CoSigner fromFile = new CoSigner("US-DEA", US.getPrivate(), state);
        log.grow(4);
        Checkpoint four = log.checkpoint();
        signed(fromFile.consider(four, List.of()));
        assertThat(Files.readString(file)).isEqualTo(CoSignerState.VERSION + "\norigin=jointops\nagency=US-DEA\nsize=4\n"
                + "root=" + HexFormat.of().formatHex(four.rootHash()) + "\ntime=" + four.time() + "\nlast-position="
                + four.lastPosition() + "\n");
        assertThat(CoSignerState.file(file).read().treeSize()).isEqualTo(4);
        try (AutoCloseable held = state.lock()) {
            assertThatThrownBy(() -> CoSignerState.file(file).lock()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another co-signer holds");
        }
        state.lock().close();
        Files.writeString(file, "jointops-cosigner/v1\norigin=jointops\nagency=US-DEA\nsize=4\ntime=\nlast-position=9\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(state::read).hasMessageContaining("has no root=");
    }

    // --- helpers

    private static CoSigner coSigner(SyntheticLog log, String agency) {
        return new CoSigner(agency, log.agencies.get(agency).getPrivate(),
                CoSignerState.memory(CoSignerState.State.initial(log.origin, agency)));
    }

    private void sign(Checkpoint checkpoint, List<byte[]> proof) {
        signed(us.consider(checkpoint, proof));
    }

    private static byte[] signed(CoSigner.Decision decision) {
        assertThat(decision).as(String.valueOf(decision instanceof CoSigner.Refused r ? r.reason() : ""))
                .isInstanceOf(CoSigner.Signed.class);
        return ((CoSigner.Signed) decision).signature();
    }

    static void assertRefused(CoSigner.Decision decision, CoSigner.Refusal kind, String... phrases) {
        assertThat(decision).isInstanceOf(CoSigner.Refused.class);
        CoSigner.Refused refused = (CoSigner.Refused) decision;
        assertThat(refused.kind()).as(refused.reason()).isEqualTo(kind);
        for (String phrase : phrases) {
            assertThat(refused.reason()).contains(phrase);
        }
    }

    /** A log as the notary keeps it: random content hashes, a position per leaf (with a gap now and then). */
    static final class Log {
        final List<byte[]> leaves = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();
        final MerkleTree tree = new MerkleTree();
        private final java.util.Random random = new java.util.Random();

        Log grow(int count) {
            for (int i = 0; i < count; i++) {
                byte[] hash = new byte[32];
                random.nextBytes(hash);
                append(hash, (positions.isEmpty() ? 0 : positions.get(positions.size() - 1)) + 1 + (leaves.size() % 3 == 2 ? 1 : 0));
            }
            return this;
        }

        void append(byte[] hash, long position) {
            leaves.add(hash);
            positions.add(position);
            tree.append(hash);
        }

        Checkpoint checkpoint() {
            return checkpoint(Instant.now().toString(), positions.get(positions.size() - 1));
        }

        Checkpoint checkpoint(String time, long lastPosition) {
            return new Checkpoint(ORIGIN, tree.size(), tree.root(tree.size()), time, lastPosition,
                    List.of("CN-NNCC", "US-DEA"));
        }

        Log prefix(int size) {
            Log copy = new Log();
            for (int i = 0; i < size; i++) {
                copy.append(leaves.get(i), positions.get(i));
            }
            return copy;
        }

        Log copyWithLeafChanged(int index) {
            Log copy = prefix(leaves.size());
            Log changed = new Log();
            for (int i = 0; i < copy.leaves.size(); i++) {
                byte[] hash = copy.leaves.get(i).clone();
                if (i == index) {
                    hash[0] ^= 1;
                }
                changed.append(hash, copy.positions.get(i));
            }
            return changed;
        }

        Log grownCopy(int count) {
            return prefix(leaves.size()).grow(count);
        }
    }
}
