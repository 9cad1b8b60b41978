package io.jointops.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HexFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files handed over together with a bundle (an evidence file, a case's dossier PDF): each must be the file whose
 * SHA-256 an event of the bundle logged when the file was added or produced. Fed the events the verifier proved
 * ({@link Verifier#verify(Bundle, java.util.Iterator, java.util.function.Consumer)}), so a match holds only as far as
 * the bundle verifies. Which events log a file, by their stored payload type (the verifier reads stored events, not
 * the services' classes): {@code io.jointops.api.evidence.EvidenceFileAddedEvent} and
 * {@code io.jointops.api.cases.CaseDossierProducedEvent}, both revision 1 with a top-level {@code sha256}.
 */
public final class HandedOverFiles {

    static final String EVIDENCE_ADDED = "io.jointops.api.evidence.EvidenceFileAddedEvent";
    /**
     * A file shared with an agency when its item was released to it: the event a recipient's bundle shows where the
     * one that added the file came before the release and is withheld (an intelligence report's draft).
     */
    static final String EVIDENCE_SHARED = "io.jointops.api.evidence.EvidenceFileSharedEvent";
    static final String DOSSIER_PRODUCED = "io.jointops.api.cases.CaseDossierProducedEvent";

    /** A file handed over, matched to the event that logged it. */
    public record Match(String file, String sha256, String loggedAs) {
    }

    /** name as given → SHA-256 of its bytes */
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> matches = new LinkedHashMap<>();

    /** Hashes each file now (streamed). */
    public HandedOverFiles(List<Path> paths) throws IOException {
        for (Path path : paths) {
            files.put(path.toString(), sha256(path));
        }
    }

    HandedOverFiles(Map<String, String> hashes) {
        files.putAll(hashes);
    }

    /** Takes a verified event: if it logged the hash of a file handed over, that file is matched. */
    public void accept(Bundle.Event event) {
        if (!EVIDENCE_ADDED.equals(event.payloadType()) && !EVIDENCE_SHARED.equals(event.payloadType())
                && !DOSSIER_PRODUCED.equals(event.payloadType())) {
            return;
        }
        JsonNode payload;
        try {
            payload = Bundles.mapper().readTree(Base64.getDecoder().decode(event.payload()));
        } catch (IOException | IllegalArgumentException e) {
            return; // its content hash verified, so it is what was logged; it just logs no file
        }
        String sha256 = payload.path("sha256").asText("");
        files.forEach((file, hash) -> {
            if (hash.equals(sha256) && !matches.containsKey(file)) {
                matches.put(file, describe(event, payload));
            }
        });
    }

    /** Every file matched, in the order given; else the first one that is not, as a verification failure. */
    public List<Match> matches(Bundle.Scope scope) throws VerificationException {
        List<Match> result = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String loggedAs = matches.get(file.getKey());
            if (loggedAs == null) {
                throw new VerificationException("the file " + file.getKey() + " (SHA-256 " + file.getValue()
                        + ") is not a file the bundle's events logged: no evidence file added to "
                        + scope.describe() + " and no dossier of it has this hash, among the events the bundle shows"
                        + " (it was altered, or it is another file)");
            }
            result.add(new Match(file.getKey(), file.getValue(), loggedAs));
        }
        return result;
    }

    private static String describe(Bundle.Event event, JsonNode payload) {
        String where = " (event " + event.eventIdentifier() + ", sequence " + event.sequenceNumber() + " of "
                + event.aggregateIdentifier() + ", " + event.timeStamp() + ")";
        if (DOSSIER_PRODUCED.equals(event.payloadType())) {
            return "dossier " + payload.path("dossierId").asText() + " of case " + payload.path("caseId").asText()
                    + ", produced for " + payload.path("agency").asText() + " by "
                    + payload.path("producedBy").asText() + where;
        }
        if (EVIDENCE_SHARED.equals(event.payloadType())) {
            return "evidence file " + payload.path("fileId").asText() + " of " + payload.path("itemId").asText()
                    + ", shared with " + payload.path("agency").asText() + where;
        }
        return "evidence file " + payload.path("fileId").asText() + " " + name(payload.path("originalName"))
                + " (" + payload.path("contentType").asText() + ", " + payload.path("size").asLong()
                + " bytes), added by " + payload.path("addedBy").asText() + " of " + payload.path("agency").asText()
                + where;
    }

    /**
     * A file's name as the event stored it: in quotes, or, where it is stored as personal data (an envelope
     * {@code {"$personal": key id, "ciphertext": ...}}, docs/privacy.md), said so: the verifier holds no key, and the
     * match rests on the hash, which is stored in the clear.
     */
    private static String name(JsonNode originalName) {
        if (originalName.isTextual()) {
            return "'" + originalName.asText() + "'";
        }
        return originalName.has("$personal") ? "(name stored encrypted as personal data)" : "(no name)";
    }

    static String sha256(Path path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
