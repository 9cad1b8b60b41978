package io.jointops.audit;

import java.util.HexFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a {@link CoSigner} keeps the checkpoint it signed last: a small text file of its own (or memory, in tests),
 * never the log's database. The file, one setting a line:
 * <pre>
 * jointops-cosigner/v1
 * origin=jointops
 * agency=US-DEA
 * size=7
 * root=5f5ec8e9...
 * time=2026-11-26T06:27:54.899Z      (the signed checkpoint's; empty before the first signature)
 * last-position=8
 * </pre>
 * It is replaced atomically (written beside, then moved over), so a crash leaves the old state or the new one.
 */
public abstract class CoSignerState {

    static final String VERSION = "jointops-cosigner/v1";

    /** The checkpoint last signed; {@code time} is null in the initial state (size 0: nothing signed yet). */
    public record State(String origin, String agency, long treeSize, byte[] rootHash, String time, long lastPosition) {

        public State {
            if (origin == null || !Checkpoint.NAME.matcher(origin).matches()) {
                throw new IllegalArgumentException("origin must be 1-64 of A-Z a-z 0-9 . _ -, not " + origin);
            }
            if (agency == null || !Checkpoint.NAME.matcher(agency).matches()) {
                throw new IllegalArgumentException("agency must be 1-64 of A-Z a-z 0-9 . _ -, not " + agency);
            }
            if (treeSize < 0 || lastPosition < 0 || rootHash == null || rootHash.length != Merkle.HASH_SIZE) {
                throw new IllegalArgumentException("a state needs a size and last position of 0 or more and a"
                        + " 32-byte root");
            }
            if (time != null) {
                Instant.parse(time);
            }
        }

        /** Nothing signed yet: the empty tree, which every tree extends (trust on first use). */
        public static State initial(String origin, String agency) {
            return new State(origin, agency, 0, new Merkle().emptyRoot(), null, 0);
        }

        public String text() {
            return VERSION + "\n"
                    + "origin=" + origin + "\n"
                    + "agency=" + agency + "\n"
                    + "size=" + treeSize + "\n"
                    + "root=" + HexFormat.of().formatHex(rootHash) + "\n"
                    + "time=" + (time == null ? "" : time) + "\n"
                    + "last-position=" + lastPosition + "\n";
        }

        /** Reads the text form; throws {@link IllegalArgumentException} saying what is wrong. */
        public static State parse(String text) {
            String[] lines = text.split("\n");
            if (lines.length == 0 || !lines[0].strip().equals(VERSION)) {
                throw new IllegalArgumentException("does not start with " + VERSION);
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0 || values.put(line.substring(0, eq), line.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException("line " + (i + 1) + " is not one new 'name=value': " + line);
                }
            }
            try {
                String time = required(values, "time");
                return new State(required(values, "origin"), required(values, "agency"),
                        Long.parseLong(required(values, "size")), Hex.hash(required(values, "root"), "root"),
                        time.isEmpty() ? null : time, Long.parseLong(required(values, "last-position")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        private static String required(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("has no " + name + "=");
            }
            return value;
        }
    }

    /** The state last written; throws {@link IllegalStateException} if there is none or it cannot be read. */
    public abstract State read();

    /** Replaces the state. */
    public abstract void write(State state);

    /** Whether a state exists (a new co-signer has none until it is initialised). */
    public abstract boolean exists();

    /** Holds off other co-signer processes on the same state until closed. */
    public abstract AutoCloseable lock();

    /** A state in memory, for tests and for a co-signer that runs inside another process. */
    public static CoSignerState memory(State initial) {
        return new CoSignerState() {
            private State state = initial;

            @Override
            public synchronized State read() {
                if (state == null) {
                    throw new IllegalStateException("no state");
                }
                return state;
            }

            @Override
            public synchronized void write(State state) {
                this.state = state;
            }

            @Override
            public synchronized boolean exists() {
                return state != null;
            }

            @Override
            public AutoCloseable lock() {
                return () -> {
                };
            }
        };
    }

    /** A state file; see the class comment. */
    public static CoSignerState file(Path file) {
        return new FileState(file);
    }

    private static final class FileState extends CoSignerState {
        private final Path file;

        FileState(Path file) {
            this.file = file.toAbsolutePath();
        }

        @Override
        public State read() {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalStateException("no co-signer state file " + file, e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the co-signer state file " + file + ": " + e, e);
            }
            try {
                return State.parse(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the co-signer state file " + file + " " + e.getMessage(), e);
            }
        }

        @Override
        public void write(State state) {
            try {
                Path dir = file.getParent();
                Files.createDirectories(dir);
                Path next = dir.resolve(file.getFileName() + ".next");
                Files.writeString(next, state.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                try {
                    Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the co-signer state file " + file + ": " + e, e);
            }
        }

        @Override
        public boolean exists() {
            return Files.exists(file);
        }

        @Override
        public AutoCloseable lock() {
            try {
                Files.createDirectories(file.getParent());
                FileChannel channel = FileChannel.open(file.getParent().resolve(file.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new IllegalStateException("another co-signer holds " + file + ".lock: one co-signer per"
                            + " state file");
                }
                FileLock held = lock;
                return () -> {
                    held.release();
                    channel.close();
                };
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock the co-signer state file " + file + ": " + e, e);
            }
        }
    }
}
