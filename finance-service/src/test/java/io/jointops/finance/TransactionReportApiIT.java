package io.jointops.finance;

import io.jointops.api.finance.ReportCode;
import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.util.List;

import static io.jointops.platform.test.AsOfChecks.assertAsOfMatchesLive;
import static io.jointops.platform.test.ItemVisibility.assertAuditorReads;
import static io.jointops.platform.test.ItemVisibility.assertListedFor;
import static io.jointops.platform.test.ItemVisibility.assertMissingFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The transaction report API of one finance-service on a real PostgreSQL; tokens are shaped like the realm's. */
@SpringBootTest
@AutoConfigureMockMvc
// closed after the class: no idle context's processors keep claiming the segments a replay must reset
@DirtiesContext
@Import(GoldenEvents.class)
class TransactionReportApiIT {

    static final String VALID = """
            {"reportCode":"STR","reportingEntity":"First Harbour Bank","submissionDate":"2026-10-14",
             "reason":"Structured cash deposits below the reporting threshold","releasedTo":[%s],
             "tlp":"TLP:AMBER","handlingCode":"H2"}""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "finance-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GoldenEvents golden;

    @Test
    void filesAReportVisibleToOwnerAndReleasedAgenciesOnlyWithItsHistory() throws Exception {
        MvcResult created = mvc.perform(post("/api/finance/reports").with(TestTokens.user("us.finance", "US-FINCEN", "finance-officer"))
                        .header("X-Correlation-Id", "it-finance-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.formatted("\"US-DEA\"")))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.ownerAgency", is("US-FINCEN")))
                .andExpect(jsonPath("$.releasedTo", contains("US-DEA")))
                .andExpect(jsonPath("$.reportCode", is("STR")))
                .andExpect(jsonPath("$.submissionDate", is("2026-10-14")))
                .andExpect(jsonPath("$.tlp", is("TLP:AMBER")))
                .andExpect(jsonPath("$.filedBy", is("us.finance")))
                .andReturn();
        String location = created.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/finance/reports/");
        String reportId = location.substring(location.lastIndexOf('/') + 1);

        assertMissingFor(mvc, location, TestTokens.user("cn.investigator", "CN-NNCC", "investigator"));

        mvc.perform(get(location).with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.reportingEntity", is("First Harbour Bank")));
        assertListedFor(mvc, location, TestTokens.user("us.investigator", "US-DEA", "investigator"));
        assertAuditorReads(mvc, location);
        assertAsOfMatchesLive(mvc, location, TestTokens.user("us.investigator", "US-DEA", "investigator"));

        mvc.perform(get(location + "/history").with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalEvents", is(1)))
                .andExpect(jsonPath("$.events[0].type", is("SuspiciousTransactionReportFiledEvent")))
                .andExpect(jsonPath("$.events[0].revision", is("2")))
                .andExpect(jsonPath("$.events[0].actor", is("us.finance")))
                .andExpect(jsonPath("$.events[0].agency", is("US-FINCEN")))
                .andExpect(jsonPath("$.events[0].correlationId", is("it-finance-1")))
                .andExpect(jsonPath("$.events[0].payload.submissionDate", is("2026-10-14")))
                .andExpect(jsonPath("$.events[0].payload.reportCode", is("STR")));

        // new reports are stored as revision 2; revision 1 stays readable through the upcaster (UpcastingIT)
        golden.assertStoredAsGolden(reportId, 0, "SuspiciousTransactionReportFiledEvent.2.json", "reportId");
        assertThat(golden.read("SuspiciousTransactionReportFiledEvent.2.json", SuspiciousTransactionReportFiledEvent.class, "2"))
                .isEqualTo(new SuspiciousTransactionReportFiledEvent("3f1b7e2a-52a4-4c8e-b0a9-1f7c1d2e3a01",
                        ReportCode.STR, "First Harbour Bank", LocalDate.of(2026, 10, 14),
                        "Structured cash deposits below the reporting threshold", "US-FINCEN", List.of("US-DEA"),
                        Tlp.AMBER, HandlingCode.H2, null, List.of(), 0));
    }

    @Test
    void refusesBadInputNamingTheFieldAndStoresNothing() throws Exception {
        long before = events();
        expectInvalid(VALID.formatted("").replace("\"reportingEntity\":\"First Harbour Bank\"", "\"reportingEntity\":\" \""),
                is("reportingEntity"));
        expectInvalid(VALID.formatted("").replace("\"STR\"", "\"SAR\""), is("reportCode"));
        expectInvalid(VALID.formatted("").replace("2026-10-14", "2026-13-01"), is("submissionDate"));
        expectInvalid(VALID.formatted("").replace("\"reason\":\"Structured cash deposits below the reporting threshold\",", ""),
                is("reason"));
        expectInvalid(VALID.formatted("\"fincen\""), containsString("releasedTo"));
        // only the aggregate knows the owner: releasing to oneself is refused there, and still names the field
        expectInvalid(VALID.formatted("\"US-FINCEN\""), is("releasedTo"));
        assertThat(events()).isEqualTo(before);
    }

    /**
     * A reporting entity of Unicode spaces only passes the request's {@code @NotBlank} (Hibernate Validator trims ASCII
     * only): the command's constraints refuse it where the command is sent, naming the field, and nothing is stored.
     */
    @Test
    void aTextOfUnicodeSpacesIsRefusedByTheCommandsConstraints() throws Exception {
        long before = events();
        expectInvalid(VALID.formatted("").replace("\"reportingEntity\":\"First Harbour Bank\"",
                "\"reportingEntity\":\"\u3000\""), is("reportingEntity"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aWrongRoleIsForbidden() throws Exception {
        long before = events();
        mvc.perform(post("/api/finance/reports").with(TestTokens.user("cn.chemical", "CN-CUSTOMS", "chemical-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID.formatted("")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/finance/reports").with(TestTokens.user("auditor", "JOINT-AUDIT", "auditor"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID.formatted("")))
                .andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
        mvc.perform(post("/api/finance/reports").with(TestTokens.user("us.investigator", "US-DEA", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON).content(VALID.formatted("")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ownerAgency", is("US-DEA")));
    }

    private void expectInvalid(String body, org.hamcrest.Matcher<? super String> field) throws Exception {
        mvc.perform(post("/api/finance/reports").with(TestTokens.user("us.finance", "US-FINCEN", "finance-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", field));
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single();
    }
}
