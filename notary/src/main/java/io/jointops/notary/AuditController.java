package io.jointops.notary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.jointops.audit.Checkpoint;
import io.jointops.audit.Ed25519;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.HexFormat;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * The notary's publications, for auditors, operators and the agencies' signing systems: checkpoints, the agencies'
 * public keys, inclusion and consistency proofs; export bundles for the offline verifier (auditors only); co-signing
 * (each agency's signing system, for its own agency). Errors are RFC 9457 problems.
 */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('auditor', 'platform-admin', 'notary-signer')")
class AuditController {

    /** A checkpoint as published: what each agency signs is {@code signedBody}. */
    record CheckpointView(String origin, long treeSize, String rootHash, String time, long lastPosition,
                          List<String> agencies, List<Checkpoint.Signature> signatures, boolean complete,
                          String signedBody) {
        static CheckpointView of(Notary.Signed signed) {
            Checkpoint c = signed.checkpoint();
            return new CheckpointView(c.origin(), c.treeSize(), HexFormat.of().formatHex(c.rootHash()), c.time(), c.lastPosition(),
                    c.agencies(), signed.signatures(), signed.complete(), c.signedBody());
        }
    }

    record AgencyKeyView(String agency, String keyId, String publicKey) {
    }

    record InclusionProofView(long position, long leafIndex, long treeSize, String rootHash, List<String> proof) {
    }

    record ConsistencyProofView(long fromSize, long toSize, String fromRootHash, String toRootHash, List<String> proof) {
    }

    /** An agency's Ed25519 signature (base64) of a checkpoint's signedBody. */
    @Schema(example = """
            {"agency":"US-DEA",
             "signature":"lM2BwyEzhKao5x99tsilEj6SouBprDZpsDdt/3rdZALLAwP/YE4GvLMnKLoozPHnK0qoDgPwW2N8S4w6aZLL8w=="}""")
    record SignatureRequest(String agency, String signature) {
    }

    private final Notary notary;
    private final BundleExporter exporter;

    AuditController(Notary notary, BundleExporter exporter) {
        this.notary = notary;
        this.exporter = exporter;
    }

    @Operation(summary = "The audit log's signed checkpoints, from a tree size on")
    @GetMapping("/checkpoints")
    List<CheckpointView> checkpoints(@RequestParam(defaultValue = "0") long fromSize,
                                     @RequestParam(defaultValue = "100") int limit) {
        if (fromSize < 0) {
            throw new InvalidRequestException("fromSize", "must be 0 or more");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        return notary.checkpoints(fromSize, limit).stream().map(CheckpointView::of).toList();
    }

    /** The newest checkpoint, complete or not: what a co-signer considers signing. */
    @Operation(summary = "The newest checkpoint, complete or not: what a co-signer considers signing")
    @GetMapping("/checkpoints/latest")
    CheckpointView latest() {
        return notary.newest().map(CheckpointView::of).orElseThrow(() -> notFound("there is no checkpoint yet"));
    }

    @Operation(summary = "The checkpoint of one tree size, with its signatures")
    @GetMapping("/checkpoints/{size}")
    CheckpointView checkpoint(@PathVariable long size) {
        return notary.signed(size).map(CheckpointView::of).orElseThrow(() -> notFound("there is no checkpoint of size "
                + size));
    }

    /**
     * Co-signing: an agency whose key this notary does not hold adds its signature of a checkpoint. Only that agency's
     * signing system posts it: the signature must verify with the agency's key anyway, but a token of another agency,
     * an auditor's or an operator's has no business adding signatures in an agency's name.
     */
    @Operation(summary = "Co-sign a checkpoint for the caller's agency (its notary-signer)")
    @PostMapping("/checkpoints/{size}/signatures")
    @PreAuthorize("hasRole('notary-signer')")
    CheckpointView sign(@PathVariable long size, @RequestBody SignatureRequest request, Caller caller) {
        if (request.agency() == null || notary.keys().get(request.agency()).isEmpty()) {
            throw new InvalidRequestException("agency", "must be one of " + notary.keys().names());
        }
        if (!request.agency().equals(caller.agency())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "A signing system of " + caller.agency()
                    + " posts signatures of " + caller.agency() + " only, not of " + request.agency() + ".");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(request.signature() == null ? "" : request.signature());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("signature", "must be base64");
        }
        if (notary.signed(size).isEmpty()) {
            throw notFound("there is no checkpoint of size " + size);
        }
        if (!notary.addSignature(size, request.agency(), signature)) {
            throw new InvalidRequestException("signature", "does not verify with the public key of "
                    + request.agency() + " over the checkpoint's signedBody");
        }
        return checkpoint(size);
    }

    @Operation(summary = "The agencies' public signing keys")
    @GetMapping("/keys")
    List<AgencyKeyView> keys() {
        return notary.keys().all().stream()
                .map(agency -> new AgencyKeyView(agency.name(), agency.keyId(), Ed25519.encode(agency.publicKey())))
                .toList();
    }

    /** RFC 9162 inclusion proof of the event at a global position in the checkpoint of {@code treeSize}. */
    @Operation(summary = "RFC 9162 inclusion proof of the event at a global position in a checkpoint")
    @GetMapping("/proofs/inclusion")
    InclusionProofView inclusion(@RequestParam long position, @RequestParam long treeSize) {
        Checkpoint checkpoint = notary.checkpoint(treeSize).orElseThrow(() -> notFound(
                "there is no checkpoint of size " + treeSize));
        long leaf = notary.leafAt(position).orElseThrow(() -> notFound("no event at position " + position
                + " is in the log"));
        if (leaf >= treeSize) {
            throw new InvalidRequestException("treeSize", "checkpoint " + treeSize + " ends at position "
                    + checkpoint.lastPosition() + ", before position " + position);
        }
        return new InclusionProofView(position, leaf, treeSize, HexFormat.of().formatHex(checkpoint.rootHash()),
                notary.inclusionProof(leaf, treeSize).stream().map(HexFormat.of()::formatHex).toList());
    }

    /**
     * RFC 9162 consistency proof: the checkpoint of size {@code to} extends the tree of the first {@code from} leaves,
     * whether or not a checkpoint of that size is stored (a co-signer asks from the size it signed last, and checks
     * the proof against the root it kept). {@code fromRootHash} is the root of that tree as the notary holds it.
     */
    @Operation(summary = "RFC 9162 consistency proof between two checkpoints")
    @GetMapping("/proofs/consistency")
    ConsistencyProofView consistency(@RequestParam long from, @RequestParam long to) {
        if (from < 0) {
            throw new InvalidRequestException("from", "must be 0 or more");
        }
        if (from > to) {
            throw new InvalidRequestException("from", "must not be above to");
        }
        Checkpoint second = notary.checkpoint(to).orElseThrow(() -> notFound("there is no checkpoint of size " + to));
        if (to > notary.size()) {
            throw notFound("checkpoint " + to + " covers more leaves than the notary holds (" + notary.size() + ")");
        }
        return new ConsistencyProofView(from, to, HexFormat.of().formatHex(notary.root(from)), HexFormat.of().formatHex(second.rootHash()),
                notary.consistencyProof(from, to).stream().map(HexFormat.of()::formatHex).toList());
    }

    /**
     * An export bundle, for {@code itemId} or for global positions {@code fromPosition..toPosition}, against the
     * newest complete checkpoint (or the one of {@code treeSize}). Check it with
     * {@code java -jar audit-verifier.jar bundle.json}.
     */
    @Operation(summary = "An export bundle of the log for offline verification (auditors)")
    @GetMapping("/export")
    @PreAuthorize("hasRole('auditor')") // bundles carry payloads: not platform-admin, not notary-signer
    void export(@RequestParam(required = false) String itemId, @RequestParam(required = false) Long fromPosition,
                @RequestParam(required = false) Long toPosition, @RequestParam(required = false) Long treeSize,
                HttpServletResponse response) throws IOException {
        if (itemId != null && !itemId.isBlank()) {
            if (fromPosition != null || toPosition != null) {
                throw new InvalidRequestException("itemId", "give either itemId or fromPosition and toPosition");
            }
            exporter.answer(() -> exporter.item(itemId, treeSize), "audit-" + itemId, response);
        } else if (fromPosition != null && toPosition != null) {
            exporter.answer(() -> exporter.range(fromPosition, toPosition, treeSize),
                    "audit-" + fromPosition + "-" + toPosition, response);
        } else {
            throw new InvalidRequestException(fromPosition == null ? "itemId" : "toPosition",
                    "give either itemId or fromPosition and toPosition");
        }
    }

    private static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
