package io.jointops.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.deconfliction.DeconflictionMatch;
import io.jointops.api.deconfliction.DeconflictionMatchAddedEvent;
import io.jointops.api.shared.Identifies;
import io.jointops.audit.Bundle;
import io.jointops.audit.Bundles;
import io.jointops.audit.Ed25519;
import io.jointops.audit.TrustPolicy;
import io.jointops.audit.Verifier;
import io.jointops.notary.Notary;
import io.jointops.platform.replay.ViewReplays;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.ViewRebuilds;
import io.jointops.platform.test.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 18, "How it is shown": after a subject is erased, a scan of every table of every schema of the database, the
 * run's log output and an export bundle finds none of the subject's values; the bundle still verifies offline and
 * reports the erased fields; every view of the service was rebuilt after the erasure and shows the fields erased.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ErasureScanIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor CN_SUPERVISOR = TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor");
    static final RequestPostProcessor CN_SUPERVISOR_2 = TestTokens.user("cn.supervisor2", "CN-NNCC", "supervisor");
    static final RequestPostProcessor AUDITOR = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");
    static final KeyPair CN_KEY = Ed25519.generate();
    static final KeyPair US_KEY = Ed25519.generate();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        TestService.register(registry, "case-service");
        Path keys = Files.createTempDirectory("erasure-scan-keys");
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
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Notary notary;
    @Autowired
    ViewReplays replays;
    @Autowired
    ObjectMapper json;

    @Test
    void afterAnErasureNoTableLogOrExportHoldsTheSubjectAndTheBundleStillVerifies(CapturedOutput output)
            throws Exception {
        String surname = "Ferreira-Lobo" + Long.toString(System.nanoTime(), 36);
        String name = "Tomás " + surname;
        String location = mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Operation Heron\",\"summary\":\"" + name + " runs the cell\","
                                + "\"partnerAgencies\":[\"US-DEA\"],\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(post(location + "/notes").with(CN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + surname + " seen at the port\",\"tlp\":\"TLP:AMBER\"}"))
                .andExpect(status().is2xxSuccessful());
        // a case subject: the partner feed schedules a watchlist check of its event for each agency the case reaches,
        // which waits in db-scheduler's table until intel-service takes it (not running here): it must hold no name
        mvc.perform(post(location + "/subjects").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PERSON_NAME\",\"value\":\"" + name + "\"}"))
                .andExpect(status().is2xxSuccessful());
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'jointops-watchlist-check'")
                .query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("a watchlist check of the subject's event was scheduled").isLessThan(deadline);
            Thread.sleep(100);
        }
        String notice = "notice-" + UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>("DeconflictionNotice", notice, 0,
                new DeconflictionMatchAddedEvent(notice, "CN-NNCC", new DeconflictionMatch(
                        Identifies.Kind.PERSON_NAME, "consignee.name", name.toUpperCase(), "exact", "equivalent")),
                MetaData.from(Map.of("agency", "CN-NNCC"))));
        mvc.perform(get(location).with(CN)).andExpect(jsonPath("$.summary", is(name + " runs the cell")));
        assertThat(scan(surname)).as("before the erasure, the views hold it").isNotEmpty();
        assertThat(notary.notarize()).isPresent();

        String order = mvc.perform(post("/api/erasures").with(CN_SUPERVISOR).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjects\":[{\"kind\":\"PERSON_NAME\",\"value\":\"" + name + "\"}],"
                                + "\"itemIds\":[\"" + caseId + "\",\"" + notice + "\"],\"itemText\":true,"
                                + "\"legalBasis\":\"CN court order (2026) 17\",\"reason\":\"wrongly named\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(order + "/approval").with(CN_SUPERVISOR_2))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keysDestroyed", is(3))); // the notice's name, the case's subject, its text

        ViewRebuilds.awaitDone(replays);
        assertThat(scan(surname)).as("every table of every schema").isEmpty();
        assertThat(scan(surname.toLowerCase())).isEmpty();
        mvc.perform(get(location).with(CN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary", is("[erased]")));

        assertThat(notary.notarize()).isPresent();
        byte[] bundle = mvc.perform(get("/api/audit/export").param("itemId", caseId).with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(bundle, StandardCharsets.UTF_8)).doesNotContainIgnoringCase(surname);
        Bundle read = Bundles.read(new ByteArrayInputStream(bundle));
        Verifier.Report report = new Verifier(TrustPolicy.all("jointops",
                Map.of("CN-NNCC", CN_KEY.getPublic(), "US-DEA", US_KEY.getPublic()))).verify(read);
        assertThat(report.erasedFields()).as("summary and note text, erased").isGreaterThanOrEqualTo(2);
        assertThat(report.summary()).startsWith("OK: ").contains("of them erased (key destroyed)");
        for (Bundle.Entry entry : read.events()) {
            assertThat(new String(java.util.Base64.getDecoder().decode(entry.event().payload()), StandardCharsets.UTF_8))
                    .doesNotContainIgnoringCase(surname);
        }

        assertThat(output.getAll()).as("the run's logs").doesNotContainIgnoringCase(surname);
    }

    /** Rows of every table of every schema (text, JSON and bytes columns) that hold {@code value}: where they are. */
    List<String> scan(String value) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
                         WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                           AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea', 'ARRAY')""")
                .query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = "\"" + column.get("table_schema") + "\".\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            String condition = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in " + name + ") > 0"
                    : "position(? in " + name + "::text) > 0";
            long rows = jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + condition).param(value)
                    .query(Long.class).single();
            if (rows > 0) {
                found.add(table + "." + name + ": " + rows);
            }
        }
        return found;
    }
}
