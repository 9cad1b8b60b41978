package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.audit.Bundle;
import io.jointops.audit.Bundles;
import io.jointops.audit.Ed25519;
import io.jointops.audit.TrustPolicy;
import io.jointops.audit.Verifier;
import io.jointops.notary.Notary;
import io.jointops.platform.privacy.PersonalData;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15: a partner agency takes home a verifiable bundle of a case it sees, proving who shared what and when,
 * without the content it may not see. On PostgreSQL with the notary signing for CN-NNCC and US-DEA's co-signer in
 * process: each agency's export verifies offline under the auditor's trust policy, holds hash-only entries exactly for
 * the events its history withholds from it and none of their text; joint auditors get every event; an agency the case
 * is not visible to gets 404 as for a missing case.
 */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
class CaseExportIT {

    private static final RequestPostProcessor CN = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor", "investigator");
    private static final RequestPostProcessor US = TestTokens.user("us.supervisor", "US-DEA", "supervisor", "investigator");
    private static final RequestPostProcessor US_ANALYST = TestTokens.user("us.analyst", "US-DEA", "analyst");
    private static final RequestPostProcessor MX = TestTokens.user("mx.investigator", "MX-FGR", "investigator");
    private static final RequestPostProcessor OUTSIDER = TestTokens.user("de.investigator", "DE-BKA", "investigator");
    private static final RequestPostProcessor AUDITOR = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");

    static final KeyPair CN_KEY = Ed25519.generate();
    static final KeyPair US_KEY = Ed25519.generate();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestService.register(registry, "case-service");
        Path keys = Files.createTempDirectory("case-export-keys");
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
    CommandGateway commands;
    @Autowired
    Notary notary;
    @Autowired
    PersonalData personalData;

    @Test
    void aPartnersExportVerifiesOfflineAndWithholdsExactlyWhatItsHistoryWithholds() throws Exception {
        long run = System.nanoTime();
        String cnSecret = "NIGHTHAWK-CN-" + run;
        String usSecret = "KESTREL-US-" + run;
        String shared = "shared-with-partners-" + run;
        String linked = "US-DEA source report " + run;
        String location = mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Operation Osprey " + run + "\",\"partnerAgencies\":[\"US-DEA\"],"
                                + "\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        note(location, CN, cnSecret, "TLP:RED");       // CN-NNCC's own: US-DEA and MX-FGR may not see it
        note(location, CN, shared, "TLP:AMBER");
        note(location, US, usSecret, "TLP:RED");       // US-DEA's own: CN-NNCC and MX-FGR may not see it
        // an item released to CN-NNCC and US-DEA, linked before MX-FGR joins: MX-FGR may not see the link
        commands.sendAndWait(new RecordLinkedItemCommand(caseId, LinkedItemType.INTEL_REPORT, "us-report-" + run, linked));
        mvc.perform(post(location + "/partners").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agency\":\"MX-FGR\"}"))
                .andExpect(status().isOk());

        // before a checkpoint every agency signed covers the case: nothing to export yet, said as a problem
        mvc.perform(get(location + "/export").with(US))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(notary.notarize()).isPresent();
        assertThat(notary.latestComplete(Long.MAX_VALUE)).as("CN-NNCC signed, US-DEA's co-signer co-signed").isPresent();

        TrustPolicy policy = TrustPolicy.all("jointops", Map.of("CN-NNCC", CN_KEY.getPublic(), "US-DEA", US_KEY.getPublic()));
        Map<RequestPostProcessor, List<String>> hidden = Map.of(US, List.of(cnSecret), US_ANALYST, List.of(cnSecret),
                CN, List.of(usSecret), MX, List.of(cnSecret, usSecret, linked));
        Map<RequestPostProcessor, List<String>> seen = Map.of(US, List.of(usSecret, shared, linked),
                US_ANALYST, List.of(usSecret, shared, linked), CN, List.of(cnSecret, shared, linked), MX, List.of(shared));
        for (RequestPostProcessor reader : List.of(US, US_ANALYST, CN, MX)) {
            byte[] bundle = mvc.perform(get(location + "/export").with(reader))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andReturn().getResponse().getContentAsByteArray();
            Bundle read = Bundles.read(new ByteArrayInputStream(bundle));
            Verifier.Report report = new Verifier(policy).verify(read);

            // hash-only exactly where the reader's history withholds the event
            TreeSet<Long> withheldByHistory = withheldInHistory(location, reader);
            TreeSet<Long> hashOnly = new TreeSet<>();
            for (int sequence = 0; sequence < read.events().size(); sequence++) {
                if (read.events().get(sequence).isHashOnly()) {
                    hashOnly.add((long) sequence);
                }
            }
            int events = read.events().size();
            assertThat(events).as("every event of the case").isEqualTo(historyLength(location));
            assertThat(hashOnly).as("hash-only entries").isNotEmpty().isEqualTo(withheldByHistory);
            assertThat(report.summary()).startsWith("OK: " + events + " events (" + hashOnly.size() + " withheld: content hash only)"
                    + " of item " + caseId).contains("signed by CN-NNCC, US-DEA");

            // and nothing of them: not in the bytes, not in any payload or metadata the bundle carries, not even
            // with the platform's keys
            String everything = readable(bundle, read);
            String opened = opened(read);
            for (String secret : hidden.get(reader)) {
                assertThat(everything).as("a withheld event's text").doesNotContain(secret);
                assertThat(opened).as("a withheld event's text, decrypted").doesNotContain(secret);
            }
            // what the reader sees is there, as ciphertext of its personal fields only (issue 18, docs/privacy.md)
            for (String text : seen.get(reader)) {
                assertThat(everything).as("personal text in clear").doesNotContain(text);
                assertThat(opened).as("what the reader sees").contains(text);
            }
            assertThat(report.personalFields()).isPositive();
        }

        // joint auditors: every event, here and through /api/audit
        for (String export : List.of(location + "/export", "/api/audit/export?itemId=" + caseId)) {
            byte[] bundle = mvc.perform(get(export).with(AUDITOR)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray();
            Bundle read = Bundles.read(new ByteArrayInputStream(bundle));
            assertThat(new Verifier(policy).verify(read).withheld()).isZero();
            assertThat(readable(bundle, read)).doesNotContain(cnSecret, usSecret, shared, linked);
            assertThat(opened(read)).contains(cnSecret, usSecret, shared, linked);
        }

        // an agency the case is not visible to: 404, exactly as for a case that does not exist
        String missing = "/api/cases/" + java.util.UUID.randomUUID();
        for (String path : List.of(location, missing)) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            mvc.perform(get(path + "/export").with(path.equals(location) ? OUTSIDER : US))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail", is("No case '" + id + "' is visible to you.")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString(cnSecret))));
        }
        mvc.perform(get("/api/audit/export").param("itemId", caseId).with(US)).andExpect(status().isForbidden());
        // bad input names its field
        mvc.perform(get(location + "/export").param("treeSize", "0").with(US))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", containsString("treeSize")));
        mvc.perform(get(location + "/export").param("treeSize", "999999999").with(US))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("there is no checkpoint of size 999999999")));
    }

    private void note(String location, RequestPostProcessor author, String text, String tlp) throws Exception {
        mvc.perform(post(location + "/notes").with(author).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + text + "\",\"tlp\":\"" + tlp + "\"}"))
                .andExpect(status().isCreated());
    }

    /** The sequences of the events the reader's history shows only as withheld stand-ins. */
    private TreeSet<Long> withheldInHistory(String location, RequestPostProcessor reader) throws Exception {
        JsonNode history = json.readTree(mvc.perform(get(location + "/history").with(reader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        TreeSet<Long> withheld = new TreeSet<>();
        for (JsonNode event : history.path("events")) {
            if (event.path("payload").path("withheld").asBoolean()) {
                withheld.add(event.path("sequence").asLong());
            }
        }
        return withheld;
    }

    private long historyLength(String location) throws Exception {
        return json.readTree(mvc.perform(get(location + "/history").with(AUDITOR)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).path("totalEvents").asLong();
    }

    /** The bundle's bytes and every payload and metadata it carries, decoded: where a text would show. */
    private static String readable(byte[] bundle, Bundle read) {
        List<String> parts = new ArrayList<>(List.of(new String(bundle, StandardCharsets.UTF_8)));
        for (Bundle.Entry entry : read.events()) {
            if (entry.event() != null) {
                parts.add(decoded(entry.event().payload()));
                parts.add(decoded(entry.event().metaData()));
            }
        }
        return String.join("\n", parts);
    }

    /** The payloads of the bundle's full entries with their personal fields decrypted by the platform's keys. */
    private String opened(Bundle read) throws Exception {
        List<String> parts = new ArrayList<>();
        for (Bundle.Entry entry : read.events()) {
            if (entry.event() != null && entry.event().payload() != null) {
                parts.add(personalData.decrypt(json.readTree(Base64.getDecoder().decode(entry.event().payload())))
                        .toString());
            }
        }
        return String.join("\n", parts);
    }

    private static String decoded(String base64) {
        return base64 == null ? "" : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
