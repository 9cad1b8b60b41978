package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.evidence.EvidenceFileAddedEvent;
import io.jointops.api.evidence.EvidenceFileReadEvent;
import io.jointops.api.evidence.EvidenceFileSharedEvent;
import io.jointops.api.evidence.EvidenceFileSupersededEvent;
import io.jointops.api.evidence.EvidenceIntegrityFailedEvent;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.jointops.platform.test.EvidenceChecks.PDF;
import static io.jointops.platform.test.EvidenceChecks.assertEvidenceRound;
import static io.jointops.platform.test.EvidenceChecks.custody;
import static io.jointops.platform.test.EvidenceChecks.json;
import static io.jointops.platform.test.EvidenceChecks.sha256;
import static io.jointops.platform.test.EvidenceChecks.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Evidence files of cases and cooperation requests on one case-service and a real PostgreSQL: they follow the item's
 * releases, their custody is recorded, stored bytes that no longer match their logged hashes are refused, and what is
 * not of its declared type, too large or an archive is refused before anything is attached. Chunks of 4 KB, so a
 * small file spans several.
 */
@SpringBootTest(properties = {"jointops.evidence.chunk-size=4KB", "jointops.evidence.max-size.[text/plain]=16KB"})
@AutoConfigureMockMvc
@DirtiesContext
@Import(GoldenEvents.class)
class EvidenceApiIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor CN_SUPERVISOR = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
    static final RequestPostProcessor US = TestTokens.user("us.investigator", "US-DEA", "investigator");
    static final RequestPostProcessor MX = TestTokens.user("mx.investigator", "MX-FGR", "investigator");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GoldenEvents golden;

    @Test
    void aCaseFileIsSharedWithEveryPartnerTheCaseIsReleasedTo() throws Exception {
        String item = openCase(List.of());
        String file = upload(mvc, item, CN, "application/pdf", PDF, "seizure.pdf");
        // before US-DEA takes part, the case's files do not exist for it
        assertThat(mvc.perform(get(file + "/content").with(US)).andReturn().getResponse().getStatus()).isEqualTo(404);
        // the file is a version of the case: its ETag moved, and a write with the new one goes through
        assertThat(mvc.perform(get(item).with(CN)).andReturn().getResponse().getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(mvc.perform(post(item + "/partners").with(CN_SUPERVISOR).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"US-DEA\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        MockHttpServletResponse download = mvc.perform(get(file + "/content").with(US)).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);

        JsonNode custody = custody(mvc, file, US, 3);
        assertThat(actions(custody)).containsExactly("ADDED", "SHARED", "DOWNLOADED");
        assertThat(custody.get(0).path("by").asText()).isEqualTo("cn.investigator");
        assertThat(custody.get(0).path("reason").asText()).isEqualTo("seized on 2025-06-01");
        assertThat(custody.get(1).path("sharedWith").toString()).isEqualTo("[\"US-DEA\"]");
        assertThat(custody.get(1).path("by").asText()).isEqualTo("cn.supervisor");
        assertThat(custody.get(2).path("by").asText()).isEqualTo("us.investigator");
        assertThat(custody.get(2).path("agency").asText()).isEqualTo("US-DEA");
        // every link names the file's hash, as the events the notary covers do
        String hash = sha256(PDF);
        custody.forEach(entry -> assertThat(entry.path("sha256").asText()).isEqualTo(hash));

        // the whole round with a file added once US-DEA takes part; MX-FGR never does
        assertEvidenceRound(mvc, item, CN, US, "US-DEA", MX);

        // a file replaced by a better scan: both stay, the old one's custody says by which and why
        String better = upload(mvc, item, CN, "application/pdf",
                (new String(PDF, StandardCharsets.US_ASCII) + "% rescanned\n").getBytes(StandardCharsets.US_ASCII),
                "seizure-v2.pdf", id(file));
        JsonNode old = json(mvc.perform(get(file).with(US)).andReturn().getResponse(), 200);
        assertThat(old.path("supersededBy").asText()).isEqualTo(id(better));
        assertThat(json(mvc.perform(get(better).with(US)).andReturn().getResponse(), 200).path("supersedes").asText())
                .isEqualTo(id(file));
        assertThat(actions(custody(mvc, file, CN, 4))).endsWith("SUPERSEDED");
        assertThat(mvc.perform(post(item + "/evidence?name=x.pdf&reason=r&supersedes=no-such-file").with(CN)
                .contentType("application/pdf").content(PDF)).andReturn().getResponse().getStatus()).isEqualTo(400);

        // stored as the golden files say (the generated ids and hashes aside)
        assertGolden(id(item), "io.jointops.api.evidence.EvidenceFileAddedEvent", "EvidenceFileAddedEvent.1.json",
                EvidenceFileAddedEvent.class);
        assertGolden(id(item), "io.jointops.api.evidence.EvidenceFileSharedEvent", "EvidenceFileSharedEvent.1.json",
                EvidenceFileSharedEvent.class);
        assertGolden(id(item), "io.jointops.api.evidence.EvidenceFileSupersededEvent",
                "EvidenceFileSupersededEvent.1.json", EvidenceFileSupersededEvent.class);
        assertGolden(null, "io.jointops.api.evidence.EvidenceFileReadEvent", "EvidenceFileReadEvent.1.json",
                EvidenceFileReadEvent.class);
    }

    @Test
    void storedBytesThatNoLongerMatchTheirHashAreRefusedAndTheFailureRecorded() throws Exception {
        String item = openCase(List.of("US-DEA"));
        byte[] text = "date;amount;account\n".repeat(600).getBytes(StandardCharsets.UTF_8); // 12,000 bytes: 3 chunks
        String file = upload(mvc, item, CN, "text/csv", text, "statement.csv");
        // the same content again is stored once
        String twice = upload(mvc, item, CN_SUPERVISOR, "text/csv", text, "statement (copy).csv");
        assertThat(id(twice)).isNotEqualTo(id(file));
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_blob WHERE sha256 = :h").param("h", sha256(text))
                .query(Long.class).single()).isEqualTo(1);
        assertStoredOnce(sha256(text), 3);

        // someone with access to the store changes one byte of the second chunk (its 10th)
        alterStoredByte(sha256(text), 4096 + 9, (byte) 'X');
        MockHttpServletResponse refused = mvc.perform(get(file + "/content").with(US)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains(sha256(text)).doesNotContain("date;amount");
        // a range within the first chunk reads only that chunk, which is intact
        MockHttpServletResponse head = mvc.perform(get(file + "/content").with(US).header("Range", "bytes=0-3"))
                .andReturn().getResponse();
        assertThat(head.getStatus()).isEqualTo(206);
        assertThat(head.getContentAsString()).isEqualTo("date");
        assertThat(mvc.perform(get(file + "/content").with(US).header("Range", "bytes=4100-4200"))
                .andReturn().getResponse().getStatus()).isEqualTo(409);

        JsonNode custody = custody(mvc, file, CN, 4);
        assertThat(actions(custody)).containsExactly("ADDED", "INTEGRITY_FAILED", "DOWNLOADED", "INTEGRITY_FAILED");
        assertThat(custody.get(1).path("chunk").asInt()).isEqualTo(1);
        assertThat(custody.get(1).path("agency").asText()).isEqualTo("US-DEA");
        assertGolden(null, "io.jointops.api.evidence.EvidenceIntegrityFailedEvent",
                "EvidenceIntegrityFailedEvent.1.json", EvidenceIntegrityFailedEvent.class);

        // a 416 for a range past the end, a 304 for the version the client has
        MockHttpServletResponse past = mvc.perform(get(twice + "/content").with(US).header("Range", "bytes=20000-"))
                .andReturn().getResponse();
        assertThat(past.getStatus()).isEqualTo(416);
        assertThat(past.getHeader("Content-Range")).isEqualTo("bytes */12000");
        assertThat(mvc.perform(get(twice + "/content").with(US).header("If-None-Match", "\"" + sha256(text) + "\""))
                .andReturn().getResponse().getStatus()).isEqualTo(304);
    }

    @Test
    void whatIsNotAcceptedIsRefusedBeforeAnythingIsAttached() throws Exception {
        String item = openCase(List.of());
        String evidence = item + "/evidence?name=x&reason=seized";
        // not a type taken at all (an archive): 415 naming Content-Type
        MockHttpServletResponse zip = mvc.perform(post(evidence).with(CN).contentType("application/zip")
                .content(zip("photos/1.jpg"))).andReturn().getResponse();
        assertThat(zip.getStatus()).isEqualTo(415);
        assertThat(json.readTree(zip.getContentAsByteArray()).path("errors").get(0).path("field").asText())
                .isEqualTo("Content-Type");
        // a plain ZIP declared a Word document: its central directory says otherwise; nothing is unpacked
        MockHttpServletResponse docx = mvc.perform(post(evidence).with(CN).contentType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .content(zip("photos/1.jpg", "notes.txt"))).andReturn().getResponse();
        assertThat(docx.getStatus()).isEqualTo(422);
        assertThat(docx.getContentAsString()).contains("ZIP archive");
        // a real one is taken
        upload(mvc, item, CN, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), "report.docx");
        // text that is not text
        assertThat(mvc.perform(post(evidence).with(CN).contentType("text/plain")
                .content(new byte[]{'a', 0, 'b'})).andReturn().getResponse().getStatus()).isEqualTo(422);
        // larger than text's limit (16 KB here): 413 before the body is read
        MockHttpServletResponse large = mvc.perform(post(evidence).with(CN).contentType("text/plain")
                .content("x".repeat(16 * 1024 + 1))).andReturn().getResponse();
        assertThat(large.getStatus()).isEqualTo(413);
        assertThat(json.readTree(large.getContentAsByteArray()).path("maxBytes").asLong()).isEqualTo(16 * 1024);
        // no name, no reason, an empty file
        assertThat(mvc.perform(post(item + "/evidence?reason=r").with(CN).contentType("application/pdf").content(PDF))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post(item + "/evidence?name=a.pdf").with(CN).contentType("application/pdf")
                .content(PDF)).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post(evidence).with(CN).contentType("application/pdf").content(new byte[0]))
                .andReturn().getResponse().getStatus()).isEqualTo(422);
        // only the docx was attached
        assertThat(json(mvc.perform(get(item + "/evidence").with(CN)).andReturn().getResponse(), 200).size())
                .isEqualTo(1);
        // a partner's officer who does not act on the case may read but not add
        String shared = openCase(List.of("US-DEA"));
        assertThat(mvc.perform(post(shared + "/evidence?name=a.pdf&reason=r").with(US).contentType("application/pdf")
                .content(PDF)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void aCooperationRequestsFilesAreSeenExactlyByItsTwoAgencies() throws Exception {
        String caseId = id(openCase(List.of("US-DEA", "MX-FGR")));
        String request = mvc.perform(post("/api/cases/cooperation-requests").with(CN)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"caseId":"%s","receivingAgency":"US-DEA","type":"EVIDENCE_REQUEST","priority":"ROUTINE",
                                 "legalBasis":{"text":"Mutual legal assistance","reference":"CN-US MLAA Art. 1"},
                                 "question":"Whose is the container?","attachments":[]}""".formatted(caseId)))
                .andReturn().getResponse().getHeader("Location");
        // the request's file, from the requesting agency; the receiving agency answers with one of its own
        String asked = upload(mvc, request, CN, "application/pdf", PDF, "bill of lading.pdf");
        byte[] answer = "container MSCU 1234567 consigned by ...\n".getBytes(StandardCharsets.UTF_8);
        String answered = upload(mvc, request, US, "text/plain", answer, "answer.txt");
        for (RequestPostProcessor party : List.of(CN, US)) {
            assertThat(mvc.perform(get(asked + "/content").with(party)).andReturn().getResponse()
                    .getContentAsByteArray()).isEqualTo(PDF);
            assertThat(mvc.perform(get(answered + "/content").with(party)).andReturn().getResponse()
                    .getContentAsByteArray()).isEqualTo(answer);
        }
        // MX-FGR takes part in the case, not in the request: its files do not exist for it
        for (String path : List.of(request + "/evidence", asked + "/content", answered, answered + "/custody")) {
            assertThat(mvc.perform(get(path).with(MX)).andReturn().getResponse().getStatus()).isEqualTo(404);
        }
        JsonNode added = custody(mvc, answered, CN, 1).get(0);
        assertThat(added.path("agency").asText()).isEqualTo("US-DEA");
        assertThat(added.path("sharedWith").toString()).isEqualTo("[\"CN-NNCC\"]");
        // withdrawn, the request takes no more files
        mvc.perform(post(request + "/withdraw").with(CN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"answered by other means\"}"));
        assertThat(mvc.perform(post(request + "/evidence?name=a.pdf&reason=r").with(CN).contentType("application/pdf")
                .content(PDF)).andReturn().getResponse().getStatus()).isEqualTo(409);
    }

    /** The content of {@code sha256} is stored once, in {@code chunks} chunks, and nothing of its second upload. */
    void assertStoredOnce(String sha256, int chunks) {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM evidence_chunk c JOIN evidence_blob b ON b.upload_id = c.upload_id
                         WHERE b.sha256 = :h""").param("h", sha256).query(Long.class).single()).isEqualTo(chunks);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM evidence_chunk c
                         WHERE NOT EXISTS (SELECT 1 FROM evidence_blob b WHERE b.upload_id = c.upload_id)""")
                .query(Long.class).single()).isZero();
    }

    /** Sets byte {@code offset} of the stored content of {@code sha256} to {@code value}, behind the service's back. */
    void alterStoredByte(String sha256, long offset, byte value) {
        assertThat(jdbc.sql("""
                        UPDATE evidence_chunk c SET data = overlay(data PLACING :value FROM CAST(:offset % b.chunk_size AS INTEGER) + 1)
                          FROM evidence_blob b
                         WHERE b.sha256 = :h AND c.upload_id = b.upload_id AND c.seq = :offset / b.chunk_size""")
                .param("h", sha256).param("offset", offset).param("value", new byte[]{value}).update()).isEqualTo(1);
    }

    private String openCase(List<String> partners) throws Exception {
        return mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("title", "Operation Nightjar", "summary", "NPP",
                                "partnerAgencies", partners, "tlp", "TLP:AMBER", "handlingCode", "H1"))))
                .andReturn().getResponse().getHeader("Location");
    }

    /** The newest stored event of the type has the golden file's fields, and the golden file still reads. */
    private void assertGolden(String aggregateId, String payloadType, String file, Class<?> type) throws Exception {
        byte[] stored = jdbc.sql("""
                        SELECT payload FROM eventstore.domain_event_entry WHERE payload_type = :type
                           AND (CAST(:id AS TEXT) IS NULL OR aggregate_identifier = :id)
                         ORDER BY global_index DESC LIMIT 1""")
                .param("type", payloadType).param("id", aggregateId).query(byte[].class).single();
        JsonNode expected = json.readTree(getClass().getResourceAsStream("/events/" + file));
        List<String> storedFields = new ArrayList<>();
        json.readTree(stored).fieldNames().forEachRemaining(storedFields::add);
        List<String> goldenFields = new ArrayList<>();
        expected.fieldNames().forEachRemaining(goldenFields::add);
        assertThat(storedFields).as(file).containsExactlyElementsOf(goldenFields);
        assertThat(golden.read(file, type, "1")).isInstanceOf(type);
    }

    private static List<String> actions(JsonNode custody) {
        List<String> actions = new ArrayList<>();
        custody.forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static byte[] zip(String... names) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
