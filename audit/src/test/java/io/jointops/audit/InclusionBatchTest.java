package io.jointops.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.jointops.audit.MerkleTreeTest.flip;
import static io.jointops.audit.MerkleTreeTest.generated;
import static org.assertj.core.api.Assertions.assertThat;

class InclusionBatchTest {

    @Test
    void everyLeafOfEveryTreeSizeVerifiesInOneBatchInAnyOrder() {
        MerkleTree tree = generated(70);
        for (long size = 1; size <= 70; size++) {
            List<Long> order = new ArrayList<>();
            for (long i = 0; i < size; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(size));
            InclusionBatch batch = new InclusionBatch(size, tree.root(size));
            for (long index : order) {
                assertThat(batch.verify(index, tree.leafHash(index), tree.inclusionProof(index, size)))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void anAlteredOrExtraElementFailsEvenWhereItsNodesWereProvedBefore() {
        MerkleTree tree = generated(70);
        for (long size = 2; size <= 70; size++) {
            byte[] root = tree.root(size);
            for (long index = 1; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                for (int i = 0; i < proof.size(); i++) {
                    InclusionBatch batch = provedUpTo(tree, size, index);
                    List<byte[]> altered = new ArrayList<>(proof);
                    altered.set(i, flip(proof.get(i)));
                    assertThat(batch.verify(index, tree.leafHash(index), altered))
                            .as("element %d of the proof of leaf %d of %d", i, index, size).isFalse();
                }
                InclusionBatch batch = provedUpTo(tree, size, index);
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(batch.verify(index, tree.leafHash(index), longer)).isFalse();
                assertThat(batch.verify(index, flip(tree.leafHash(index)), proof)).isFalse();
                assertThat(batch.verify(index, tree.leafHash(index), proof)).isTrue();
            }
        }
    }

    @Test
    void aProofCutBeforeItMeetsAProvedNodeFails() {
        MerkleTree tree = generated(70);
        for (long size = 2; size <= 70; size++) {
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertThat(new InclusionBatch(size, tree.root(size))
                        .verify(index, tree.leafHash(index), proof.subList(0, proof.size() - 1)))
                        .as("leaf %d of %d", index, size).isFalse();
            }
        }
    }

    @Test
    void shortestProofsVerifyInTheirOrderAndNoElementOfThemCanBeAlteredOrDropped() {
        MerkleTree tree = generated(300);
        for (long size : new long[]{1, 2, 3, 7, 8, 9, 64, 100, 255, 300}) {
            // an item's leaves: scattered, ascending, some next to each other
            List<Long> leaves = new ArrayList<>();
            Random random = new Random(size);
            for (long i = 0; i < size; i++) {
                if (random.nextInt(3) == 0 || i == size - 1) {
                    leaves.add(i);
                }
            }
            InclusionBatch exporter = new InclusionBatch(size, tree.root(size));
            List<List<byte[]>> shortest = new ArrayList<>();
            int full = 0;
            int kept = 0;
            for (long leaf : leaves) {
                List<byte[]> proof = tree.inclusionProof(leaf, size);
                shortest.add(List.copyOf(exporter.shortest(leaf, tree.leafHash(leaf), proof)));
                full += proof.size();
                kept += shortest.get(shortest.size() - 1).size();
            }
            if (leaves.size() > 4) {
                assertThat(kept).as("hashes kept of %d, size %d", full, size).isLessThan(full);
            }
            InclusionBatch verifier = new InclusionBatch(size, tree.root(size));
            for (int k = 0; k < leaves.size(); k++) {
                long leaf = leaves.get(k);
                List<byte[]> proof = shortest.get(k);
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    altered.set(i, flip(proof.get(i)));
                    assertThat(verifier.copy().verify(leaf, tree.leafHash(leaf), altered)).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(verifier.copy().verify(leaf, tree.leafHash(leaf), proof.subList(0, proof.size() - 1)))
                            .as("leaf %d of %d without its last needed element", leaf, size).isFalse();
                }
                assertThat(verifier.verify(leaf, tree.leafHash(leaf), proof)).as("leaf %d of %d", leaf, size).isTrue();
            }
        }
    }


    @Test
    void aLeafAlreadyProvedCannotBeClaimedByOtherContentOrTheWrongTree() {
        MerkleTree tree = generated(40);
        InclusionBatch batch = provedUpTo(tree, 40, 40);
        assertThat(batch.verify(7, tree.leafHash(8), tree.inclusionProof(8, 40))).isFalse();
        assertThat(batch.verify(40, tree.leafHash(7), tree.inclusionProof(7, 40))).isFalse();
        assertThat(new InclusionBatch(40, flip(tree.root(40))).verify(3, tree.leafHash(3), tree.inclusionProof(3, 40)))
                .isFalse();
    }

    /** A batch that has verified leaves 0 .. end-1. */
    private static InclusionBatch provedUpTo(MerkleTree tree, long size, long end) {
        InclusionBatch batch = new InclusionBatch(size, tree.root(size));
        for (long i = 0; i < end; i++) {
            assertThat(batch.verify(i, tree.leafHash(i), tree.inclusionProof(i, size))).isTrue();
        }
        return batch;
    }
}
