package io.jointops.intel;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.ArrayList;
import java.util.List;

import static io.jointops.platform.test.EvidenceChecks.PDF;
import static io.jointops.platform.test.EvidenceChecks.assertEvidenceRound;
import static io.jointops.platform.test.EvidenceChecks.custody;
import static io.jointops.platform.test.EvidenceChecks.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Evidence files of intelligence reports and takedowns on one intel-service and a real PostgreSQL. */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
class EvidenceIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor CN_SUPERVISOR = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
    static final RequestPostProcessor US = TestTokens.user("us.investigator", "US-DEA", "investigator");
    static final RequestPostProcessor US_SUPERVISOR = TestTokens.user("us.supervisor", "US-DEA", "supervisor");
    static final RequestPostProcessor MX = TestTokens.user("mx.investigator", "MX-FGR", "investigator");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aReportsFilesReachItsRecipientsWhenTheReportIsDisseminated() throws Exception {
        String report = mvc.perform(post("/api/intel/reports").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(IntelReportApiIT.REPORT.formatted("TLP:AMBER", "+86 10 1234 5678")))
                .andReturn().getResponse().getHeader("Location");
        String draftFile = upload(mvc, report, CN, "application/pdf", PDF, "source photo.pdf");
        // a draft is the owner's alone, and so are its files
        assertThat(mvc.perform(get(draftFile + "/content").with(US)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        // only the owner agency adds files
        assertThat(mvc.perform(post(report + "/evidence?name=a.pdf&reason=r").with(US).contentType("application/pdf")
                .content(PDF)).andReturn().getResponse().getStatus()).isEqualTo(404);
        mvc.perform(post(report + "/submission").with(CN));
        assertThat(mvc.perform(post(report + "/approval").with(CN_SUPERVISOR)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get(draftFile + "/content").with(US)).andReturn().getResponse().getContentAsByteArray())
                .isEqualTo(PDF);
        JsonNode custody = custody(mvc, draftFile, US, 3);
        assertThat(actions(custody)).containsExactly("ADDED", "SHARED", "DOWNLOADED");
        assertThat(custody.get(1).path("sharedWith").toString()).isEqualTo("[\"US-DEA\"]");
        assertThat(mvc.perform(post(report + "/evidence?name=a.pdf&reason=r").with(US).contentType("application/pdf")
                .content(PDF)).andReturn().getResponse().getStatus()).isEqualTo(403);

        assertEvidenceRound(mvc, report, CN, US, "US-DEA", MX);
    }

    @Test
    void aTakedownsFilesAreTheRequestingAgencysAlone() throws Exception {
        String takedown = mvc.perform(post("/api/intel/takedowns").with(US).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"platform":"DarkMarket","url":"https://market.example.com/item/7","contentType":"LISTING",
                                 "offence":"sale of fentanyl precursors",
                                 "evidenceSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                                 "evidenceCapturedAt":"2026-11-01T08:00:00Z","legalBasis":"Art. 14 DSA",
                                 "requestedAt":"2026-11-01T09:00:00Z"}"""))
                .andReturn().getResponse().getHeader("Location");
        assertThat(takedown).isNotNull();
        assertEvidenceRound(mvc, takedown, US, US_SUPERVISOR, "US-DEA", CN);
    }

    private static List<String> actions(JsonNode custody) {
        List<String> actions = new ArrayList<>();
        custody.forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }
}
