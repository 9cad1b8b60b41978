package io.jointops.platform.evidence;

import io.jointops.platform.query.Page;
import io.jointops.platform.query.Versioned;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The evidence endpoints of one kind of item, the same under every item's path: a service's controller extends this
 * with the item's {@code @RequestMapping} (e.g. {@code /api/cases}) and its {@link EvidenceResponses}, and adds
 * nothing. Who may see a file: whoever may see the item; who may add one: the item's aggregate decides.
 */
public abstract class EvidenceController<V extends Versioned> {

    private final EvidenceResponses<V> evidence;

    protected EvidenceController(EvidenceResponses<V> evidence) {
        this.evidence = evidence;
    }

    @PostMapping("/{itemId}/evidence")
    @Operation(summary = "Add an evidence file: the request's body is the file, Content-Type its type",
            description = "Streamed, never held whole. The type is sniffed from the bytes and must match Content-Type "
                    + "(else 422 naming it); accepted: PDF, JPEG, PNG, TIFF, plain text, CSV, Office documents (OOXML "
                    + "without macros, OpenDocument, legacy OLE2); archives are neither accepted nor unpacked. Size "
                    + "limits per type (413). SHA-256 computed on receipt; stored once per content.")
    public ResponseEntity<EvidenceFile> upload(Caller caller, @PathVariable String itemId,
                                               @Parameter(description = "the file's name, shown and offered on download")
                                               @RequestParam(required = false) String name,
                                               @Parameter(description = "why the file is added")
                                               @RequestParam(required = false) String reason,
                                               @Parameter(description = "a file of the item this one replaces")
                                               @RequestParam(required = false) String supersedes,
                                               HttpServletRequest request) throws IOException {
        // relative, as every Location of the API: the gateway's host is the client's
        return evidence.upload(caller, itemId, name, reason, supersedes, request,
                fileId -> URI.create(request.getRequestURI() + "/" + fileId));
    }

    @GetMapping("/{itemId}/evidence")
    @Operation(summary = "The item's evidence files (404 for an agency that may not see the item)")
    public List<EvidenceFile> list(Caller caller, @PathVariable String itemId) {
        return evidence.list(caller, itemId);
    }

    @GetMapping("/{itemId}/evidence/{fileId}")
    @Operation(summary = "One evidence file's record: name, type, size, SHA-256 (also its ETag)")
    public ResponseEntity<EvidenceFile> file(Caller caller, @PathVariable String itemId, @PathVariable String fileId) {
        return evidence.get(caller, itemId, fileId);
    }

    @GetMapping("/{itemId}/evidence/{fileId}/content")
    @Operation(summary = "Download the file, whole or one Range (206/416); ETag is its SHA-256",
            description = "Each stored chunk is checked against the hashes logged when the file was added; stored bytes "
                    + "that no longer match are refused with a 409 problem, and the failure is recorded. Every download "
                    + "is recorded in the file's custody.")
    public void download(Caller caller, @PathVariable String itemId, @PathVariable String fileId,
                         @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
                         @RequestHeader(name = HttpHeaders.IF_RANGE, required = false) String ifRange,
                         @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                         HttpServletResponse response) throws IOException {
        evidence.download(caller, itemId, fileId, range, ifRange, ifNoneMatch, response);
    }

    @GetMapping("/{itemId}/evidence/{fileId}/custody")
    @Operation(summary = "The file's chain of custody, oldest first: added, shared, superseded, downloaded, "
            + "integrity failures")
    public Page<CustodyEntry> custody(Caller caller, @PathVariable String itemId, @PathVariable String fileId,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new InvalidRequestException("size", "must be 1 to 500");
        }
        return evidence.custody(caller, itemId, fileId, page, size);
    }
}
