package io.jointops.cases.web;

import com.lowagie.text.pdf.BaseFont;
import io.jointops.api.cases.RecordCaseDossierCommand;
import io.jointops.audit.Bundle;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.cases.query.cooperation.CooperationRequestView;
import io.jointops.cases.query.cooperation.CooperationRequests;
import io.jointops.platform.evidence.Evidence;
import io.jointops.platform.history.EventHistory;
import io.jointops.notary.BundleExporter;
import io.jointops.platform.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Produces a case's dossier for the caller's agency: gathers what that agency may see (the case as it is shown it,
 * the timeline as {@link Timeline} shows it, the evidence of the case and of the cooperation requests it sees) and
 * the export bundles of those items, the case's first, each against the same checkpoint and by the same decision
 * about which events go hash-only ({@link CaseExportController#shownSequences}); renders them ({@link DossierPdf}) to
 * a temporary file while hashing it, records the dossier on the case with its SHA-256 (so it is logged before it is
 * handed out), then sends the file. Nothing is held whole in memory; the temporary files go when the answer is sent.
 */
@Component
class CaseDossiers {

    private static final Logger log = LoggerFactory.getLogger(CaseDossiers.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private final Timeline timeline;
    private final CooperationRequests requests;
    private final EventHistory history;
    private final BundleExporter exporter;
    private final Evidence evidence;
    private final CommandGateway commands;
    private final String fontFile;
    private volatile DossierPdf renderer;

    CaseDossiers(Timeline timeline, CooperationRequests requests, EventHistory history, BundleExporter exporter,
                 Evidence evidence, CommandGateway commands,
                 @Value("${jointops.dossier.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String fontFile) {
        this.timeline = timeline;
        this.requests = requests;
        this.history = history;
        this.exporter = exporter;
        this.evidence = evidence;
        this.commands = commands;
        this.fontFile = fontFile;
    }

    /**
     * Answers the dossier of the case {@code shown} (the case as the caller's agency is shown it; the caller was
     * found allowed to read it): 200, {@code application/pdf}, with its SHA-256 as {@code Repr-Digest}. No complete
     * checkpoint covering the case yet: 404, as its export.
     */
    void answer(Caller caller, CaseView shown, HttpServletResponse response) throws IOException {
        DossierPdf pdf = renderer();
        String agency = caller.agencyFilter();
        Path work = Files.createTempDirectory("dossier-");
        try {
            List<DossierPdf.Proofs> proofs = new ArrayList<>();
            BundleExporter.Export caseExport = exporter.prepare(() -> exporter.item(shown.id(), null,
                    CaseExportController.shownSequences(history, shown.id(), agency, shown)::contains));
            List<Bundle.SignedCheckpoint> checkpoints = caseExport.header().checkpoints();
            long treeSize = checkpoints.get(checkpoints.size() - 1).treeSize();
            proofs.add(written(caseExport, work, "案件 Case", shown.id(), "audit-case-" + shown.id() + ".json"));
            List<CooperationRequestView> visible = requests.ofCase(shown.id(), agency);
            List<DossierPdf.ItemEvidence> files = new ArrayList<>();
            files.add(new DossierPdf.ItemEvidence("案件 Case", shown.id(), evidence.ledger().withCustody(shown.id())));
            for (CooperationRequestView request : visible) {
                String label = "合作请求 Cooperation request";
                files.add(new DossierPdf.ItemEvidence(label, request.id(), evidence.ledger().withCustody(request.id())));
                Set<Long> sequences = CaseExportController.shownSequences(history, request.id(), agency, shown);
                try {
                    proofs.add(written(exporter.item(request.id(), treeSize, sequences::contains), work, label,
                            request.id(), "audit-cooperation-request-" + request.id() + ".json"));
                } catch (BundleExporter.ExportException e) {
                    if (!e.notFound()) {
                        throw e;
                    }
                    proofs.add(new DossierPdf.Proofs(label, request.id(), null, null, "检查点 " + treeSize
                            + " 尚未覆盖此请求。 Checkpoint " + treeSize + " does not cover this request yet: "
                            + e.getMessage()));
                }
            }
            DossierPdf.Content content = new DossierPdf.Content(shown, caller.agency(), caller.username(),
                    Instant.now(), visible, timeline.of(shown.id(), caller, shown), files, proofs);

            Path file = work.resolve("dossier.pdf");
            MessageDigest sha256 = sha256();
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                    1 << 16), sha256)) {
                pdf.write(content, out);
            }
            byte[] digest = sha256.digest();
            long size = Files.size(file);
            String dossierId = UUID.randomUUID().toString();
            // logged before it leaves: a dossier handed out is always one the case's history names
            commands.sendAndWait(new RecordCaseDossierCommand(shown.id(), dossierId, HexFormat.of().formatHex(digest), size,
                    treeSize, Actors.of(caller), agency == null), COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);

            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_PDF_VALUE);
            response.setContentLengthLong(size);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossier-"
                    + shown.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf\"");
            response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":");
            response.setHeader("X-Dossier-Id", dossierId);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            Files.copy(file, response.getOutputStream());
        } finally {
            delete(work);
        }
    }

    private static DossierPdf.Proofs written(BundleExporter.Export export, Path work, String label, String itemId,
                                             String attachment) throws IOException {
        Path file = work.resolve(attachment.replaceAll("[^A-Za-z0-9._-]", "_"));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            export.writeTo(out);
        }
        return new DossierPdf.Proofs(label, itemId, file, attachment, null);
    }

    /** The renderer with its font, loaded once; a font that cannot be read is the operator's to fix: 503. */
    private DossierPdf renderer() {
        DossierPdf loaded = renderer;
        if (loaded == null) {
            synchronized (this) {
                loaded = renderer;
                if (loaded == null) {
                    try {
                        String name = fontFile.toLowerCase().endsWith(".ttc") ? fontFile + ",0" : fontFile;
                        loaded = new DossierPdf(BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
                    } catch (Exception e) {
                        log.error("The dossier's font {} (jointops.dossier.font) cannot be read: {}", fontFile,
                                e.toString());
                        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Dossiers cannot be "
                                + "rendered: the font with Chinese glyphs they embed is not installed here "
                                + "(jointops.dossier.font; Debian: fonts-wqy-microhei).");
                    }
                    renderer = loaded;
                }
            }
        }
        return loaded;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path work) {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Temporary files of a dossier under {} could not be deleted: {}", work, e.toString());
        }
    }
}
