package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.CaseDossierProducedEvent;
import io.jointops.audit.Bundle;
import io.jointops.audit.Bundles;
import io.jointops.audit.Ed25519;
import io.jointops.audit.HandedOverFiles;
import io.jointops.audit.TrustPolicy;
import io.jointops.audit.Verifier;
import io.jointops.notary.Notary;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 17, part 4: the case dossier on PostgreSQL with the notary signing for CN-NNCC and US-DEA's co-signer in
 * process. A partner's dossier holds what its agency may see (Chinese and English text, the evidence file's hash and
 * custody, the checkpoint) and not another agency's TLP:RED note; the bundle attached to it verifies offline together
 * with the evidence file; its production is recorded on the case with the PDF's SHA-256, which a later export proves;
 * an agency the case is not visible to gets 404 as for a missing case.
 */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
@Import(GoldenEvents.class)
class CaseDossierIT {

    private static final RequestPostProcessor CN = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor", "investigator");
    private static final RequestPostProcessor US = TestTokens.user("us.investigator", "US-DEA", "investigator");
    private static final RequestPostProcessor MX = TestTokens.user("mx.investigator", "MX-FGR", "investigator");
    private static final RequestPostProcessor AUDITOR = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");

    static final KeyPair CN_KEY = Ed25519.generate();
    static final KeyPair US_KEY = Ed25519.generate();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestService.register(registry, "case-service");
        Path keys = Files.createTempDirectory("case-dossier-keys");
        Files.writeString(keys.resolve("cn-nncc.pem"), Ed25519.pem(CN_KEY.getPrivate()));
        Files.writeString(keys.resolve("us-dea.pem"), Ed25519.pem(US_KEY.getPrivate()));
        Files.writeString(keys.resolve("us-dea.pub.pem"), Ed25519.pem(US_KEY.getPublic()));
        registry.add("jointops.notary.gap-timeout", () -> "0s");
        registry.add("jointops.notary.agencies.CN-NNCC.private-key-file", () -> keys.resolve("cn-nncc.pem").toString());
        registry.add("jointops.notary.agencies.US-DEA.public-key-file", () -> keys.resolve("us-dea.pub.pem").toString());
        registry.add("jointops.notary.co-signers.US-DEA.private-key-file", () -> keys.resolve("us-dea.pem").toString());
        registry.add("jointops.notary.co-signers.US-DEA.state-file", () -> keys.resolve("us-dea.state").toString());
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Notary notary;
    @Autowired
    GoldenEvents golden;

    @Test
    void aPartnersDossierShowsWhatItMaySeeProvesItAndIsRecordedOnTheCase() throws Exception {
        long run = System.nanoTime();
        String summary = "芬太尼前体经转运港走私 " + run;
        String chineseNote = "嫌疑人在广州港转运前体，编号 " + run;
        String redNote = "CN-ONLY-INFORMANT-" + run;
        String location = mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Operation 夜鹰 Nightjar " + run + "\",\"summary\":\"" + summary + "\","
                                + "\"partnerAgencies\":[\"US-DEA\"],\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        note(location, chineseNote, "TLP:AMBER");
        note(location, redNote, "TLP:RED"); // CN-NNCC's own: US-DEA may not see it
        byte[] photo = png();
        String sha = sha256(photo);
        String file = mvc.perform(post(location + "/evidence").param("name", "扣押照片-seizure.png")
                        .param("reason", "查获现场 scene of the seizure").with(CN).contentType("image/png").content(photo))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(get(file + "/content").with(US)).andExpect(status().isOk()); // custody: DOWNLOADED by US-DEA
        // a cooperation request of the case to US-DEA, with a file of its own: its events and file are in the dossier,
        // its bundle attached beside the case's
        String question = "谁是收货人？ Who consigned it? " + run;
        String request = mvc.perform(post("/api/cases/cooperation-requests").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseId\":\"" + caseId + "\",\"receivingAgency\":\"US-DEA\",\"type\":"
                                + "\"INFORMATION_REQUEST\",\"priority\":\"ROUTINE\",\"legalBasis\":{\"text\":"
                                + "\"Mutual legal assistance\",\"reference\":\"CN-US MLAA Art. 1\"},\"question\":\""
                                + question + "\",\"attachments\":[]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String requestId = request.substring(request.lastIndexOf('/') + 1);
        byte[] manifest = "bill of lading MSCU 123\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(post(request + "/evidence").param("name", "bill-of-lading.txt").param("reason", "requested")
                        .with(CN).contentType("text/plain").content(manifest))
                .andExpect(status().isCreated());

        // before a checkpoint every agency signed covers the case: nothing to prove yet, 404 as for its export
        mvc.perform(get(location + "/dossier").with(US))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(notary.notarize()).isPresent();
        Notary.Signed checkpoint = notary.latestComplete(Long.MAX_VALUE).orElseThrow();

        MockHttpServletResponse answer = mvc.perform(get(location + "/dossier").with(US))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse();
        byte[] dossier = answer.getContentAsByteArray();
        assertThat(answer.getHeader("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(digest(dossier)) + ":");
        assertThat(answer.getContentLengthLong()).isEqualTo(dossier.length);
        Path dir = Files.createTempDirectory("dossier-it");
        Path photoFile = Files.write(dir.resolve("seizure.png"), photo);
        Path dossierFile = Files.write(dir.resolve("dossier.pdf"), dossier);

        Bundle bundle;
        Bundle requestBundle;
        byte[] bundleBytes;
        try (PDDocument pdf = Loader.loadPDF(dossier)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("案件卷宗", "Case Dossier", "案件摘要", "Case summary", "证据清单", "Evidence files")
                    .contains(summary, chineseNote, "Operation 夜鹰 Nightjar " + run, "扣押照片-seizure.png")
                    .contains(sha, "DOWNLOADED", "us.investigator (US-DEA)")
                    .contains("tree size " + checkpoint.checkpoint().treeSize(),
                            HexFormat.of().formatHex(checkpoint.checkpoint().rootHash()))
                    .contains("制作对象 for US-DEA", "已隐去 withheld")
                    .contains("question: 谁是收货人？ Who consigned it?", "bill-of-lading.txt", sha256(manifest),
                            "合作请求 Cooperation request " + requestId)
                    .doesNotContain(redNote);
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(name).isEmbedded()).isTrue();
                }
            }
            Map<String, PDComplexFileSpecification> attached = new PDDocumentNameDictionary(pdf.getDocumentCatalog())
                    .getEmbeddedFiles().getNames();
            PDComplexFileSpecification spec = attached.values().stream()
                    .filter(s -> s.getFilename().equals("audit-case-" + caseId + ".json")).findFirst().orElseThrow();
            bundleBytes = spec.getEmbeddedFile().toByteArray();
            bundle = Bundles.read(new ByteArrayInputStream(bundleBytes));
            PDComplexFileSpecification requestSpec = attached.values().stream()
                    .filter(s -> s.getFilename().equals("audit-cooperation-request-" + requestId + ".json"))
                    .findFirst().orElseThrow();
            requestBundle = Bundles.read(new ByteArrayInputStream(requestSpec.getEmbeddedFile().toByteArray()));
        }
        assertThat(new String(bundleBytes, StandardCharsets.UTF_8)).doesNotContain(redNote);
        for (Bundle.Entry entry : bundle.events()) {
            if (entry.event() != null) {
                assertThat(new String(Base64.getDecoder().decode(entry.event().payload()), StandardCharsets.UTF_8))
                        .doesNotContain(redNote);
            }
        }

        // the attached bundle verifies offline under the auditor's policy, and proves the evidence file handed over
        TrustPolicy policy = TrustPolicy.all("jointops", Map.of("CN-NNCC", CN_KEY.getPublic(), "US-DEA", US_KEY.getPublic()));
        HandedOverFiles files = new HandedOverFiles(List.of(photoFile));
        Verifier.Report report = new Verifier(policy).verify(bundle, bundle.events().iterator(), files::accept);
        assertThat(report.treeSize()).isEqualTo(checkpoint.checkpoint().treeSize());
        assertThat(report.withheld()).as("the TLP:RED note, hash-only").isEqualTo(1);
        Path manifestFile = Files.write(dir.resolve("bill-of-lading.txt"), manifest);
        HandedOverFiles requestFiles = new HandedOverFiles(List.of(manifestFile));
        Verifier.Report requestReport = new Verifier(policy).verify(requestBundle, requestBundle.events().iterator(),
                requestFiles::accept);
        assertThat(requestReport.scope()).isEqualTo("item " + requestId);
        assertThat(requestReport.treeSize()).as("the case's checkpoint").isEqualTo(report.treeSize());
        assertThat(requestFiles.matches(requestBundle.scope()).get(0).loggedAs()).startsWith("evidence file ")
                .contains("(text/plain, " + manifest.length + " bytes), added by cn.supervisor of CN-NNCC");
        // the file's name is personal data, stored encrypted: the verifier matches on the hash and says so
        assertThat(files.matches(bundle.scope()).get(0).loggedAs()).startsWith("evidence file ")
                .contains("(name stored encrypted as personal data) (image/png, " + photo.length + " bytes), "
                        + "added by cn.supervisor of CN-NNCC");
        // an altered copy of the file does not pass
        Path altered = Files.write(dir.resolve("altered.png"), alter(photo));
        HandedOverFiles alteredFiles = new HandedOverFiles(List.of(altered));
        new Verifier(policy).verify(bundle, bundle.events().iterator(), alteredFiles::accept);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> alteredFiles.matches(bundle.scope()))
                .hasMessageContaining("is not a file the bundle's events logged");

        // recorded on the case: who, for which agency, the PDF's SHA-256; shown in the history to the case's readers
        JsonNode history = json.readTree(mvc.perform(get(location + "/history").with(CN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode produced = null;
        for (JsonNode entry : history.path("events")) {
            if (entry.path("type").asText().equals("CaseDossierProducedEvent")) {
                produced = entry.path("payload");
            }
        }
        assertThat(produced).as("CaseDossierProducedEvent in the case's history").isNotNull();
        assertThat(produced.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(digest(dossier)));
        assertThat(produced.path("size").asLong()).isEqualTo(dossier.length);
        assertThat(produced.path("agency").asText()).isEqualTo("US-DEA");
        assertThat(produced.path("producedBy").asText()).isEqualTo("us.investigator");
        assertThat(produced.path("treeSize").asLong()).isEqualTo(checkpoint.checkpoint().treeSize());
        assertThat(produced.path("dossierId").asText()).isEqualTo(answer.getHeader("X-Dossier-Id"));
        assertThat(fieldNames(produced)).isEqualTo(fieldNames(json.readTree(getClass()
                .getResourceAsStream("/events/CaseDossierProducedEvent.1.json"))));

        // a court checks the PDF it was given against a later export of the case, once a checkpoint covers the record
        assertThat(notary.notarize()).isPresent();
        Bundle later = Bundles.read(new ByteArrayInputStream(mvc.perform(get(location + "/export").with(CN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
        HandedOverFiles handedOver = new HandedOverFiles(List.of(dossierFile, photoFile));
        new Verifier(policy).verify(later, later.events().iterator(), handedOver::accept);
        List<HandedOverFiles.Match> matches = handedOver.matches(later.scope());
        assertThat(matches.get(0).loggedAs()).startsWith("dossier " + answer.getHeader("X-Dossier-Id") + " of case "
                + caseId + ", produced for US-DEA by us.investigator");

        // the lead agency's own dossier shows its TLP:RED note
        byte[] cnDossier = mvc.perform(get(location + "/dossier").with(CN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(cnDossier)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(redNote, chineseNote, "制作对象 for CN-NNCC");
        }

        // joint auditors read every case: their dossier shows every agency's notes, nothing withheld
        byte[] auditors = mvc.perform(get(location + "/dossier").with(AUDITOR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument pdf = Loader.loadPDF(auditors)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(redNote, chineseNote, "制作对象 for JOINT-AUDIT")
                    .doesNotContain("已隐去 withheld");
        }

        // an agency the case is not visible to: 404, exactly as for a case that does not exist; nothing recorded
        String missing = "/api/cases/" + java.util.UUID.randomUUID();
        for (String path : List.of(location, missing)) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            mvc.perform(get(path + "/dossier").with(path.equals(location) ? MX : US))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail", is("No case '" + id + "' is visible to you.")));
        }
        JsonNode after = json.readTree(mvc.perform(get(location + "/history").with(CN)).andReturn().getResponse()
                .getContentAsString());
        assertThat(count(after, "CaseDossierProducedEvent")).as("the US-DEA, CN-NNCC and auditors' dossiers only")
                .isEqualTo(3);
    }

    @Test
    void theGoldenRevisionReads() throws Exception {
        String location = mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Golden\",\"partnerAgencies\":[],\"tlp\":\"TLP:GREEN\",\"handlingCode\":\"H0\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        long sequence = golden.storeAsNext(caseId, "JointCase", "CaseDossierProducedEvent.1.json",
                CaseDossierProducedEvent.class, "1", "caseId", Map.of("actor", "us.investigator", "agency", "US-DEA"));
        JsonNode history = json.readTree(mvc.perform(get(location + "/history").with(CN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode entry = history.path("events").get((int) sequence);
        assertThat(entry.path("type").asText()).isEqualTo("CaseDossierProducedEvent");
        assertThat(entry.path("payload").path("sha256").asText())
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    private void note(String location, String text, String tlp) throws Exception {
        mvc.perform(post(location + "/notes").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + text + "\",\"tlp\":\"" + tlp + "\"}"))
                .andExpect(status().isCreated());
    }

    private static int count(JsonNode history, String type) {
        int n = 0;
        for (JsonNode entry : history.path("events")) {
            n += entry.path("type").asText().equals(type) ? 1 : 0;
        }
        return n;
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** A small real PNG: the upload sniffs the type from the bytes. */
    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(180, 40, 40));
        graphics.fillRect(8, 8, 40, 24);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] alter(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length / 2] ^= 1;
        return copy;
    }

    private static byte[] digest(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(digest(bytes));
    }
}
