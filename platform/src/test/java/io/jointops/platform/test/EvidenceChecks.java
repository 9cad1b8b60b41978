package io.jointops.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What every service's evidence files must do, through its API on a real PostgreSQL (the platform's one mechanism,
 * under each item's own path and visibility): upload, download by another agency that sees the item, a range, a
 * refused type, 404 for an agency that does not see the item, and the custody the reads leave.
 */
public final class EvidenceChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small PDF (its bytes are what counts: the signature, then anything). */
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Operation Nightjar lab report\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    /** A PNG's first bytes. */
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    private EvidenceChecks() {
    }

    /**
     * The whole round: {@code owner} adds a file to the item at {@code itemPath}; {@code reader} (another agency that
     * sees the item) lists and downloads it, whole and a range; {@code outsider}'s every evidence request is a 404, as
     * for a missing item; a PNG declared a PDF is refused naming {@code Content-Type} and leaves nothing; the file's
     * custody shows its addition and the reader's two downloads. Returns the file's location.
     */
    public static String assertEvidenceRound(MockMvc mvc, String itemPath, RequestPostProcessor owner,
                                             RequestPostProcessor reader, String readerAgency,
                                             RequestPostProcessor outsider) throws Exception {
        String file = upload(mvc, itemPath, owner, "application/pdf", PDF, "lab report 实验室报告.pdf");
        JsonNode added = json(mvc.perform(get(file).with(reader)).andReturn().getResponse(), 200);
        assertThat(added.path("sha256").asText()).isEqualTo(sha256(PDF));
        assertThat(added.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(added.path("size").asLong()).isEqualTo(PDF.length);
        assertThat(added.path("name").asText()).isEqualTo("lab report 实验室报告.pdf");

        MockHttpServletResponse whole = mvc.perform(get(file + "/content").with(reader)).andReturn().getResponse();
        assertThat(whole.getStatus()).isEqualTo(200);
        assertThat(whole.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(whole.getHeader("ETag")).isEqualTo("\"" + sha256(PDF) + "\"");
        assertThat(whole.getHeader("Content-Disposition")).startsWith("attachment; filename=\"lab report _____.pdf\"")
                .contains("filename*=UTF-8''lab%20report%20%E5%AE%9E");
        MockHttpServletResponse range = mvc.perform(get(file + "/content").with(reader).header("Range", "bytes=5-7"))
                .andReturn().getResponse();
        assertThat(range.getStatus()).isEqualTo(206);
        assertThat(range.getContentAsString()).isEqualTo("1.4");
        assertThat(range.getHeader("Content-Range")).isEqualTo("bytes 5-7/" + PDF.length);

        for (String path : List.of(itemPath + "/evidence", file, file + "/content", file + "/custody")) {
            assertThat(mvc.perform(get(path).with(outsider)).andReturn().getResponse().getStatus())
                    .as("GET %s by an agency that does not see the item", path).isEqualTo(404);
        }
        assertThat(mvc.perform(post(itemPath + "/evidence?name=x.pdf&reason=r").with(outsider)
                .contentType("application/pdf").content(PDF)).andReturn().getResponse().getStatus()).isEqualTo(404);

        int before = json(mvc.perform(get(itemPath + "/evidence").with(owner)).andReturn().getResponse(), 200).size();
        MockHttpServletResponse mismatch = mvc.perform(post(itemPath + "/evidence?name=photo.pdf&reason=seized")
                .with(owner).contentType("application/pdf").content(PNG)).andReturn().getResponse();
        assertThat(mismatch.getStatus()).isEqualTo(422);
        assertThat(mismatch.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(mismatch.getContentAsByteArray());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
        assertThat(problem.path("errors").get(0).path("detail").asText()).contains("declared application/pdf",
                "image/png");
        assertThat(json(mvc.perform(get(itemPath + "/evidence").with(owner)).andReturn().getResponse(), 200).size())
                .isEqualTo(before);

        JsonNode custody = custody(mvc, file, reader, 3);
        assertThat(custody.get(0).path("action").asText()).isEqualTo("ADDED");
        assertThat(custody.get(0).path("sha256").asText()).isEqualTo(sha256(PDF));
        List<JsonNode> downloads = new java.util.ArrayList<>();
        custody.forEach(entry -> {
            if (entry.path("action").asText().equals("DOWNLOADED")) {
                downloads.add(entry);
            }
        });
        assertThat(downloads).hasSize(2);
        assertThat(downloads).allSatisfy(entry -> assertThat(entry.path("agency").asText()).isEqualTo(readerAgency));
        assertThat(downloads.get(1).path("range").asText()).isEqualTo("bytes=5-7");
        return file;
    }

    /**
     * The file's custody once it has at least {@code entries} entries (a download's entry is projected after the
     * answer, like any read's), waiting up to 10 s.
     */
    public static JsonNode custody(MockMvc mvc, String file, RequestPostProcessor who, int entries) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            JsonNode items = json(mvc.perform(get(file + "/custody").with(who)).andReturn().getResponse(), 200)
                    .path("items");
            if (items.size() >= entries || System.currentTimeMillis() > deadline) {
                return items;
            }
            Thread.sleep(50);
        }
    }

    /** Uploads {@code bytes} as a file of the item; asserts 201 and returns the file's location. */
    public static String upload(MockMvc mvc, String itemPath, RequestPostProcessor who, String type, byte[] bytes,
                                String name) throws Exception {
        return upload(mvc, itemPath, who, type, bytes, name, null);
    }

    /** Uploads {@code bytes} as a file of the item that replaces file {@code supersedes}; returns its location. */
    public static String upload(MockMvc mvc, String itemPath, RequestPostProcessor who, String type, byte[] bytes,
                                String name, String supersedes) throws Exception {
        var request = post(itemPath + "/evidence").with(who).param("name", name)
                .param("reason", "seized on 2025-06-01").contentType(type).content(bytes);
        if (supersedes != null) {
            request = request.param("supersedes", supersedes);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        assertThat(response.getHeader("ETag")).isEqualTo("\"" + sha256(bytes) + "\"");
        return response.getHeader("Location");
    }

    /** The answer's JSON, after checking its status. */
    public static JsonNode json(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return JSON.readTree(response.getContentAsByteArray());
    }

    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
