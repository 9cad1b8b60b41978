package io.jointops.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The passwords of the embedded PostgreSQL's roles, generated for its data directory and kept beside it in
 * {@code <workDir>/db-credentials.properties} (readable by the user only; never in the repository): the administrator
 * {@code postgres} (used by the launcher only), the migration role {@link #OWNER} that owns the schemas, and each
 * service's own role {@code jointops_<schema>}. A fresh database gets fresh passwords; a kept one keeps them.
 */
public final class DatabaseCredentials {

    /** The administrator of the embedded PostgreSQL (its initdb superuser). */
    public static final String ADMIN = "postgres";
    /** The role that owns the schemas and runs every migration. */
    public static final String OWNER = "jointops_owner";
    static final String FILE = "db-credentials.properties";
    /** The first line of the pg_hba.conf the launcher writes: such a database accepts passwords only. */
    static final String HBA_MARKER = "# JointOps launcher: every role with its password (scram-sha-256)";

    private final Path file;
    private final Properties passwords;

    private DatabaseCredentials(Path file, Properties passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    /** The role a service connects with: {@code jointops_<schema>}. */
    public static String serviceRole(String schema) {
        return "jointops_" + schema;
    }

    /**
     * The passwords for the database in {@code <workDir>/pgdata}: new ones for a {@code fresh} database, else those kept,
     * each one missing generated and kept. Fails when a database that takes passwords only is kept but its passwords
     * are gone: nobody could log in to it.
     */
    public static synchronized DatabaseCredentials load(Path workDir, boolean fresh) {
        Path file = workDir.resolve(FILE);
        Properties passwords = new Properties();
        try {
            if (!fresh && Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    passwords.load(in);
                }
            } else if (!fresh && passwordsOnly(workDir.resolve("pgdata"))) {
                throw new StartupException("the database in " + workDir.resolve("pgdata") + " takes passwords only, and "
                        + file + " that held them is gone: put it back, or delete " + workDir.resolve("pgdata")
                        + " (its data goes with it) to start afresh", null);
            }
            boolean changed = fresh || !Files.exists(file);
            for (String role : roles()) {
                if (passwords.getProperty(role) == null) {
                    passwords.setProperty(role, randomPassword());
                    changed = true;
                }
            }
            if (changed) write(file, passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DatabaseCredentials(file, passwords);
    }

    /** Whether the launcher has switched this data directory's authentication to passwords. */
    static boolean passwordsOnly(Path pgdata) throws IOException {
        Path hba = pgdata.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
    }

    /** Every role with a password here: the administrator, the owner, each service's role. */
    static List<String> roles() {
        List<String> roles = new ArrayList<>(List.of(ADMIN, OWNER));
        Platform.SERVICES.forEach(service -> roles.add(serviceRole(service.schema())));
        return roles;
    }

    public String password(String role) {
        String password = passwords.getProperty(role);
        if (password == null) throw new IllegalArgumentException("no password for role " + role + " in " + file);
        return password;
    }

    public Path file() {
        return file;
    }

    /** Keeps the administrator's password as set on the database (given by the options rather than generated here). */
    synchronized void administratorPassword(String password) {
        if (password.equals(passwords.getProperty(ADMIN))) return;
        passwords.setProperty(ADMIN, password);
        try {
            write(file, passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written to a file only the user may read, then moved into place: never readable by others, not even briefly. */
    private static void write(Path file, Properties passwords) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            passwords.store(out, " Passwords of the database roles of " + file.resolveSibling("pgdata")
                    + " (JointOps launcher). Keep them with the data directory; never commit them.");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** 32 random bytes, base64url: nothing that needs quoting in SQL, a properties file or a command line. */
    private static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
