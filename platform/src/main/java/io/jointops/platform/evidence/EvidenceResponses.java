package io.jointops.platform.evidence;

import io.jointops.api.evidence.AddEvidenceFileCommand;
import io.jointops.api.evidence.EvidenceActor;
import io.jointops.api.evidence.EvidenceContent;
import io.jointops.api.evidence.EvidenceFileReadEvent;
import io.jointops.api.evidence.EvidenceIntegrityFailedEvent;
import io.jointops.platform.audit.AuditMetadata;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.query.ItemViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.query.Versioned;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.jointops.platform.web.ItemResponses;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every controller answers about the evidence files of one kind of item, in one way:
 * <ul>
 * <li>a file is seen exactly by whoever may see its item (the item's own {@code ItemResponses}); anyone else gets 404,
 *     as for a missing file;</li>
 * <li>an upload is the request's body, streamed ({@code Content-Type} the file's type, {@code name} and {@code reason}
 *     as parameters, as a release asset is uploaded to GitHub): checked, hashed and stored by {@link Upload}, then
 *     attached by the item's aggregate, which decides who may; 201 with the file;</li>
 * <li>a download sends the stored bytes, whole or one range ({@code Range: bytes=}, 206, or 416), with the file's
 *     SHA-256 as {@code ETag}, after checking each chunk against the hashes logged when the file was added: stored
 *     bytes that no longer match are refused with a 409 problem and an {@link EvidenceIntegrityFailedEvent};</li>
 * <li>every download is recorded ({@link EvidenceFileReadEvent}), and so is each file's custody, which any reader of
 *     the item may page through.</li>
 * </ul>
 */
public final class EvidenceResponses<V extends Versioned> {

    private static final Logger log = LoggerFactory.getLogger(EvidenceResponses.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 30;
    private static final int MAX_NAME = 255;
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d{0,18})-(\\d{0,18})$");

    private final Evidence evidence;
    private final String noun;
    private final String itemType;
    private final ItemViews<V> views;
    private final EventHistory history;
    private final ItemResponses<V> items;

    EvidenceResponses(Evidence evidence, String noun, String itemType, ItemViews<V> views, EventHistory history) {
        this.evidence = evidence;
        this.noun = noun;
        this.itemType = itemType;
        this.views = views;
        this.history = history;
        this.items = new ItemResponses<>(noun, views, evidence.commands, history);
    }

    // --- reading

    /** The item's files, if the caller may see the item (else 404). */
    public List<EvidenceFile> list(Caller caller, String itemId) {
        items.visible(caller, itemId);
        return evidence.ledger.files(itemId);
    }

    /** One file of the item, if the caller may see the item (else 404, also for a file of another item). */
    public ResponseEntity<EvidenceFile> get(Caller caller, String itemId, String fileId) {
        EvidenceFile file = file(caller, itemId, fileId);
        return ResponseEntity.ok().eTag(etag(file)).body(file);
    }

    /** Page {@code page} of a file's chain of custody, oldest first, for whoever may see the item (else 404). */
    public Page<CustodyEntry> custody(Caller caller, String itemId, String fileId, int page, int size) {
        file(caller, itemId, fileId);
        return evidence.ledger.custody(fileId, page, size);
    }

    private EvidenceFile file(Caller caller, String itemId, String fileId) {
        items.visible(caller, itemId);
        return evidence.ledger.file(itemId, fileId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No file '" + fileId + "' of " + noun + " '" + itemId + "' is visible to you."));
    }

    // --- uploading

    /**
     * Stores the request's body as a file of the item and has the item's aggregate attach it (or refuse: then the
     * bytes stay stored, unreferenced, and no download reaches them). Refusals before anything is stored: a missing or
     * bad {@code name}, {@code reason} or {@code supersedes} (400 naming it), a {@code Content-Type} that is not
     * accepted (415 naming it), a declared length above the type's limit (413). While streaming: bytes that are not
     * of the declared type (422 naming {@code Content-Type}), more bytes than the limit (413).
     *
     * @param location where a file of the item is read, from its id
     */
    public ResponseEntity<EvidenceFile> upload(Caller caller, String itemId, String name, String reason,
                                               String supersedes, HttpServletRequest request,
                                               Function<String, URI> location) throws IOException {
        items.visible(caller, itemId);
        if (name == null || name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("name", "must be the file's name: 1 to " + MAX_NAME
                    + " characters, no control characters");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidRequestException("reason", "must say why the file is added: 1 to 2000 characters");
        }
        if (supersedes != null && evidence.ledger.file(itemId, supersedes).isEmpty()) {
            throw new InvalidRequestException("supersedes", "'" + supersedes + "' is no file of this " + noun);
        }
        String declared = FileTypes.accepted(request.getContentType()).orElseThrow(() -> EvidenceProblem.of(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", HttpHeaders.CONTENT_TYPE,
                        "must be the file's type, one of " + FileTypes.ACCEPTED.stream().sorted().toList()
                                + " (archives are not accepted)")
                .with("accepted", FileTypes.ACCEPTED.stream().sorted().toList()));
        long limit = evidence.properties.limitFor(declared);
        if (request.getContentLengthLong() > limit) {
            throw Upload.tooLarge(declared, limit);
        }
        EvidenceStore.Blob blob = new Upload(evidence.store, (int) evidence.properties.chunkSize().toBytes())
                .store(request.getInputStream(), declared, limit);
        String fileId = UUID.randomUUID().toString();
        AddEvidenceFileCommand command = new AddEvidenceFileCommand(itemId, fileId, new EvidenceContent(blob.sha256(),
                blob.size(), blob.contentType(), blob.chunkSize(), blob.chunkListSha256()), name, reason, supersedes,
                new EvidenceActor(caller.userId(), caller.username(), caller.agency(), caller.roles()));
        evidence.commands.sendAndWait(new GenericCommandMessage<>(new GenericMessage<>(command),
                AddEvidenceFileCommand.nameFor(itemType)), COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // the caller's next read sees the file, and the item's new version (the file is one)
        views.awaitVersion(itemId, history.count(itemId) - 1, ReadYourWrites.TIMEOUT);
        EvidenceFile file = ReadYourWrites.await(itemId, () -> evidence.ledger.file(itemId, fileId), shown -> true,
                ReadYourWrites.TIMEOUT).orElse(null);
        if (supersedes != null) {
            // the superseded event may fall into the projector's next batch: the caller's next read of the old file
            // must say which one replaced it
            ReadYourWrites.await(itemId, () -> evidence.ledger.file(itemId, supersedes),
                    old -> fileId.equals(old.supersededBy()), ReadYourWrites.TIMEOUT);
        }
        return ResponseEntity.created(location.apply(fileId)).eTag("\"" + blob.sha256() + "\"").body(file);
    }

    // --- downloading

    /**
     * Sends file {@code fileId} of the item, whole or the one range asked for, if the caller may see the item (else
     * 404), each chunk checked against the hashes the item's events logged before it goes out, and records the read.
     * A {@code Range} this does not serve (several ranges, another unit, malformed) is ignored, as RFC 9110 allows, and
     * so is one whose {@code If-Range} names another version; a range that starts past the end is a 416 problem.
     */
    public void download(Caller caller, String itemId, String fileId, String range, String ifRange,
                         String ifNoneMatch, HttpServletResponse response) throws IOException {
        EvidenceFile file = file(caller, itemId, fileId);
        String etag = etag(file);
        EvidenceStore.Blob blob = evidence.store.blob(file.sha256()).orElse(null);
        if (blob == null || blob.size() != file.size() || !blob.chunkListSha256().equals(file.chunkListSha256())) {
            throw integrityFailed(caller, file, -1);
        }
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || List.of(ifNoneMatch.split(",")).stream()
                .map(String::strip).anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag)))) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            response.setHeader(HttpHeaders.ETAG, etag);
            return;
        }
        long first = 0;
        long last = file.size() - 1;
        boolean partial = false;
        if (range != null && (ifRange == null || ifRange.strip().equals(etag))) {
            long[] asked = range(range, file.size());
            if (asked != null) {
                first = asked[0];
                last = asked[1];
                partial = true;
            }
        }
        int chunkSize = blob.chunkSize();
        int firstChunk = (int) (first / chunkSize);
        int lastChunk = (int) (last / chunkSize);
        OptionalInt altered = evidence.store.firstAltered(blob, firstChunk, lastChunk);
        if (altered.isPresent()) {
            throw integrityFailed(caller, file, altered.getAsInt());
        }
        String served = partial ? "bytes=" + first + "-" + last : null;
        evidence.events.publish(GenericEventMessage.asEventMessage(new EvidenceFileReadEvent(itemId, itemType,
                fileId, file.sha256(), caller.username(), caller.agency(), served))
                .andMetaData(AuditMetadata.ofCaller(caller)));

        response.setStatus(partial ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
        response.setContentType(file.contentType().startsWith("text/") ? file.contentType() + ";charset=UTF-8"
                : file.contentType());
        response.setContentLengthLong(last - first + 1);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.name()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (partial) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + file.size());
        }
        ServletOutputStream out = response.getOutputStream();
        MessageDigest digest = Hashes.sha256();
        try (EvidenceStore.Chunks chunks = evidence.store.read(blob, firstChunk, lastChunk)) {
            for (int seq = firstChunk; seq <= lastChunk; seq++) {
                byte[] data = chunks.next();
                if (!MessageDigest.isEqual(digest.digest(data), Hashes.chunk(blob.chunkHashes(), seq))) {
                    // changed since the check above: the answer is under way, so it is cut short, never sent altered
                    throw integrityFailed(caller, file, seq);
                }
                long chunkStart = (long) seq * chunkSize;
                int from = (int) Math.max(0, first - chunkStart);
                int to = (int) Math.min(data.length, last - chunkStart + 1);
                out.write(data, from, to - from);
            }
        }
        out.flush();
    }

    /**
     * 409: the file's stored bytes conflict with the hashes logged for it. Not the client's fault (no 4xx of bad
     * input), nor a failure of the service to answer (no 5xx: it answered, and deliberately); retrying will not
     * help until the stored bytes are restored. Recorded as an event (the alert, notarised), counted
     * ({@code jointops.evidence.integrity.failures}) and logged.
     */
    private EvidenceProblem integrityFailed(Caller caller, EvidenceFile file, int chunk) {
        evidence.integrityFailures.increment();
        log.error("Evidence integrity failure: stored bytes of file {} of {} {} do not match the logged SHA-256 {} "
                + "(chunk {}); download by {} of {} refused", file.fileId(), noun, file.itemId(), file.sha256(), chunk,
                caller.username(), caller.agency());
        evidence.events.publish(GenericEventMessage.asEventMessage(new EvidenceIntegrityFailedEvent(file.itemId(),
                itemType, file.fileId(), file.sha256(), chunk, caller.username(), caller.agency()))
                .andMetaData(AuditMetadata.ofCaller(caller)));
        return EvidenceProblem.of(HttpStatus.CONFLICT, "Evidence integrity failure", null, "The stored bytes of file "
                        + file.fileId() + " no longer match the SHA-256 logged when it was added (" + file.sha256()
                        + "); it is not sent. The failure has been recorded.")
                .with("sha256", file.sha256());
    }

    /**
     * The one range of {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix} within a file of
     * {@code size} bytes; null for a header this does not serve (ignored: the whole file); a 416 problem for a range
     * that starts past the end.
     */
    static long[] range(String header, long size) {
        Matcher matcher = RANGE.matcher(header.strip());
        if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return null;
        }
        long first;
        long last;
        if (matcher.group(1).isEmpty()) {
            long suffix = Long.parseLong(matcher.group(2));
            if (suffix == 0) {
                throw unsatisfiable(size);
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = Long.parseLong(matcher.group(1));
            last = matcher.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(matcher.group(2));
            if (last < first) {
                return null; // invalid: ignored
            }
            if (first >= size) {
                throw unsatisfiable(size);
            }
            last = Math.min(last, size - 1);
        }
        return new long[]{first, last};
    }

    private static EvidenceProblem unsatisfiable(long size) {
        return EvidenceProblem.of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range Not Satisfiable",
                        HttpHeaders.RANGE, "the file has " + size + " bytes")
                .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
    }

    /**
     * {@code attachment} with the name twice: as a quoted ASCII fallback in which anything but printable ASCII, and
     * the quote, backslash, and percent sign, is replaced by {@code _}, and as RFC 8187 UTF-8 ({@code filename*}),
     * percent-encoded but for RFC 8187's attr-chars. So no name can end the header, add a parameter or a header.
     */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String etag(EvidenceFile file) {
        return "\"" + file.sha256() + "\"";
    }
}
