package io.jointops.finance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.AssetCategory;
import io.jointops.api.finance.AssetIdentifiedEvent;
import io.jointops.api.finance.FreezeExpiredEvent;
import io.jointops.api.finance.FreezeExpiryReminderIssuedEvent;
import io.jointops.api.finance.FreezeExtendedEvent;
import io.jointops.api.finance.FreezeGrantedEvent;
import io.jointops.api.finance.FreezeMeasure;
import io.jointops.api.finance.FreezeReleasedEvent;
import io.jointops.api.finance.FreezeRequestAcknowledgedEvent;
import io.jointops.api.finance.FreezeRequestLinkedToCaseEvent;
import io.jointops.api.finance.FreezeRequestRejectedEvent;
import io.jointops.api.finance.FreezeRequestedEvent;
import io.jointops.api.finance.FreezeTarget;
import io.jointops.api.finance.FreezeUrgency;
import io.jointops.api.finance.ReportCode;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.api.finance.SuspiciousTransactionReportFiledEvent;
import io.jointops.api.finance.TargetAmount;
import io.jointops.api.finance.TransactionReportLinkedToCaseEvent;
import io.jointops.api.finance.TransactionReportReleaseWidenedEvent;
import io.jointops.api.finance.TransactionsReportedEvent;
import io.jointops.api.finance.WalletRef;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Events are stored forever: every event of finance-service is written exactly as its golden file and reads back from
 * it, with the service's own event serializer; and a stored revision 1 report is still read (upcast) by the view and
 * by {@code ?asOf=}.
 */
@SpringBootTest
@AutoConfigureMockMvc
// closed after the class: no idle context's processors keep claiming the segments a replay must reset
@DirtiesContext
@Import(GoldenEvents.class)
class EventContractIT {

    static final String REPORT = "3f1b7e2a-52a4-4c8e-b0a9-1f7c1d2e3a01";
    static final String REQUEST = "7c4b2d31-1e2f-4a5b-8c9d-0e1f2a3b4c51";
    static final String CASE = "9d3c7a10-0000-4000-8000-000000000001";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "finance-service");
    }

    @Autowired
    GoldenEvents golden;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void everyEventIsWrittenAsItsGoldenFileAndReadBackFromIt() throws Exception {
        List<TargetAmount> frozen = List.of(new TargetAmount(0, new BigDecimal("250000.00"), "USD"));
        Map<String, Object> events = Map.ofEntries(
                Map.entry("SuspiciousTransactionReportFiledEvent.2.json", new SuspiciousTransactionReportFiledEvent(
                        REPORT, ReportCode.STR, "First Harbour Bank", LocalDate.of(2026, 10, 14),
                        "Structured cash deposits below the reporting threshold", "US-FINCEN", List.of("US-DEA"),
                        Tlp.AMBER, HandlingCode.H2, null, List.of(), 0)),
                Map.entry("TransactionsReportedEvent.1.json", new TransactionsReportedEvent(
                        "3f1b7e2a-52a4-4c8e-b0a9-1f7c1d2e3a02", 0, List.of(
                        new ReportedTransaction("FHB-2026-0001", LocalDate.of(2026, 10, 1), new BigDecimal("9500.00"),
                                "USD", "WIRE", "Golden Lotus Trading LLC",
                                new AccountRef(null, "000123456789", "026009593", "US"), null,
                                "Shenzhen Hua Mei Import Co", new AccountRef(null, "6222021234567890", "ICBKCNBJ", "CN"), null),
                        new ReportedTransaction("FHB-2026-0002", LocalDate.of(2026, 10, 2), new BigDecimal("4.25"),
                                "USD", "CRYPTO", null, new AccountRef("DE89370400440532013000", null, null, "DE"), null,
                                null, null, new WalletRef("ETH", "0x52908400098527886E0F7030069857D2E4169EE7"))))),
                Map.entry("TransactionReportReleaseWidenedEvent.1.json", new TransactionReportReleaseWidenedEvent(REPORT, "CN-CAMLMAC")),
                Map.entry("TransactionReportLinkedToCaseEvent.1.json", new TransactionReportLinkedToCaseEvent(REPORT, CASE,
                        "STR First Harbour Bank 2026-10-14", "FILED")),
                Map.entry("AssetIdentifiedEvent.1.json", new AssetIdentifiedEvent("5a0e1c9b-7f0a-4f4e-9d57-3c2f1e0a9b11",
                        CASE, AssetCategory.PROPERTY, "Apartment, Futian district, Shenzhen", "Land register 44-0304-0021877",
                        "CN", new BigDecimal("3200000.00"), "CNY", "CN-CAMLMAC", List.of("US-FINCEN"), Tlp.AMBER,
                        HandlingCode.H2)),
                Map.entry("FreezeRequestedEvent.1.json", new FreezeRequestedEvent(REQUEST, "US-FINCEN", "US", "CN-CAMLMAC",
                        "CN", FreezeMeasure.POSTPONEMENT, "Egmont principles; 31 U.S.C. 5318", CASE, FreezeUrgency.URGENT,
                        List.of(new FreezeTarget(new AccountRef(null, "6222021234567890", "ICBKCNBJ", "CN"), null, null,
                                        "Shenzhen Hua Mei Import Co", new BigDecimal("400000.00"), "USD"),
                                new FreezeTarget(null, new WalletRef("TRX", "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"), null,
                                        null, new BigDecimal("120000"), "USD")), Tlp.AMBER, HandlingCode.H2)),
                Map.entry("FreezeRequestAcknowledgedEvent.1.json", new FreezeRequestAcknowledgedEvent(REQUEST, "CN-CAMLMAC")),
                Map.entry("FreezeGrantedEvent.1.json", new FreezeGrantedEvent(REQUEST, frozen, true,
                        Instant.parse("2026-10-23T10:00:00Z"), "5 working days")),
                Map.entry("FreezeRequestRejectedEvent.1.json", new FreezeRequestRejectedEvent(REQUEST, "CN-CAMLMAC",
                        "No account found under that number")),
                Map.entry("FreezeExtendedEvent.1.json", new FreezeExtendedEvent(REQUEST, Instant.parse("2026-10-23T10:00:00Z"),
                        Instant.parse("2026-10-30T10:00:00Z"))),
                Map.entry("FreezeReleasedEvent.1.json", new FreezeReleasedEvent(REQUEST, "CN-CAMLMAC",
                        "Court declined to confirm", frozen)),
                Map.entry("FreezeExpiryReminderIssuedEvent.1.json", new FreezeExpiryReminderIssuedEvent(REQUEST,
                        Instant.parse("2026-10-30T10:00:00Z"))),
                Map.entry("FreezeExpiredEvent.1.json", new FreezeExpiredEvent(REQUEST, Instant.parse("2026-10-30T10:00:00Z"), frozen)),
                Map.entry("FreezeRequestLinkedToCaseEvent.1.json", new FreezeRequestLinkedToCaseEvent(REQUEST, CASE,
                        "POSTPONEMENT request of US-FINCEN to CN-CAMLMAC", "FROZEN")));
        for (Map.Entry<String, Object> entry : events.entrySet()) {
            String file = entry.getKey();
            String revision = file.substring(file.indexOf('.') + 1, file.lastIndexOf('.'));
            Object event = entry.getValue();
            // as the store writes it, personal fields encrypted; decrypted again, the golden file (docs/privacy.md)
            assertThat(golden.written(event)).as("written as " + file).isEqualTo(json.readTree(resource(file)));
            assertThat(golden.read(file, event.getClass(), revision)).as("read from " + file).isEqualTo(event);
            assertThat(serializer.typeForClass(event.getClass()).getRevision()).as("revision of " + file).isEqualTo(revision);
        }
    }

    @Test
    void aStoredRevision1ReportIsReadUpcastByTheViewAndAsOf() throws Exception {
        String id = UUID.randomUUID().toString();
        String payload = new String(resource("SuspiciousTransactionReportFiledEvent.1.json"), StandardCharsets.UTF_8)
                .replace(REPORT, id);
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                               type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:event, :id, 0, 'SuspiciousTransactionReport', :at,
                                'io.jointops.api.finance.SuspiciousTransactionReportFiledEvent', '1', :payload, :meta)""")
                .param("event", UUID.randomUUID().toString()).param("id", id)
                .param("at", Instant.now().minusSeconds(5).toString())
                .param("payload", payload.getBytes(StandardCharsets.UTF_8))
                .param("meta", "{\"actor\":\"us.finance\",\"agency\":\"US-FINCEN\"}".getBytes(StandardCharsets.UTF_8))
                .update();
        // announced as every append announces its events (NotifyingEventStorageEngine): processors read on the notice
        jdbc.sql("SELECT pg_notify('jointops_events', 'io.jointops.api.finance.SuspiciousTransactionReportFiledEvent')")
                .query().listOfRows();
        var reader = TestTokens.user("us.investigator", "US-DEA", "investigator");
        String location = "/api/finance/reports/" + id;
        long deadline = System.currentTimeMillis() + 15_000;
        while (mvc.perform(get(location).with(reader)).andReturn().getResponse().getStatus() != 200
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        mvc.perform(get(location).with(reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transactionCount", is(0)))
                .andExpect(jsonPath("$.indicators.length()", is(0)))
                .andExpect(jsonPath("$.reportingEntity", is("First Harbour Bank")));
        mvc.perform(get(location).param("asOf", Instant.now().toString()).with(reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transactionCount", is(0)))
                .andExpect(jsonPath("$.filedBy", is("us.finance")));
        // its history shows it as the service reads it today (upcast); an agency's reader gets no global position
        mvc.perform(get(location + "/history").with(reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[0].type", is("SuspiciousTransactionReportFiledEvent")))
                .andExpect(jsonPath("$.events[0].revision", is("2")))
                .andExpect(jsonPath("$.events[0].payload.transactionCount", is(0)))
                .andExpect(jsonPath("$.events[0].payload.indicators.length()", is(0)))
                .andExpect(jsonPath("$.events[0].sequence", is(0)))
                .andExpect(jsonPath("$.events[0].globalPosition").doesNotExist());
        mvc.perform(get(location + "/history").with(TestTokens.user("auditor", "JOINT-AUDIT", "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[0].globalPosition").isNumber());
        // the stored payload stays revision 1
        assertThat(jdbc.sql("SELECT payload_revision FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", id).query(String.class).single()).isEqualTo("1");
    }

    private static byte[] resource(String file) throws Exception {
        try (InputStream in = EventContractIT.class.getResourceAsStream("/events/" + file)) {
            return in.readAllBytes();
        }
    }
}
