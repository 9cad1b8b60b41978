package io.jointops.cases.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.BaseFont;
import io.jointops.audit.Bundle;
import io.jointops.audit.Bundles;
import io.jointops.audit.Checkpoint;
import io.jointops.cases.query.caseview.CaseView;
import io.jointops.platform.evidence.CustodyEntry;
import io.jointops.platform.evidence.EvidenceFile;
import io.jointops.platform.evidence.EvidenceLedger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import io.jointops.platform.security.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.server.ResponseStatusException;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dossier's PDF as a reader gets it: Chinese and English text extractable (so it is there as text, in an embedded
 * font subset, not as missing glyphs), the evidence hashes and custody, the checkpoint and proofs read from the bundle,
 * and the bundle itself attached, byte for byte.
 */
class DossierPdfTest {

    static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
    private static final String SHA = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";
    private static final String ROOT = "a3c1f0e2b4d6c8a0e2f4b6d8c0a2e4f6b8d0c2a4e6f8b0d2c4a6e8f0b2d4c6a8";
    private static final String WITHHELD_HASH = "77".repeat(32);

    @TempDir
    Path dir;

    @Test
    void rendersWhatItIsGivenInChineseAndEnglishWithTheProofsAndTheBundleAttached() throws Exception {
        Path bundle = bundle();
        Instant at = Instant.parse("2026-11-20T08:15:30Z");
        CaseView shown = new CaseView("case-7", "Operation 夜鹰 Nightjar", "芬太尼前体经转运港走私 Fentanyl precursors via "
                + "transshipment", "CN-NNCC", List.of("US-DEA"), "TLP:AMBER", "H1", "ACTIVE", null, List.of("fentanyl"), 9,
                at, "cn.investigator", at, List.of(new CaseView.Member("us.investigator", "US-DEA", "LIAISON", at)),
                List.of(new CaseView.LinkedItem("SHIPMENT", "shp-1", "Container MSCU 123", "SEIZED", at, at,
                        List.of("CN-NNCC", "US-DEA"))), List.of());
        ObjectMapper json = new ObjectMapper();
        List<Timeline.Entry> timeline = List.of(
                new Timeline.Entry(null, at, "case", "case-7", "CaseOpenedEvent", "cn.investigator", "CN-NNCC",
                        json.readTree("{\"caseId\":\"case-7\",\"title\":\"Operation 夜鹰 Nightjar\"}")),
                new Timeline.Entry(null, at.plusSeconds(60), "case", "case-7", "CaseNoteAddedEvent", "cn.investigator",
                        "CN-NNCC", json.readTree("{\"caseId\":\"case-7\",\"text\":\"嫌疑人在广州港转运前体\","
                                + "\"tlp\":\"TLP:AMBER\"}")));
        EvidenceFile file = new EvidenceFile("f-1", "case-7", "扣押照片 seizure.jpg", "image/jpeg", 2048, SHA,
                "查获现场 scene of the seizure", "cn.investigator", "CN-NNCC", at, null, null, null, 65536, SHA);
        List<CustodyEntry> custody = List.of(
                new CustodyEntry("e-1", "ADDED", at, "cn.investigator", "CN-NNCC", SHA, "seizure.jpg", 2048L,
                        "image/jpeg", "scene", List.of("US-DEA"), null, null, null, null),
                new CustodyEntry("e-2", "DOWNLOADED", at.plusSeconds(90), "us.investigator", "US-DEA", SHA, null, null,
                        null, null, null, null, null, "bytes=0-99", null));
        DossierPdf.Content content = new DossierPdf.Content(shown, "US-DEA", "us.investigator", at.plusSeconds(120),
                List.of(), timeline, List.of(new DossierPdf.ItemEvidence("案件 Case", "case-7",
                List.of(new EvidenceLedger.FileRecord(file, custody)))),
                List.of(new DossierPdf.Proofs("案件 Case", "case-7", bundle, "audit-case-case-7.json", null)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DossierPdf(BaseFont.createFont(FONT + ",0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED)).write(content, out);
        Files.write(Path.of("target", "DossierPdfTest.pdf"), out.toByteArray()); // to look at (pdftoppm)

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("案件卷宗", "Case Dossier", "案件摘要", "Case summary", "时间线", "Timeline",
                    "证据清单", "Evidence files", "附录", "Appendix")
                    .contains("芬太尼前体经转运港走私", "嫌疑人在广州港转运前体", "Operation 夜鹰 Nightjar")
                    .contains(SHA, "扣押照片 seizure.jpg", "DOWNLOADED", "bytes=0-99", "Container MSCU 123")
                    .contains("tree size 12", ROOT, WITHHELD_HASH, "已隐去 withheld", "CaseOpened")
                    .contains("TLP:AMBER · H1", "制作对象 for US-DEA");
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font " + font.getName() + " embedded").isTrue();
                    assertThat(font.getName()).as("a subset").matches("[A-Z]{6}\\+.*");
                }
            }
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
            Map<String, PDComplexFileSpecification> attached = names.getEmbeddedFiles().getNames();
            assertThat(attached).hasSize(1);
            PDComplexFileSpecification spec = attached.values().iterator().next();
            assertThat(spec.getFilename()).isEqualTo("audit-case-case-7.json");
            assertThat(spec.getEmbeddedFile().toByteArray()).isEqualTo(Files.readAllBytes(bundle));
        }
    }

    @Test
    void withoutItsFontADossierIsA503NamingTheSettingAndNothingElseIsTouched() {
        CaseDossiers dossiers = new CaseDossiers(null, null, null, null, null, null, "/no/such/font.ttc");
        assertThatThrownBy(() -> dossiers.answer(new Caller("u-1", "us.investigator", "US-DEA", Set.of("investigator")),
                null, new MockHttpServletResponse()))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(503);
                    assertThat(e.getReason()).contains("jointops.dossier.font", "fonts-wqy-microhei");
                });
    }

    @Test
    void detailsAreTheFieldsOfThePayloadButTheCaseId() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(DossierPdf.details(json.readTree("{\"caseId\":\"c\",\"text\":\"注释\",\"tlp\":\"TLP:RED\","
                + "\"partners\":[\"US-DEA\"],\"none\":null,\"empty\":[]}")))
                .isEqualTo("text: 注释\ntlp: TLP:RED\npartners: [\"US-DEA\"]");
        assertThat(DossierPdf.shortType("io.jointops.api.cases.CaseNoteAddedEvent")).isEqualTo("CaseNoteAdded");
    }

    /** A small bundle of format v3: one event shown, one hash-only, against one signed checkpoint. */
    private Path bundle() throws Exception {
        Bundle.Event event = new Bundle.Event("ev-1", "case-7", 0, "JointCase", "io.jointops.api.cases.CaseOpenedEvent",
                "1", "2026-11-20T08:15:30Z", Base64.getEncoder().encodeToString("{\"caseId\":\"case-7\"}"
                .getBytes(StandardCharsets.UTF_8)), Base64.getEncoder().encodeToString("{}".getBytes()));
        List<Bundle.Entry> entries = new ArrayList<>();
        entries.add(new Bundle.Entry(3L, 4, "ev-1", "11".repeat(32), "00".repeat(32), List.of("22".repeat(32),
                "33".repeat(32)), event));
        entries.add(Bundle.Entry.hashOnly(8, 9, WITHHELD_HASH, List.of("44".repeat(32))));
        Bundle.SignedCheckpoint checkpoint = new Bundle.SignedCheckpoint(12, ROOT, "2026-11-20T08:16:00Z", 13,
                List.of("CN-NNCC", "US-DEA"), List.of(new Checkpoint.Signature("CN-NNCC", "77adf7b2e2a99dc4", "c2ln")));
        Bundle header = new Bundle(Bundle.FORMAT, "jointops", Bundle.Scope.item("case-7"), List.of(), List.of(checkpoint),
                List.of(), null, 0, null);
        Path file = dir.resolve("bundle.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            Bundles.write(header, entries.iterator(), out);
        }
        return file;
    }
}
