package io.jointops.intel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.CaseSubjectAddedEvent;
import io.jointops.api.chemicals.Address;
import io.jointops.api.chemicals.Party;
import io.jointops.api.chemicals.QuantityUnit;
import io.jointops.api.chemicals.ShipmentRegisteredEvent;
import io.jointops.api.chemicals.TransportMode;
import io.jointops.api.deconfliction.DeconflictionMatchAddedEvent;
import io.jointops.api.deconfliction.DeconflictionNoticeIssuedEvent;
import io.jointops.api.finance.ReportedTransaction;
import io.jointops.api.finance.TransactionsReportedEvent;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelCategory;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.IntelReportDraftedEvent;
import io.jointops.api.intel.SourceReliability;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.axon.EventStoreConfiguration;
import io.jointops.platform.test.GoldenEvents;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deconfliction on a real PostgreSQL: other contexts' events (as their services store them) reach intel-service's
 * deconfliction processor, which tells both agencies of a match, across scripts, and nothing of the other's item.
 */
@SpringBootTest(properties = {
        "jointops.deconfliction.contacts.CN-NNCC=CN-NNCC deconfliction desk, deconfliction@nncc.example.cn, +86 10 5555 0100",
        "jointops.deconfliction.contacts.US-DEA=US-DEA deconfliction (DICE), dice@dea.example.gov, +1 202 555 0100"})
@DirtiesContext
@AutoConfigureMockMvc
@Import(GoldenEvents.class)
class DeconflictionIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor US = TestTokens.user("us.investigator", "US-DEA", "investigator");
    static final RequestPostProcessor MX = TestTokens.user("mx.investigator", "MX-FGR", "investigator");
    static final RequestPostProcessor AUDITOR = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");
    static final String WALLET = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    static final Address TIANJIN = new Address("1 Harbour Rd", "Tianjin", null, "CN");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventBus events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    GoldenEvents golden;
    @Autowired
    EventProcessingConfiguration processing;

    static ShipmentRegisteredEvent shipment(String id, String consignee) {
        return new ShipmentRegisteredEvent(id, "500 KG 4-AP to " + consignee, "CN-NNCC", null, Set.of("CN-NNCC"),
                new Party("张伟贸易有限公司", TIANJIN), new Party("Pacific Reagents LLC", TIANJIN),
                new Party(consignee, TIANJIN), "4-AP", "21409-26-7", new BigDecimal("500"), QuantityUnit.KG, null,
                "machine parts", List.of("CN", "MX"), TransportMode.SEA, Tlp.AMBER, HandlingCode.H1);
    }

    static TransactionsReportedEvent transfers(String reportId, int first, String... counterparties) {
        List<ReportedTransaction> transactions = new ArrayList<>();
        for (String counterparty : counterparties) {
            transactions.add(new ReportedTransaction("t" + (first + transactions.size()), LocalDate.of(2025, 3, 1),
                    new BigDecimal("9500"), "USD", "WIRE", counterparty, null, null, "Harbor Solvents Inc", null, null));
        }
        return new TransactionsReportedEvent(reportId, first, transactions);
    }

    private void publish(String type, String id, long sequence, Object payload, String actor, String agency) {
        events.publish(new GenericDomainEventMessage<>(type, id, sequence, payload,
                MetaData.with("actor", actor).and("agency", agency).and("correlationId", "corr-" + actor)));
    }

    /** The agency's notices about its item {@code itemId}, once {@code until} holds of them. */
    private List<JsonNode> notices(RequestPostProcessor reader, String itemId, Predicate<List<JsonNode>> until)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<JsonNode> found = new ArrayList<>();
            String body = mvc.perform(get("/api/intel/deconfliction/notices?size=100").with(reader))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            json.readTree(body).path("items").forEach(notice -> {
                if (notice.path("item").path("itemId").asText().equals(itemId)) {
                    found.add(notice);
                }
            });
            if (until.test(found) || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    private String page(RequestPostProcessor reader) throws Exception {
        return mvc.perform(get("/api/intel/deconfliction/notices?size=100").with(reader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The events of the notices about the item: its issue names the item, the later ones only the notice. */
    private long noticeEvents(String itemId) {
        return jdbc.sql("SELECT count(*) FROM " + EventStoreConfiguration.SCHEMA + ".domain_event_entry"
                        + " WHERE aggregate_identifier IN (SELECT aggregate_identifier FROM "
                        + EventStoreConfiguration.SCHEMA + ".domain_event_entry WHERE type = 'Deconfliction'"
                        + " AND convert_from(payload, 'UTF8') LIKE :item)")
                .param("item", "%\"" + itemId + "\"%").query(Long.class).single();
    }

    @Test
    void aConsigneeInChineseCharactersAndACounterpartyInPinyinTellBothAgenciesAndNothingOfTheOthersItem()
            throws Exception {
        String shipment = "shipment-" + UUID.randomUUID();
        String report = "str-" + UUID.randomUUID();
        String third = "intel-" + UUID.randomUUID();
        publish("Shipment", shipment, 0, shipment(shipment, "张伟"), "cn.investigator", "CN-NNCC");
        publish("SuspiciousTransactionReport", report, 0, transfers(report, 0, "Zhang Wei"), "us.investigator", "US-DEA");
        // a third agency's report naming someone else, and a place both name: no notice for it, none about it
        publish("IntelReport", third, 0, new IntelReportDraftedEvent(third, "MX-FGR", new IntelReportContent("t", "s",
                "b", IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B, 2, Tlp.AMBER, HandlingCode.H1, "", Set.of(),
                List.of(new IntelEntity("e1", EntityType.PERSON, "李娜", "李娜"),
                        new IntelEntity("e2", EntityType.LOCATION, "Tianjin", "tianjin")), List.of(), null)),
                "mx.investigator", "MX-FGR");

        JsonNode cn = notices(CN, shipment, found -> !found.isEmpty()).get(0);
        assertThat(cn.path("agency").asText()).isEqualTo("CN-NNCC");
        assertThat(cn.path("otherAgency").asText()).isEqualTo("US-DEA");
        assertThat(cn.path("contact").asText()).contains("dice@dea.example.gov");
        assertThat(cn.path("item").path("context").asText()).isEqualTo("chemicals");
        assertThat(cn.path("matches")).hasSize(1);
        JsonNode cnMatch = cn.path("matches").get(0);
        assertThat(cnMatch.path("kind").asText()).isEqualTo("PERSON_NAME");
        assertThat(cnMatch.path("path").asText()).isEqualTo("consignee.name");
        assertThat(cnMatch.path("value").asText()).isEqualTo("张伟");
        assertThat(cnMatch.path("rule").asText()).isEqualTo("pinyin");
        assertThat(cnMatch.path("strength").asText()).isEqualTo("similar");

        JsonNode us = notices(US, report, found -> !found.isEmpty()).get(0);
        assertThat(us.path("otherAgency").asText()).isEqualTo("CN-NNCC");
        assertThat(us.path("contact").asText()).contains("deconfliction@nncc.example.cn");
        assertThat(us.path("matches")).hasSize(1);
        assertThat(us.path("matches").get(0).path("value").asText()).isEqualTo("Zhang Wei");
        assertThat(us.path("matches").get(0).path("rule").asText()).isEqualTo("pinyin");

        // nothing of the other's item: not its id, nor its value, nor who wrote it
        String cnPage = page(CN);
        assertThat(cnPage).doesNotContain(report).doesNotContain("Zhang Wei").doesNotContain("us.investigator")
                .doesNotContain("SuspiciousTransactionReport").doesNotContain(third);
        String usPage = page(US);
        assertThat(usPage).doesNotContain(shipment).doesNotContain("张伟").doesNotContain("cn.investigator")
                .doesNotContain("Shipment").doesNotContain(third);
        // the third agency is told nothing, and nobody is told of it
        assertThat(notices(MX, third, found -> false)).isEmpty();
        assertThat(page(AUDITOR)).doesNotContain(third);
        assertThat(cnPage + usPage).doesNotContain("MX-FGR");
        // auditors read both notices
        assertThat(page(AUDITOR)).contains(shipment, report);

        // the notices' events name the deconfliction as their actor, nothing of the event that caused them
        List<String> metaData = jdbc.sql("SELECT convert_from(meta_data, 'UTF8') FROM "
                        + EventStoreConfiguration.SCHEMA + ".domain_event_entry WHERE type = 'Deconfliction'"
                        + " AND convert_from(payload, 'UTF8') LIKE :item")
                .param("item", "%\"" + shipment + "\"%").query(String.class).list();
        assertThat(metaData).hasSize(1);
        assertThat(metaData.get(0)).contains("\"actor\":\"deconfliction\"").doesNotContain("us.investigator")
                .doesNotContain("corr-us.investigator").doesNotContain("US-DEA");
    }

    /**
     * Case subjects are deconflicted as every other context's identifiers (issue 16): a case of CN-NNCC naming a person
     * and an IBAN matches a US-DEA STR's counterparty and a US-DEA intelligence report's entity; both agencies are
     * told, each of its own item only, and the third agency nothing.
     */
    @Test
    void aCaseSubjectMatchingAnStrCounterpartyAndAnIntelEntityTellsBothAgencies() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String report = "str-" + UUID.randomUUID();
        String intel = "intel-" + UUID.randomUUID();
        String subjectId = UUID.randomUUID().toString();
        publish("JointCase", caseId, 1, new CaseSubjectAddedEvent(caseId, subjectId, Identifies.Kind.PERSON_NAME,
                "欧阳锋", "欧阳锋", null, "the broker", "CN-NNCC", "cn.investigator"), "cn.investigator", "CN-NNCC");
        publish("JointCase", caseId, 2, new CaseSubjectAddedEvent(caseId, UUID.randomUUID().toString(),
                Identifies.Kind.CRYPTO_WALLET, WALLET, WALLET, null, null, "CN-NNCC", "cn.investigator"),
                "cn.investigator", "CN-NNCC");
        publish("SuspiciousTransactionReport", report, 0, transfers(report, 0, "Ouyang Feng"), "us.investigator",
                "US-DEA");
        publish("IntelReport", intel, 0, new IntelReportDraftedEvent(intel, "US-DEA", new IntelReportContent("t", "s",
                "b", IntelCategory.TRAFFICKING_ROUTE, SourceReliability.B, 2, Tlp.AMBER, HandlingCode.H1, "", Set.of(),
                List.of(new IntelEntity("e1", EntityType.CRYPTO_WALLET, WALLET, WALLET)), List.of(), null)),
                "us.investigator", "US-DEA");

        // one notice for the case (one per other agency), with both of its subjects that matched
        JsonNode cn = notices(CN, caseId, found -> !found.isEmpty() && found.get(0).path("matches").size() == 2).get(0);
        assertThat(cn.path("otherAgency").asText()).isEqualTo("US-DEA");
        assertThat(cn.path("contact").asText()).contains("dice@dea.example.gov");
        assertThat(cn.path("item").path("context").asText()).isEqualTo("cases");
        assertThat(cn.path("matches").findValuesAsText("path")).containsOnly("value");
        assertThat(cn.path("matches").findValuesAsText("value"))
                .containsExactlyInAnyOrder("欧阳锋", WALLET);
        assertThat(cn.path("matches").findValuesAsText("kind")).containsExactlyInAnyOrder("PERSON_NAME", "CRYPTO_WALLET");

        JsonNode strNotice = notices(US, report, found -> !found.isEmpty()).get(0);
        assertThat(strNotice.path("otherAgency").asText()).isEqualTo("CN-NNCC");
        assertThat(strNotice.path("contact").asText()).contains("deconfliction@nncc.example.cn");
        assertThat(strNotice.path("matches").get(0).path("value").asText()).isEqualTo("Ouyang Feng");
        JsonNode intelNotice = notices(US, intel, found -> !found.isEmpty()).get(0);
        assertThat(intelNotice.path("otherAgency").asText()).isEqualTo("CN-NNCC");
        assertThat(intelNotice.path("matches").get(0).path("kind").asText()).isEqualTo("CRYPTO_WALLET");

        // nothing of the other's item
        assertThat(page(US)).doesNotContain(caseId).doesNotContain("欧阳锋").doesNotContain("the broker")
                .doesNotContain(subjectId);
        assertThat(page(CN)).doesNotContain(report).doesNotContain(intel).doesNotContain("Ouyang Feng");
        assertThat(notices(MX, caseId, found -> false)).isEmpty();
    }

    @Test
    void redeliveryAndReplayNoteEachMatchOnceAndAnotherSpellingIsAdded() throws Exception {
        String shipment = "shipment-" + UUID.randomUUID();
        String report = "str-" + UUID.randomUUID();
        publish("Shipment", shipment, 0, shipment(shipment, "张伟"), "cn.investigator", "CN-NNCC");
        publish("SuspiciousTransactionReport", report, 0, transfers(report, 0, "Zhang Wei"), "us.investigator", "US-DEA");
        notices(US, report, found -> !found.isEmpty());
        // the same name again in a later batch: nothing new; another spelling: added to the STR's notice only
        publish("SuspiciousTransactionReport", report, 1, transfers(report, 1, "ZHANG WEI", "Wei Zhang"),
                "us.investigator", "US-DEA");
        JsonNode us = notices(US, report, found -> !found.isEmpty() && found.get(0).path("matches").size() == 2).get(0);
        assertThat(us.path("matches").findValuesAsText("value")).containsExactlyInAnyOrder("Zhang Wei", "Wei Zhang");
        assertThat(us.path("matches").findValuesAsText("rule")).containsExactlyInAnyOrder("pinyin",
                "pinyin-reversed-order");
        awaitProcessed(shipment, report);
        assertThat(noticeEvents(shipment)).isEqualTo(1);
        long before = noticeEvents(report);
        assertThat(before).isEqualTo(2);

        // a replay of the processor from the start notes every match again: the notices stay as they are
        PooledStreamingEventProcessor processor = processing
                .eventProcessor("deconfliction", PooledStreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitProcessed(shipment, report);
        assertThat(noticeEvents(shipment)).isEqualTo(1);
        assertThat(noticeEvents(report)).isEqualTo(before);
        assertThat(notices(CN, shipment, found -> true)).hasSize(1);
    }

    @Test
    void noticeEventsAreStoredAsTheirGoldenFiles() throws Exception {
        String shipment = "golden-shipment";
        String report = "golden-str";
        if (noticeEvents(shipment) == 0) { // a database kept between runs has them already
            publish("Shipment", shipment, 0, shipment(shipment, "张伟"), "cn.investigator", "CN-NNCC");
            publish("SuspiciousTransactionReport", report, 0, transfers(report, 0, "Zhang Wei", "Wei Zhang"),
                    "us.investigator", "US-DEA");
        }
        notices(US, report, found -> !found.isEmpty() && found.get(0).path("matches").size() == 2);
        String cnNotice = notices(CN, shipment, found -> !found.isEmpty()).get(0).path("id").asText();
        String usNotice = notices(US, report, found -> true).get(0).path("id").asText();
        golden.assertStoredAsGolden(cnNotice, 0, "DeconflictionNoticeIssuedEvent.1.json", "noticeId");
        golden.assertStoredAsGolden(usNotice, 1, "DeconflictionMatchAddedEvent.1.json", "noticeId");
        assertThat(golden.read("DeconflictionNoticeIssuedEvent.1.json", DeconflictionNoticeIssuedEvent.class, "1")
                .match().rule()).isEqualTo("pinyin");
        assertThat(golden.read("DeconflictionMatchAddedEvent.1.json", DeconflictionMatchAddedEvent.class, "1")
                .match().value()).isEqualTo("Wei Zhang");
    }

    /** Until the deconfliction processor has handled the items' events (and sent the commands of their matches). */
    private void awaitProcessed(String... items) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long head = jdbc.sql("SELECT max(global_index) FROM " + EventStoreConfiguration.SCHEMA + ".domain_event_entry"
                        + " WHERE aggregate_identifier IN (:items)")
                .param("items", List.of(items)).query(Long.class).single();
        while (Instant.now().isBefore(deadline)) {
            PooledStreamingEventProcessor processor = processing
                    .eventProcessor("deconfliction", PooledStreamingEventProcessor.class).orElseThrow();
            if (!processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                    .allMatch(status -> !status.isReplaying() && status.getCurrentPosition().orElse(-1) >= head)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the deconfliction processor did not handle the items' events");
    }
}
