package io.jointops.intel;

import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.IntelReportLinkedToCaseEvent;
import io.jointops.api.intel.IntelReportSubmittedEvent;
import io.jointops.api.intel.LinkIntelReportToCaseCommand;
import io.jointops.api.intel.SourceReliability;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.jointops.platform.test.AsOfChecks.assertAsOfMatchesLive;
import static io.jointops.platform.test.ItemVisibility.assertAuditorReads;
import static io.jointops.platform.test.ItemVisibility.assertListedFor;
import static io.jointops.platform.test.ItemVisibility.assertMissingFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The intelligence report API of one intel-service on a real PostgreSQL; tokens are shaped like the realm's. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(GoldenEvents.class)
class IntelReportApiIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GoldenEvents golden;
    @Autowired
    CommandGateway commands;

    @Test
    void submitsAReportVisibleToOwnerAndReleasedAgenciesOnlyWithItsHistory() throws Exception {
        MvcResult created = mvc.perform(post("/api/intel/reports").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .header("X-Correlation-Id", "it-intel-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"NPP shipments via Rotterdam","summary":"Broker pattern","category":"TRAFFICKING_ROUTE",
                                 "sourceReliability":"B","informationCredibility":2,"releasedTo":["US-DEA"],
                                 "tlp":"TLP:AMBER","handlingCode":"H2"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.ownerAgency", is("CN-NNCC")))
                .andExpect(jsonPath("$.releasedTo", contains("US-DEA")))
                .andExpect(jsonPath("$.grading", is("B2")))
                .andExpect(jsonPath("$.tlp", is("TLP:AMBER")))
                .andExpect(jsonPath("$.handlingCode", is("H2")))
                .andExpect(jsonPath("$.submittedBy", is("cn.investigator")))
                .andReturn();
        String location = created.getResponse().getHeader("Location");
        assertThat(location).startsWith("/api/intel/reports/");
        String reportId = location.substring(location.lastIndexOf('/') + 1);

        assertMissingFor(mvc, location, TestTokens.user("gb.investigator", "GB-NCA", "investigator"));

        mvc.perform(get(location).with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.title", is("NPP shipments via Rotterdam")))
                .andExpect(jsonPath("$.summary", is("Broker pattern")));
        assertListedFor(mvc, location, TestTokens.user("us.investigator", "US-DEA", "investigator"));
        assertAuditorReads(mvc, location);
        assertAsOfMatchesLive(mvc, location, TestTokens.user("us.investigator", "US-DEA", "investigator"));

        mvc.perform(get(location + "/history").with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalEvents", is(1)))
                .andExpect(jsonPath("$.events[0].type", is("IntelReportSubmittedEvent")))
                .andExpect(jsonPath("$.events[0].revision", is("1")))
                .andExpect(jsonPath("$.events[0].actor", is("cn.investigator")))
                .andExpect(jsonPath("$.events[0].agency", is("CN-NNCC")))
                .andExpect(jsonPath("$.events[0].correlationId", is("it-intel-1")))
                .andExpect(jsonPath("$.events[0].payload.ownerAgency", is("CN-NNCC")))
                .andExpect(jsonPath("$.events[0].payload.informationCredibility", is(2)));

        golden.assertStoredAsGolden(reportId, 0, "IntelReportSubmittedEvent.1.json", "reportId");
        assertThat(golden.read("IntelReportSubmittedEvent.1.json", IntelReportSubmittedEvent.class, "1"))
                .isEqualTo(new IntelReportSubmittedEvent("8a0c6a55-2f43-4bd4-9c55-6a0e2f7f9d01",
                        "NPP shipments via Rotterdam", "Broker pattern", IntelCategory.TRAFFICKING_ROUTE,
                        SourceReliability.B, 2, Tlp.AMBER, HandlingCode.H2, "CN-NNCC", List.of("US-DEA")));
    }

    @Test
    void refusesBadInputNamingTheFieldAndStoresNothing() throws Exception {
        long before = events();
        String valid = """
                {"title":"t","category":"SYNTHETIC_DRUG","sourceReliability":"C","informationCredibility":3,
                 "tlp":"TLP:GREEN","handlingCode":"H0","releasedTo":[%s]}""";
        mvc.perform(post("/api/intel/reports").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(valid.formatted("").replace("\"title\":\"t\"", "\"title\":\" \"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("title")));
        mvc.perform(post("/api/intel/reports").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(valid.formatted("").replace("\"informationCredibility\":3", "\"informationCredibility\":7")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("informationCredibility")));
        mvc.perform(post("/api/intel/reports").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(valid.formatted("").replace("\"sourceReliability\":\"C\"", "\"sourceReliability\":\"G\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("sourceReliability")));
        mvc.perform(post("/api/intel/reports").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(valid.formatted("\"dea\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", containsString("releasedTo")));
        // only the aggregate knows the owner: releasing to oneself is refused there, and still names the field
        mvc.perform(post("/api/intel/reports").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(valid.formatted("\"CN-NNCC\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("releasedTo")));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aWrongRoleIsForbidden() throws Exception {
        long before = events();
        String body = """
                {"title":"x","category":"SYNTHETIC_DRUG","sourceReliability":"C","informationCredibility":3,
                 "tlp":"TLP:AMBER","handlingCode":"H1"}""";
        mvc.perform(post("/api/intel/reports").with(TestTokens.user("us.finance", "US-FINCEN", "finance-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/intel/reports").with(TestTokens.user("auditor", "JOINT-AUDIT", "auditor"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
        mvc.perform(post("/api/intel/reports").with(TestTokens.user("cn.analyst", "CN-NNCC", "analyst"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
    }

    /** What case-service sends over the command bus when a case links a report. */
    @Test
    void linksAReportToACaseOnlyWhenEveryAgencyOfTheCaseMaySeeIt() throws Exception {
        String location = mvc.perform(post("/api/intel/reports").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Linked report","category":"ORGANISED_CRIME_GROUP","sourceReliability":"A",
                                 "informationCredibility":1,"releasedTo":["US-DEA"],"tlp":"TLP:AMBER","handlingCode":"H1"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String reportId = location.substring(location.lastIndexOf('/') + 1);

        Rejection forbidden = rejection(() -> commands.sendAndWait(new LinkIntelReportToCaseCommand(reportId, "case-a",
                Set.of("CN-NNCC", "US-DEA", "GB-NCA"), "US-DEA"), 10, TimeUnit.SECONDS));
        assertThat(forbidden.reason()).isEqualTo(Rejection.Reason.FORBIDDEN);
        assertThat(forbidden.detail()).contains("GB-NCA").doesNotContain("US-DEA");

        Rejection hidden = rejection(() -> commands.sendAndWait(new LinkIntelReportToCaseCommand(reportId, "case-a",
                Set.of("GB-NCA"), "GB-NCA"), 10, TimeUnit.SECONDS));
        assertThat(hidden.reason()).isEqualTo(Rejection.Reason.NOT_FOUND);
        Rejection missing = rejection(() -> commands.sendAndWait(new LinkIntelReportToCaseCommand("no-such-report",
                "case-a", Set.of("CN-NNCC"), "CN-NNCC"), 10, TimeUnit.SECONDS));
        assertThat(missing.reason()).isEqualTo(Rejection.Reason.NOT_FOUND);
        assertThat(missing.detail()).isEqualTo(hidden.detail().replace(reportId, "no-such-report"));

        LinkIntelReportToCaseCommand link = new LinkIntelReportToCaseCommand(reportId, "case-a",
                Set.of("CN-NNCC", "US-DEA"), "US-DEA");
        commands.sendAndWait(link, 10, TimeUnit.SECONDS);
        commands.sendAndWait(link, 10, TimeUnit.SECONDS);
        assertThat(eventTypes(reportId)).containsExactly(
                "io.jointops.api.intel.IntelReportSubmittedEvent", "io.jointops.api.intel.IntelReportLinkedToCaseEvent");

        golden.assertStoredAsGolden(reportId, 1, "IntelReportLinkedToCaseEvent.1.json", "reportId");
        assertThat(golden.read("IntelReportLinkedToCaseEvent.1.json", IntelReportLinkedToCaseEvent.class, "1"))
                .isEqualTo(new IntelReportLinkedToCaseEvent("8a0c6a55-2f43-4bd4-9c55-6a0e2f7f9d01", "case-a", "Linked report", "DISSEMINATED"));

        awaitVersion(reportId, 1);
        mvc.perform(get(location).with(TestTokens.user("us.investigator", "US-DEA", "investigator")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.linkedCases", contains("case-a")));
    }

    private static Rejection rejection(Runnable send) {
        CommandExecutionException thrown = catchThrowableOfType(send::run, CommandExecutionException.class);
        assertThat(thrown).as("the command is refused").isNotNull();
        assertThat(thrown.getDetails()).containsInstanceOf(Rejection.class);
        return (Rejection) thrown.getDetails().orElseThrow();
    }

    private void awaitVersion(String reportId, long version) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Long current = jdbc.sql("SELECT version FROM intel.intel_report_view WHERE report_id = :id")
                    .param("id", reportId).query(Long.class).optional().orElse(-1L);
            if (current >= version) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the view did not reach version " + version + " of " + reportId);
    }

    private List<String> eventTypes(String reportId) {
        return jdbc.sql("SELECT payload_type FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id ORDER BY sequence_number")
                .param("id", reportId).query(String.class).list();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single();
    }
}
