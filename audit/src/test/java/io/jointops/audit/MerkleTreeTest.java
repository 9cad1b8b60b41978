package io.jointops.audit;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tree against the RFC 6962/9162 reference vectors (Certificate Transparency's test data), and its proofs. */
class MerkleTreeTest {

    /** The eight leaf inputs of CT's reference tree. */
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    /** Its roots for sizes 0..8. */
    static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    final Merkle merkle = new Merkle();

    /** A tree whose leaf data are the reference inputs (the tree takes leaf data, which here need not be 32 bytes). */
    static MerkleTree referenceTree() {
        MerkleTree tree = new MerkleTree();
        for (String leaf : LEAVES) {
            tree.append(HexFormat.of().parseHex(leaf));
        }
        return tree;
    }

    @Test
    void rootsMatchTheReferenceForEverySize() {
        MerkleTree tree = referenceTree();
        for (int size = 0; size <= 8; size++) {
            assertThat(HexFormat.of().formatHex(tree.root(size))).as("root of size %d", size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void inclusionProofsMatchTheReference() {
        MerkleTree tree = referenceTree();
        assertThat(hex(tree.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.inclusionProof(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.inclusionProof(2, 3))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex(tree.inclusionProof(1, 5))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(tree.inclusionProof(0, 1)).isEmpty();
    }

    @Test
    void consistencyProofsMatchTheReference() {
        MerkleTree tree = referenceTree();
        assertThat(tree.consistencyProof(1, 1)).isEmpty();
        assertThat(hex(tree.consistencyProof(1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.consistencyProof(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.consistencyProof(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void everyInclusionProofVerifiesAndFailsWhenAltered() {
        MerkleTree tree = generated(70);
        for (long size = 1; size <= 70; size++) {
            byte[] root = tree.root(size);
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                byte[] leaf = tree.leafHash(index);
                assertThat(merkle.verifyInclusion(index, size, leaf, proof, root)).as("leaf %d of %d", index, size).isTrue();
                // a different leaf, index, size or root, or any altered, missing or extra element fails
                assertThat(merkle.verifyInclusion(index, size, flip(leaf), proof, root)).isFalse();
                if (size > 1) {
                    assertThat(merkle.verifyInclusion((index + 1) % size, size, leaf, proof, root)).isFalse();
                }
                assertThat(merkle.verifyInclusion(index, size * 2, leaf, proof, root)).isFalse();
                assertThat(merkle.verifyInclusion(index, size, leaf, proof, flip(root))).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    altered.set(i, flip(proof.get(i)));
                    assertThat(merkle.verifyInclusion(index, size, leaf, altered, root)).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(merkle.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root)).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(merkle.verifyInclusion(index, size, leaf, longer, root)).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndFailsWhenAltered() {
        MerkleTree tree = generated(40);
        for (long second = 0; second <= 40; second++) {
            for (long first = 0; first <= second; first++) {
                List<byte[]> proof = tree.consistencyProof(first, second);
                byte[] firstRoot = tree.root(first);
                byte[] secondRoot = tree.root(second);
                assertThat(merkle.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d -> %d", first, second).isTrue();
                if (first > 0 && first < second) {
                    assertThat(merkle.verifyConsistency(first, second, flip(firstRoot), secondRoot, proof)).isFalse();
                    assertThat(merkle.verifyConsistency(first, second, firstRoot, flip(secondRoot), proof)).isFalse();
                    assertThat(merkle.verifyConsistency(first - 1, second, firstRoot, secondRoot, proof)).isFalse();
                    for (int i = 0; i < proof.size(); i++) {
                        List<byte[]> altered = new ArrayList<>(proof);
                        altered.set(i, flip(proof.get(i)));
                        assertThat(merkle.verifyConsistency(first, second, firstRoot, secondRoot, altered)).isFalse();
                    }
                    assertThat(merkle.verifyConsistency(first, second, firstRoot, secondRoot,
                            proof.subList(0, proof.size() - 1))).isFalse();
                }
            }
        }
        // a log that was rewritten, not extended: same sizes, another history
        MerkleTree other = generated(40);
        other.truncate(10);
        other.append(new byte[32]);
        assertThat(merkle.verifyConsistency(10, 11, tree.root(10), other.root(11), other.consistencyProof(10, 11))).isTrue();
        assertThat(merkle.verifyConsistency(10, 20, tree.root(10), tree.root(20), other.consistencyProof(10, 11))).isFalse();
    }

    @Test
    void rangeProofsVerifyForEveryRangeAndFailWhenALeafChanges() {
        MerkleTree tree = generated(37);
        for (long size = 1; size <= 37; size++) {
            byte[] root = tree.root(size);
            for (long first = 0; first < size; first++) {
                for (long end = first + 1; end <= size; end++) {
                    byte[][] leaves = new byte[(int) (end - first)][];
                    for (long i = first; i < end; i++) {
                        leaves[(int) (i - first)] = tree.leafHash(i);
                    }
                    List<byte[]> proof = tree.rangeProof(first, end, size);
                    assertThat(merkle.rootFromRangeProof(first, leaves, size, proof)).as("%d..%d of %d", first, end, size)
                            .isEqualTo(root);
                    leaves[leaves.length / 2] = flip(leaves[leaves.length / 2]);
                    assertThat(merkle.rootFromRangeProof(first, leaves, size, proof)).isNotEqualTo(root);
                }
            }
        }
    }

    @Test
    void truncationForgetsLeavesAndKeepsEarlierRoots() {
        MerkleTree tree = generated(100);
        byte[] root57 = tree.root(57);
        tree.truncate(57);
        assertThat(tree.size()).isEqualTo(57);
        assertThat(tree.root(57)).isEqualTo(root57);
        MerkleTree fresh = generated(100);
        for (long i = 57; i < 100; i++) {
            tree.append(data(i));
        }
        assertThat(tree.root(100)).isEqualTo(fresh.root(100));
        assertThatThrownBy(() -> tree.root(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeTreesSpanSeveralChunks() {
        MerkleTree tree = new MerkleTree();
        List<byte[]> data = new ArrayList<>();
        for (long i = 0; i < 70_000; i++) {
            data.add(data(i));
            tree.append(data.get((int) i));
        }
        byte[] root = tree.root(70_000);
        for (long index : new long[]{0, 32_767, 32_768, 65_536, 69_999}) {
            assertThat(merkle.verifyInclusion(index, 70_000, merkle.leafHash(data.get((int) index)),
                    tree.inclusionProof(index, 70_000), root)).isTrue();
        }
        assertThat(merkle.verifyConsistency(40_000, 70_000, tree.root(40_000), root, tree.consistencyProof(40_000, 70_000)))
                .isTrue();
    }

    static MerkleTree generated(int size) {
        MerkleTree tree = new MerkleTree();
        for (long i = 0; i < size; i++) {
            tree.append(data(i));
        }
        return tree;
    }

    static byte[] data(long i) {
        return Merkle.sha256().digest(("leaf " + i).getBytes());
    }

    static byte[] flip(byte[] hash) {
        byte[] copy = hash.clone();
        copy[0] ^= 1;
        return copy;
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList();
    }
}
