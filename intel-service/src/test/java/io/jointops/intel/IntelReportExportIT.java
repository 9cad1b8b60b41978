package io.jointops.intel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.audit.Bundle;
import io.jointops.audit.Bundles;
import io.jointops.audit.TrustPolicy;
import io.jointops.audit.Verifier;
import io.jointops.notary.TestNotary;
import io.jointops.platform.privacy.PersonalData;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
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

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15: an agency a report was released to exports it as a bundle that verifies offline, with the events its
 * history does not show hash-only and none of their text; the export is read through intel-service's own read-only
 * view of the audit log (the notary runs in case-service; here a {@link TestNotary} on the same database), and logged
 * as a read. The owner and auditors get every event; an agency the report never reached, 404.
 */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
class IntelReportExportIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor CN_SUPERVISOR = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
    static final RequestPostProcessor US = TestTokens.user("us.analyst", "US-DEA", "analyst");
    static final RequestPostProcessor GB = TestTokens.user("gb.investigator", "GB-NCA", "investigator");
    static final RequestPostProcessor AUDITOR = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");
    static final RequestPostProcessor OUTSIDER = TestTokens.user("de.investigator", "DE-BKA", "investigator");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DataSource dataSource;
    @Autowired
    PersonalData personalData;

    @Test
    void aRecipientsExportVerifiesOfflineAndWithholdsWhatItsHistoryDoesNotShow() throws Exception {
        long run = System.nanoTime();
        String returnComment = "name the informant's handler " + run;
        String otherFeedback = "wrong vessel " + run;
        String ownFeedback = "seized 200 kg " + run;
        String location = mvc.perform(post("/api/intel/reports").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(IntelReportApiIT.REPORT.formatted("TLP:AMBER", "+86 10 5555 0909")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String reportId = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(post(location + "/submission").with(CN)).andExpect(status().isOk());
        mvc.perform(post(location + "/return").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comments\":\"" + returnComment + "\"}")).andExpect(status().isOk());
        mvc.perform(put(location).with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(IntelReportApiIT.REPORT.formatted("TLP:AMBER", "+86 10 5555 0909")
                                .replace("Broker pattern", "Broker pattern, revised")))
                .andExpect(status().isOk());
        mvc.perform(post(location + "/submission").with(CN)).andExpect(status().isOk());
        mvc.perform(post(location + "/approval").with(CN_SUPERVISOR)).andExpect(status().isOk());
        mvc.perform(post(location + "/feedback").with(US).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"CONFIRMED\",\"comment\":\"" + ownFeedback + "\"}")).andExpect(status().isOk());
        mvc.perform(post(location + "/release").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencies\":[\"GB-NCA\"]}")).andExpect(status().isOk());
        mvc.perform(post(location + "/feedback").with(GB).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"FALSE_POSITIVE\",\"comment\":\"" + otherFeedback + "\"}")).andExpect(status().isOk());

        mvc.perform(get(location + "/export").with(US)) // no checkpoint covers it yet
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        TestNotary notary = new TestNotary(dataSource);
        notary.notarize();
        TrustPolicy policy = TrustPolicy.all(TestNotary.ORIGIN, notary.keys());

        // US-DEA: hash-only exactly where its history leaves events out (drafts, the return, GB-NCA's feedback ...)
        Bundle us = export(location, US);
        Verifier.Report report = new Verifier(policy).verify(us);
        long total = history(location, AUDITOR).path("totalEvents").asLong();
        TreeSet<Long> shown = new TreeSet<>();
        history(location, US).path("events").forEach(event -> shown.add(event.path("sequence").asLong()));
        TreeSet<Long> full = new TreeSet<>();
        for (int sequence = 0; sequence < us.events().size(); sequence++) {
            if (!us.events().get(sequence).isHashOnly()) {
                full.add((long) sequence);
            }
        }
        assertThat(us.events()).hasSize((int) total);
        assertThat(full).as("full entries").isNotEmpty().isEqualTo(shown);
        assertThat(report.withheld()).isEqualTo((int) total - shown.size()).isPositive();
        assertThat(report.summary()).startsWith("OK: " + total + " events (" + report.withheld()
                + " withheld: content hash only) of item " + reportId);
        assertThat(readable(us)).doesNotContain(returnComment).doesNotContain(otherFeedback).contains(ownFeedback);
        assertThat(raw.get(raw.size() - 1)).as("personal text in clear").doesNotContain(ownFeedback);

        // the owner and auditors: every event
        for (RequestPostProcessor everything : List.of(CN, AUDITOR)) {
            Bundle all = export(location, everything);
            assertThat(new Verifier(policy).verify(all).withheld()).isZero();
            assertThat(readable(all)).contains(returnComment, otherFeedback, ownFeedback);
        }
        // an agency the report never reached: 404 as for a missing report
        mvc.perform(get(location + "/export").with(OUTSIDER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", is("No intelligence report '" + reportId + "' is visible to you.")));
        mvc.perform(get(location + "/export").param("treeSize", "0").with(US))
                .andExpect(status().isBadRequest());

        // the export carried the report's content: logged as a read of US-DEA's
        Instant deadline = Instant.now().plusSeconds(10);
        while (!mvc.perform(get(location + "/reads").with(CN)).andReturn().getResponse().getContentAsString()
                .contains("\"EXPORT\"")) {
            assertThat(Instant.now()).as("the read log shows the export").isBefore(deadline);
            Thread.sleep(100);
        }
        mvc.perform(get(location + "/reads").with(CN))
                .andExpect(jsonPath("$.items[?(@.view == 'EXPORT')].agency", org.hamcrest.Matchers.hasItem("US-DEA")));
    }

    private Bundle export(String location, RequestPostProcessor reader) throws Exception {
        byte[] bytes = mvc.perform(get(location + "/export").with(reader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        raw.add(new String(bytes, StandardCharsets.UTF_8));
        return Bundles.read(new ByteArrayInputStream(bytes));
    }

    private final List<String> raw = new ArrayList<>();

    private JsonNode history(String location, RequestPostProcessor reader) throws Exception {
        return json.readTree(mvc.perform(get(location + "/history").with(reader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** The last export's bytes and every payload and metadata the bundle carries, decoded. */
    /**
     * The bundle's bytes and every payload and metadata it carries, decoded, and each payload again with its personal
     * fields decrypted by the platform's keys (the bundle holds them as ciphertext only, docs/privacy.md).
     */
    private String readable(Bundle bundle) throws Exception {
        List<String> parts = new ArrayList<>(List.of(raw.get(raw.size() - 1)));
        for (Bundle.Entry entry : bundle.events()) {
            if (entry.event() != null) {
                byte[] payload = Base64.getDecoder().decode(entry.event().payload());
                parts.add(new String(payload, StandardCharsets.UTF_8));
                parts.add(personalData.decrypt(json.readTree(payload)).toString());
                if (entry.event().metaData() != null) {
                    parts.add(new String(Base64.getDecoder().decode(entry.event().metaData()), StandardCharsets.UTF_8));
                }
            }
        }
        return String.join("\n", parts);
    }
}
