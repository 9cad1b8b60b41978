package io.jointops.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only RFC 9162 Merkle tree kept in memory: the hashes of all leaves and of every complete (perfect,
 * aligned) subtree, 64 bytes per leaf in all. Roots of any earlier size and all proofs are computed from them in
 * O(log n) hashes. Not thread-safe; the notary guards it.
 */
public final class MerkleTree {

    /** Hashes per chunk of a level: 2^15 hashes, 1 MiB. */
    private static final int CHUNK_BITS = 15;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final Merkle merkle = new Merkle();
    /** levels.get(h) holds the hashes of the complete subtrees of 2^h leaves, left to right. */
    private final List<Level> levels = new ArrayList<>();
    private long size;

    public long size() {
        return size;
    }

    /** Appends a leaf whose data is {@code contentHash}; returns its index. */
    public long append(byte[] contentHash) {
        long index = size;
        byte[] node = merkle.leafHash(contentHash);
        int height = 0;
        level(0).add(node);
        size++;
        // every completed pair of subtrees completes their parent
        while (level(height).count() % 2 == 0) {
            Level level = level(height);
            byte[] parent = merkle.nodeHash(level.get(level.count() - 2), level.get(level.count() - 1));
            level(height + 1).add(parent);
            height++;
        }
        return index;
    }

    /** Forgets every leaf from {@code newSize} on (used when storing them failed). */
    public void truncate(long newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate a tree of " + size + " leaves to " + newSize);
        }
        for (int h = 0; h < levels.size(); h++) {
            levels.get(h).truncate(newSize >> h);
        }
        size = newSize;
    }

    /** The data of leaf {@code index} is not kept, only its leaf hash. */
    public byte[] leafHash(long index) {
        checkIndex(index, size);
        return level(0).get(index);
    }

    /** The root of the tree made of the first {@code treeSize} leaves. */
    public byte[] root(long treeSize) {
        checkSize(treeSize);
        return treeSize == 0 ? merkle.emptyRoot() : hash(0, treeSize);
    }

    /** RFC 9162, 2.1.3.1: the audit path of leaf {@code index} in the tree of the first {@code treeSize} leaves. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        checkIndex(index, treeSize);
        List<byte[]> path = new ArrayList<>();
        inclusion(index, 0, treeSize, path);
        return path;
    }

    private void inclusion(long index, long lo, long hi, List<byte[]> path) {
        if (hi - lo == 1) {
            return;
        }
        long k = Merkle.split(hi - lo);
        if (index < lo + k) {
            inclusion(index, lo, lo + k, path);
            path.add(hash(lo + k, hi));
        } else {
            inclusion(index, lo + k, hi, path);
            path.add(hash(lo, lo + k));
        }
    }

    /** RFC 9162, 2.1.4.1: the proof that the tree of {@code secondSize} leaves extends that of {@code firstSize}. */
    public List<byte[]> consistencyProof(long firstSize, long secondSize) {
        checkSize(secondSize);
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("a consistency proof needs 0 <= first size <= second size, not "
                    + firstSize + " and " + secondSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (firstSize > 0 && firstSize < secondSize) {
            subproof(firstSize, 0, secondSize, true, proof);
        }
        return proof;
    }

    private void subproof(long m, long lo, long hi, boolean complete, List<byte[]> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!complete) {
                proof.add(hash(lo, hi));
            }
            return;
        }
        long k = Merkle.split(n);
        if (m <= k) {
            subproof(m, lo, lo + k, complete, proof);
            proof.add(hash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, proof);
            proof.add(hash(lo, lo + k));
        }
    }

    /**
     * The range proof of the leaves {@code first .. end - 1} in the tree of {@code treeSize} leaves: left to right,
     * the hashes of the maximal subtrees of RFC 9162's decomposition that lie wholly outside the range.
     */
    public List<byte[]> rangeProof(long first, long end, long treeSize) {
        checkSize(treeSize);
        if (first < 0 || first >= end || end > treeSize) {
            throw new IllegalArgumentException("no leaves " + first + ".." + (end - 1) + " in a tree of " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        range(0, treeSize, first, end, proof);
        return proof;
    }

    private void range(long lo, long hi, long first, long end, List<byte[]> proof) {
        if (hi <= first || lo >= end) {
            proof.add(hash(lo, hi));
            return;
        }
        if (first <= lo && hi <= end) {
            return;
        }
        long k = Merkle.split(hi - lo);
        range(lo, lo + k, first, end, proof);
        range(lo + k, hi, first, end, proof);
    }

    /** MTH of the leaves lo .. hi - 1, where [lo, hi) is a subtree of RFC 9162's decomposition of a prefix. */
    private byte[] hash(long lo, long hi) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            int height = Long.numberOfTrailingZeros(n);
            return level(height).get(lo >> height);
        }
        long k = Merkle.split(n);
        return merkle.nodeHash(hash(lo, lo + k), hash(lo + k, hi));
    }

    private void checkSize(long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not between 0 and " + size);
        }
    }

    private static void checkIndex(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + treeSize + " leaves");
        }
    }

    private Level level(int height) {
        while (levels.size() <= height) {
            levels.add(new Level());
        }
        return levels.get(height);
    }

    /** Hashes of one height, in chunks of flat byte arrays. */
    private static final class Level {
        private final List<byte[]> chunks = new ArrayList<>();
        private long count;

        long count() {
            return count;
        }

        void add(byte[] hash) {
            int offset = (int) (count & (CHUNK - 1));
            int chunk = (int) (count >> CHUNK_BITS);
            if (chunks.size() <= chunk) {
                chunks.add(new byte[64 * Merkle.HASH_SIZE]); // grows to a full chunk as it fills
            }
            byte[] hashes = chunks.get(chunk);
            if (hashes.length < (offset + 1) * Merkle.HASH_SIZE) {
                hashes = java.util.Arrays.copyOf(hashes, Math.min(CHUNK, 2 * (offset + 1)) * Merkle.HASH_SIZE);
                chunks.set(chunk, hashes);
            }
            System.arraycopy(hash, 0, hashes, offset * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
            count++;
        }

        byte[] get(long index) {
            byte[] hash = new byte[Merkle.HASH_SIZE];
            int offset = (int) (index & (CHUNK - 1));
            System.arraycopy(chunks.get((int) (index >> CHUNK_BITS)), offset * Merkle.HASH_SIZE, hash, 0, Merkle.HASH_SIZE);
            return hash;
        }

        void truncate(long newCount) {
            count = Math.min(count, newCount);
            long chunksNeeded = (count + CHUNK - 1) >> CHUNK_BITS;
            while (chunks.size() > chunksNeeded) {
                chunks.remove(chunks.size() - 1);
            }
        }
    }
}
