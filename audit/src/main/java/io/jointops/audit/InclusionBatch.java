package io.jointops.audit;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies many inclusion proofs against one tree (RFC 9162, 2.1.3.2) and remembers every node a verified proof
 * proved: the path nodes it computed and the siblings it supplied. The events of one item sit close together in the
 * log, so their proofs share most of their upper nodes. Once a proof reaches a node already proved, each of its
 * remaining elements is compared with the sibling already proved instead of hashed; and a proof may stop there
 * ({@link #shortest}: bundles of format v2 and later carry only that much), since the rest of its path is proved already.
 * Every element given is checked, a proof may not be longer than its path, and one that stops short of the root
 * must stop at a proved node, so a rewritten or missing element is found wherever it is.
 * <p>
 * Not thread-safe: one batch per verification or export.
 */
public final class InclusionBatch {

    private final long treeSize;
    private final byte[] root;
    private final Merkle merkle = new Merkle();
    /** Proved nodes by {@link #key}: the subtree of height {@code level} whose first leaf is {@code index << level}. */
    private final Map<Long, byte[]> proved = new HashMap<>();

    public InclusionBatch(long treeSize, byte[] root) {
        this.treeSize = treeSize;
        this.root = root;
    }

    /** {@link #check}: the proof does not reach the root nor a node proved before. */
    public static final int STOPS_SHORT = -2;

    /** The leaf hash sits at {@code index} of the tree, by {@code proof} (hashes, in RFC 9162 order) and the nodes proved before. */
    public boolean verify(long index, byte[] leafHash, List<byte[]> proof) {
        return needed(index, leafHash, proof) >= 0;
    }

    /** As {@link #verify}: how many elements were needed, -1 if it fails, {@link #STOPS_SHORT} if it stops short. */
    int check(long index, byte[] leafHash, List<byte[]> proof) {
        return needed(index, leafHash, proof);
    }

    /**
     * The leading elements of a full {@code proof} that, with the proofs verified before, prove the leaf: they end
     * where its path meets a node an earlier proof proved. Throws if the proof does not verify.
     */
    public List<byte[]> shortest(long index, byte[] leafHash, List<byte[]> proof) {
        int needed = needed(index, leafHash, proof);
        if (needed < 0) { // a full proof never stops short
            throw new IllegalArgumentException("the proof of leaf " + index + " does not lead to the root");
        }
        return proof.subList(0, needed);
    }

    /** How many elements of the proof were needed, or negative if it does not prove the leaf. */
    private int needed(long index, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= treeSize) {
            return -1;
        }
        int n = proof.size();
        long[] siblingKeys = new long[n];
        long[] nodeKeys = new long[n];
        byte[][] nodes = new byte[n][];
        long fn = index;
        long sn = treeSize - 1;
        int level = 0;
        byte[] r = leafHash;
        boolean known = false; // r is a node already proved: the rest of the path only needs comparing
        int needed = n;
        if (proved.containsKey(key(0, fn))) {
            if (!MessageDigest.isEqual(proved.get(key(0, fn)), r)) {
                return -1;
            }
            known = true;
            needed = 0;
        }
        for (int i = 0; i < n; i++) {
            byte[] p = proof.get(i);
            if (sn == 0) {
                return -1; // the proof is longer than the path
            }
            boolean left = (fn & 1) == 1 || fn == sn; // the sibling is on the left
            if (left && (fn & 1) == 0) {
                // r is the right edge of the tree with no sibling at this height: it moves up unchanged
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                    level++;
                }
            }
            siblingKeys[i] = key(level, left ? fn - 1 : fn + 1);
            fn >>= 1;
            sn >>= 1;
            level++;
            nodeKeys[i] = key(level, fn);
            if (known) {
                if (!MessageDigest.isEqual(proved.get(siblingKeys[i]), p)) {
                    return -1;
                }
                continue;
            }
            r = left ? merkle.nodeHash(p, r) : merkle.nodeHash(r, p);
            nodes[i] = r;
            byte[] already = proved.get(nodeKeys[i]);
            if (already != null) {
                if (!MessageDigest.isEqual(already, r)) {
                    return -1;
                }
                known = true;
                needed = i + 1;
            }
        }
        // a path that reached a proved node may stop there; any other must reach the root, and be it
        if (!known && sn != 0) {
            return STOPS_SHORT;
        }
        if (!known && !MessageDigest.isEqual(r, root)) {
            return -1;
        }
        proved.put(key(0, index), leafHash);
        for (int i = 0; i < n && nodes[i] != null; i++) {
            proved.putIfAbsent(siblingKeys[i], proof.get(i));
            proved.putIfAbsent(nodeKeys[i], nodes[i]);
        }
        return needed;
    }

    /** An independent copy of what this batch has proved. */
    InclusionBatch copy() {
        InclusionBatch copy = new InclusionBatch(treeSize, root);
        copy.proved.putAll(proved);
        return copy;
    }

    /**
     * A node's key. At the right edge of a tree whose size is no power of two, a subtree with only a left half is that
     * half (RFC 9162 promotes it unchanged), so such a node is keyed as its left half, down to where it is whole.
     */
    private long key(int level, long index) {
        while (level > 0 && (index << level) + (1L << (level - 1)) >= treeSize) {
            level--;
            index <<= 1;
        }
        return ((long) level << 57) | index; // leaf indexes stay below 2^57
    }
}
