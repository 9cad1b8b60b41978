package io.jointops.finance;

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

import static io.jointops.platform.test.EvidenceChecks.assertEvidenceRound;
import static io.jointops.platform.test.EvidenceChecks.custody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Evidence files of transaction reports on one finance-service and a real PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class EvidenceIT {

    static final RequestPostProcessor FINCEN = TestTokens.user("us.finance", "US-FINCEN", "finance-officer");
    static final RequestPostProcessor DEA = TestTokens.user("us.investigator", "US-DEA", "investigator");
    static final RequestPostProcessor CAMLMAC = TestTokens.user("cn.finance", "CN-CAMLMAC", "finance-officer");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "finance-service");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aReportsFilesGoWhereTheReportIsReleased() throws Exception {
        String report = mvc.perform(post("/api/finance/reports").with(FINCEN).contentType(MediaType.APPLICATION_JSON)
                        .content(TransactionReportApiIT.VALID.formatted("\"US-DEA\"")))
                .andReturn().getResponse().getHeader("Location");
        String file = assertEvidenceRound(mvc, report, FINCEN, DEA, "US-DEA", CAMLMAC);
        // released to CN-CAMLMAC later: the file goes with the report, and its custody says so
        String etag = mvc.perform(get(report).with(FINCEN)).andReturn().getResponse().getHeader("ETag");
        assertThat(mvc.perform(post(report + "/releases").with(FINCEN).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"CN-CAMLMAC\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get(file + "/content").with(CAMLMAC)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        JsonNode shared = custody(mvc, file, CAMLMAC, 5).get(3);
        assertThat(shared.path("action").asText()).isEqualTo("SHARED");
        assertThat(shared.path("sharedWith").toString()).isEqualTo("[\"CN-CAMLMAC\"]");
    }
}
