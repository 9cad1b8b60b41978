package io.jointops.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The hashing and proof verification of RFC 9162 (Certificate Transparency 2.0), section 2.1, with SHA-256: leaf hash
 * {@code SHA-256(0x00 || d)}, interior node hash {@code SHA-256(0x01 || left || right)}, and the verification
 * algorithms of sections 2.1.3.2 (inclusion) and 2.1.4.2 (consistency). Also the range proof of this log
 * ({@code docs/audit-format.md}): the hashes of the subtrees beside a run of consecutive leaves.
 * <p>
 * Instances hold a reusable {@link MessageDigest} and are not thread-safe.
 */
public final class Merkle {

    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private final MessageDigest sha256;

    public Merkle() {
        this.sha256 = sha256();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public byte[] emptyRoot() {
        sha256.reset();
        return sha256.digest();
    }

    /** {@code SHA-256(0x00 || data)}: the hash of one leaf, whose data in this log is an event's content hash. */
    public byte[] leafHash(byte[] data) {
        sha256.reset();
        sha256.update(LEAF_PREFIX);
        sha256.update(data);
        return sha256.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public byte[] nodeHash(byte[] left, byte[] right) {
        sha256.reset();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The largest power of two smaller than {@code n} (n &gt; 1): where RFC 9162 splits a tree of n leaves. */
    public static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The root an inclusion proof leads to (RFC 9162, 2.1.3.2), or {@code null} if the proof has the wrong shape
     * for the index and tree size.
     */
    public byte[] rootFromInclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= treeSize) {
            return null;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** RFC 9162, 2.1.3.2: the leaf is at {@code index} of the tree of {@code treeSize} whose root is {@code root}. */
    public boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
        byte[] computed = rootFromInclusionProof(index, treeSize, leafHash, proof);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /**
     * RFC 9162, 2.1.4.2: the tree of {@code secondSize} leaves with root {@code secondRoot} extends the tree of
     * {@code firstSize} leaves with root {@code firstRoot} (the log only grew).
     */
    public boolean verifyConsistency(long firstSize, long secondSize, byte[] firstRoot, byte[] secondRoot,
                                     List<byte[]> proof) {
        if (firstSize < 0 || firstSize > secondSize) {
            return false;
        }
        if (firstSize == secondSize) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (firstSize == 0) {
            return proof.isEmpty(); // every tree extends the empty one
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(firstSize) == 1) {
            byte[][] withFirst = new byte[proof.size() + 1][];
            withFirst[0] = firstRoot;
            for (int i = 0; i < proof.size(); i++) {
                withFirst[i + 1] = proof.get(i);
            }
            path = Arrays.asList(withFirst);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /**
     * The root a range proof leads to: {@code leafHashes} are the leaves {@code first .. first + leafHashes.length - 1}
     * of a tree of {@code treeSize} leaves, and {@code proof} holds, left to right, the hashes of the maximal subtrees
     * of RFC 9162's decomposition that lie wholly outside the range. Returns {@code null} if the proof has the wrong
     * number of hashes.
     */
    public byte[] rootFromRangeProof(long first, byte[][] leafHashes, long treeSize, List<byte[]> proof) {
        long end = first + leafHashes.length;
        if (first < 0 || leafHashes.length == 0 || end > treeSize) {
            return null;
        }
        int[] next = {0};
        byte[] root = range(0, treeSize, first, end, leafHashes, proof, next);
        return root != null && next[0] == proof.size() ? root : null;
    }

    private byte[] range(long lo, long hi, long first, long end, byte[][] leaves, List<byte[]> proof, int[] next) {
        if (hi <= first || lo >= end) {
            return next[0] < proof.size() ? proof.get(next[0]++) : null;
        }
        if (hi - lo == 1) {
            return leaves[(int) (lo - first)];
        }
        long k = split(hi - lo);
        byte[] left = range(lo, lo + k, first, end, leaves, proof, next);
        byte[] right = left == null ? null : range(lo + k, hi, first, end, leaves, proof, next);
        return right == null ? null : nodeHash(left, right);
    }
}
