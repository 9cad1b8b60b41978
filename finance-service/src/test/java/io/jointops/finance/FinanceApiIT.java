package io.jointops.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.jointops.platform.test.ApiDocumentRules;

import static io.jointops.platform.test.AsOfChecks.assertAsOfMatchesLive;
import static io.jointops.platform.test.ItemVisibility.assertAuditorReads;
import static io.jointops.platform.test.ItemVisibility.assertListedFor;
import static io.jointops.platform.test.ItemVisibility.assertMissingFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The finance API beyond the report header on a real PostgreSQL: bulk import (all or nothing, every faulty line named,
 * 413 above the size limit), release, tracing across reports, assets, and freeze requests with a persistent expiry
 * (db-scheduler) shortened by configuration.
 */
@SpringBootTest(properties = {"jointops.freeze.expiry.CN.FREEZE=PT6S", "jointops.freeze.reminder-before=PT3S",
        "jointops.max-request-size=3MB"})
@AutoConfigureMockMvc
// closed after the class: no idle context's processors keep claiming the segments a replay must reset
@DirtiesContext
class FinanceApiIT {

    static final RequestPostProcessor US_FINCEN = TestTokens.user("us.finance", "US-FINCEN", "finance-officer");
    static final RequestPostProcessor CN_CAMLMAC = TestTokens.user("cn.finance", "CN-CAMLMAC", "finance-officer");
    static final RequestPostProcessor MX_FGR = TestTokens.user("mx.investigator", "MX-FGR", "investigator");
    static final RequestPostProcessor AUDITOR = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "finance-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    /** A US account that pays a CN account (cross-border), which pays another CN account and a wallet. */
    static String report(String prefix, List<String> transactions, String releasedTo) {
        return """
                {"reportCode":"STR","reportingEntity":"First Harbour Bank","submissionDate":"2026-10-14",
                 "reason":"Funnel account: cash deposits wired on to Shenzhen","reportingPerson":"J. Miller",
                 "indicators":["structuring","funnel account"],"transactions":[%s],"releasedTo":[%s],
                 "tlp":"TLP:AMBER","handlingCode":"H2"}""".formatted(String.join(",", transactions), releasedTo);
    }

    static String tx(String number, String date, String amount, String currency, String from, String to) {
        return """
                {"number":"%s","date":"%s","amount":%s,"currency":"%s","mode":"WIRE","fromName":"x",%s,"toName":"y",%s}"""
                .formatted(number, date, amount, currency, from, to);
    }

    static String usAccount(String number) {
        return "\"%sAccount\":{\"number\":\"" + number + "\",\"bankId\":\"026009593\",\"country\":\"US\"}";
    }

    static String cnAccount(String number) {
        return "\"%sAccount\":{\"number\":\"" + number + "\",\"bankId\":\"ICBKCNBJ\",\"country\":\"CN\"}";
    }

    static String side(String template, String side) {
        return template.formatted(side);
    }

    @Test
    void aBulkImportOfThousandsIsStoredWholeAndTracedAcrossTheBorder() throws Exception {
        String us = "US" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^0-9]", "7") + "0001";
        String usNumber = unique();
        String cn1 = unique();
        String cn2 = unique();
        List<String> lines = new ArrayList<>();
        // 2,400 structured deposits of 9,500 USD each from the same US account to the first CN account
        for (int i = 0; i < 2400; i++) {
            lines.add(tx("T" + i, "2026-10-01", "9500.00", "USD", side(usAccount(usNumber), "from"), side(cnAccount(cn1), "to")));
        }
        // the CN account passes 5,000,000 CNY on to a second CN account, and 1,000 USDT-equivalent USD to a wallet
        lines.add(tx("T-CN", "2026-10-05", "5000000", "CNY", side(cnAccount(cn1), "from"), side(cnAccount(cn2), "to")));
        lines.add(tx("T-W", "2026-10-06", "1000", "USD", side(cnAccount(cn1), "from"),
                "\"toWallet\":{\"chain\":\"ETH\",\"address\":\"0x52908400098527886E0F7030069857D2E4169EE7\"}"));
        String body = report("bulk", lines, "\"CN-CAMLMAC\"");
        assertThat(body.length()).isGreaterThan(500_000);

        MvcResult created = mvc.perform(post("/api/finance/reports").with(US_FINCEN)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"5\""))
                .andExpect(jsonPath("$.transactionCount", is(2402)))
                .andExpect(jsonPath("$.indicators[1]", is("funnel account")))
                .andReturn();
        String location = created.getResponse().getHeader("Location");
        awaitEdges(idOf(location), 2402);

        mvc.perform(get(location + "/transactions").param("page", "24").param("size", "100").with(CN_CAMLMAC))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems", is(2402)))
                .andExpect(jsonPath("$.items[0].index", is(2400)))
                .andExpect(jsonPath("$.items[0].to.key", is("ACCT:CN:ICBKCNBJ:" + cn2)));

        JsonNode trace = json.readTree(mvc.perform(get("/api/finance/tracing").with(CN_CAMLMAC)
                        .param("accountNumber", usNumber).param("bankId", "026009593").param("country", "US")
                        .param("hops", "3").param("edgeLimit", "10"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(trace.path("transactions").asInt()).isEqualTo(2402);
        assertThat(trace.path("nodesReached").asInt()).isEqualTo(3);
        assertThat(trace.path("crossBorderEdges").asInt()).isEqualTo(2400);
        assertThat(trace.path("edgesTruncated").asBoolean()).isTrue();
        JsonNode hop1 = trace.path("perHop").get(0);
        assertThat(hop1.path("transactions").asInt()).isEqualTo(2400);
        assertThat(hop1.path("amounts").get(0).path("amount").decimalValue()).isEqualByComparingTo("22800000");
        assertThat(trace.path("perHop").get(1).path("crossBorderEdges").asInt()).isZero();
        assertThat(trace.path("perHop").get(1).path("amounts").toString()).contains("CNY").contains("5000000");
        assertThat(trace.path("perCountry").toString()).contains("\"country\":\"CN\"").contains("\"country\":null");
        assertThat(trace.path("edges").get(0).path("crossBorder").asBoolean()).isTrue();

        // MX-FGR may not see the report: the flows are not there for it, the report is missing
        JsonNode hidden = json.readTree(mvc.perform(get("/api/finance/tracing").with(MX_FGR)
                        .param("accountNumber", usNumber).param("bankId", "026009593").param("country", "US"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(hidden.path("transactions").asInt()).isZero();
        assertMissingFor(mvc, location, MX_FGR);
        mvc.perform(get(location + "/transactions").with(MX_FGR)).andExpect(status().isNotFound());
        assertListedFor(mvc, location, CN_CAMLMAC);
        assertAuditorReads(mvc, location);
        assertAsOfMatchesLive(mvc, location, CN_CAMLMAC);
    }

    @Test
    void aBulkImportWithFaultyLinesNamesEveryOneAndStoresNothing() throws Exception {
        long before = events();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            lines.add(tx("T" + i, "2026-10-01", "100", "USD", side(usAccount("1234"), "from"),
                    "\"toAccount\":{\"iban\":\"DE89370400440532013000\"}"));
        }
        lines.set(3, lines.get(3).replace("DE89370400440532013000", "DE89370400440532013001"));
        lines.set(1234, lines.get(1234).replace("\"fromAccount\":{\"number\":\"1234\",\"bankId\":\"026009593\",\"country\":\"US\"}",
                "\"fromAccount\":{\"iban\":\"GB82 WEST 1234 5698 7654 33\"}"));
        lines.set(1400, lines.get(1400).replace("\"USD\"", "\"RMB\""));
        lines.set(1401, lines.get(1401).replace(",\"toAccount\":{\"iban\":\"DE89370400440532013000\"}", ""));
        mvc.perform(post("/api/finance/reports").with(US_FINCEN)
                        .contentType(MediaType.APPLICATION_JSON).content(report("bad", lines, "")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors.length()", is(4)))
                .andExpect(jsonPath("$.errors[*].field", hasItem("transactions[3].toAccount.iban")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("transactions[1234].fromAccount.iban")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("transactions[1400].currency")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("transactions[1401].toAccount")));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIs413AndTheFieldsOfTheHeaderAreChecked() throws Exception {
        String huge = report("huge", List.of(), "").replace("\"reason\":\"", "\"reason\":\"" + "x".repeat(3_200_000));
        mvc.perform(post("/api/finance/reports").with(US_FINCEN).contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.status", is(413)));
        mvc.perform(post("/api/finance/reports").with(US_FINCEN).contentType(MediaType.APPLICATION_JSON)
                        .content(report("x", List.of(tx("T0", "2026-13-01", "1", "USD", side(usAccount("1"), "from"),
                                side(usAccount("2"), "to"))), "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("transactions[0].date")));
        mvc.perform(get("/api/finance/tracing").with(US_FINCEN).param("iban", "DE89370400440532013001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("iban")));
        mvc.perform(get("/api/finance/tracing").with(US_FINCEN).param("iban", "DE89370400440532013000").param("hops", "7"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("hops")));
        mvc.perform(get("/api/finance/tracing").with(US_FINCEN).param("chain", "ETH").param("address", "0x12"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("address")));
        mvc.perform(get("/api/finance/tracing").with(US_FINCEN).param("iban", "DE89370400440532013000")
                        .param("direction", "sideways"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("direction")));
    }

    @Test
    void theOwnerReleasesAReportAndOnlyThenTheOtherAgencySeesIt() throws Exception {
        String location = mvc.perform(post("/api/finance/reports").with(US_FINCEN).contentType(MediaType.APPLICATION_JSON)
                        .content(report("r", List.of(), "")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        assertMissingFor(mvc, location, CN_CAMLMAC);
        mvc.perform(post(location + "/releases").with(US_FINCEN).header("If-Match", "\"5\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"CN-CAMLMAC\"}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(post(location + "/releases").with(CN_CAMLMAC)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"CN-CAMLMAC\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(location + "/releases").with(US_FINCEN).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"CN-CAMLMAC\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.releasedTo[0]", is("CN-CAMLMAC")));
        mvc.perform(get(location).with(CN_CAMLMAC)).andExpect(status().isOk());
        mvc.perform(post(location + "/releases").with(CN_CAMLMAC)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"MX-FGR\"}"))
                .andExpect(status().isForbidden());
        // before the release CN-CAMLMAC could not see it: asOf then is 404 for it, not the earlier state
        mvc.perform(get(location + "/history").with(CN_CAMLMAC))
                .andExpect(jsonPath("$.events[1].type", is("TransactionReportReleaseWidenedEvent")));
        assertAsOfMatchesLive(mvc, location, CN_CAMLMAC);
    }

    @Test
    void assetsOfACaseWithTotalsPerCategoryAndCurrency() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String first = asset(caseId, "PROPERTY", "3200000", "CNY", "[\"US-FINCEN\"]");
        asset(caseId, "PROPERTY", "800000.50", "CNY", "[]");
        asset(caseId, "VEHICLE", "95000", "USD", "[\"US-FINCEN\"]");
        mvc.perform(get("/api/finance/assets/cases/" + caseId).with(CN_CAMLMAC))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assets.length()", is(3)))
                .andExpect(jsonPath("$.totals[0].category", is("PROPERTY")))
                .andExpect(jsonPath("$.totals[0].estimatedValue", is(4000000.5)))
                .andExpect(jsonPath("$.totals[1].category", is("VEHICLE")));
        // US-FINCEN sees the two released to it
        mvc.perform(get("/api/finance/assets/cases/" + caseId).with(US_FINCEN))
                .andExpect(jsonPath("$.assets.length()", is(2)))
                .andExpect(jsonPath("$.totals[0].estimatedValue", is(3200000.0)));
        assertMissingFor(mvc, first, MX_FGR);
        assertListedFor(mvc, first, US_FINCEN);
        assertAuditorReads(mvc, first);
        assertAsOfMatchesLive(mvc, first, CN_CAMLMAC);
        mvc.perform(post("/api/finance/assets").with(CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                        .content(assetBody(caseId, "YACHT", "1", "USD", "[]")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("category")));
        mvc.perform(post("/api/finance/assets").with(CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                        .content(assetBody(caseId, "VEHICLE", "1", "RMB", "[]")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("currency")));
        mvc.perform(post("/api/finance/assets").with(CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                        .content(assetBody(caseId, "VEHICLE", "1", "USD", "[]").replace("\"CN\"", "\"XX\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("country")));
    }

    @Test
    void aFreezeIsAcknowledgedPartiallyGrantedExtendedAndLapsesByItsPersistentDeadline() throws Exception {
        String caseId = "case-" + UUID.randomUUID();
        String location = mvc.perform(post("/api/finance/freeze-requests").with(US_FINCEN)
                        .contentType(MediaType.APPLICATION_JSON).content(freezeBody(caseId, "FREEZE")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("REQUESTED")))
                .andExpect(jsonPath("$.receivingCountry", is("CN")))
                .andReturn().getResponse().getHeader("Location");
        assertMissingFor(mvc, location, MX_FGR);
        assertListedFor(mvc, location, CN_CAMLMAC);
        assertAuditorReads(mvc, location);

        mvc.perform(post(location + "/acknowledge").with(US_FINCEN)).andExpect(status().isForbidden());
        mvc.perform(post(location + "/acknowledge").with(MX_FGR)).andExpect(status().isNotFound());
        mvc.perform(post(location + "/freeze").with(CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amounts\":[{\"target\":0,\"amount\":1}]}"))
                .andExpect(status().isConflict());
        mvc.perform(post(location + "/acknowledge").with(CN_CAMLMAC).header("If-Match", "\"0\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("ACKNOWLEDGED")));
        mvc.perform(post(location + "/freeze").with(CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amounts\":[{\"target\":0,\"amount\":400000.01}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("amounts[0]")));
        Instant before = Instant.now();
        JsonNode frozen = json.readTree(mvc.perform(post(location + "/freeze").with(CN_CAMLMAC)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amounts\":[{\"target\":0,\"amount\":250000}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("FROZEN")))
                .andExpect(jsonPath("$.partial", is(true)))
                .andExpect(jsonPath("$.expiryRule", is("PT6S")))
                .andReturn().getResponse().getContentAsString());
        Instant expiry = Instant.parse(frozen.path("expiresAt").asText());
        assertThat(expiry).isBetween(before.plusSeconds(5), before.plusSeconds(8));

        mvc.perform(post(location + "/extend").with(CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.extensions", is(1)))
                .andExpect(jsonPath("$.expiresAt", is(expiry.plusSeconds(6).toString())));

        mvc.perform(get("/api/finance/freeze-requests/totals").param("caseId", caseId).with(US_FINCEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.perCase[0].caseId", is(caseId)))
                .andExpect(jsonPath("$.perCase[0].amounts.currency", is("CNY")))
                .andExpect(jsonPath("$.perCase[1].amounts.currency", is("USD")))
                .andExpect(jsonPath("$.perCase[1].amounts.requested", is(400000.0)))
                .andExpect(jsonPath("$.perCase[1].amounts.frozen", is(250000.0)))
                .andExpect(jsonPath("$.perCase[1].amounts.stillFrozen", is(250000.0)))
                .andExpect(jsonPath("$.perCountryPair[0].requestingCountry", is("US")))
                .andExpect(jsonPath("$.perCountryPair[0].receivingCountry", is("CN")));
        mvc.perform(get("/api/finance/freeze-requests/totals").param("caseId", caseId).with(MX_FGR))
                .andExpect(jsonPath("$.perCase.length()", is(0)));

        // the reminder and then the expiry come from db-scheduler's stored deadlines: the freeze lapses by itself
        JsonNode lapsed = awaitStatus(location, "EXPIRED", Duration.ofSeconds(40));
        assertThat(lapsed.path("reminderIssuedAt").isNull()).isFalse();
        assertThat(lapsed.path("targets").get(0).path("amountReleased").decimalValue()).isEqualByComparingTo("250000");
        JsonNode history = json.readTree(mvc.perform(get(location + "/history").with(US_FINCEN))
                .andReturn().getResponse().getContentAsString());
        List<String> types = new ArrayList<>();
        history.path("events").forEach(event -> types.add(event.path("type").asText()));
        assertThat(types).containsExactly("FreezeRequestedEvent", "FreezeRequestAcknowledgedEvent", "FreezeGrantedEvent",
                "FreezeExtendedEvent", "FreezeExpiryReminderIssuedEvent", "FreezeExpiredEvent");
        mvc.perform(get("/api/finance/freeze-requests/totals").param("caseId", caseId).with(CN_CAMLMAC))
                .andExpect(jsonPath("$.perCase[1].amounts.released", is(250000.0)))
                .andExpect(jsonPath("$.perCase[1].amounts.stillFrozen", is(0.0)));
        assertAsOfMatchesLive(mvc, location, US_FINCEN);
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single()).isNotNull();
    }

    @Test
    void aRequestIsRejectedWithAReasonAndBadRequestsNameTheField() throws Exception {
        String location = mvc.perform(post("/api/finance/freeze-requests").with(US_FINCEN)
                        .contentType(MediaType.APPLICATION_JSON).content(freezeBody(null, "POSTPONEMENT")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(location + "/reject").with(CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("reason")));
        mvc.perform(post(location + "/reject").with(CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"No such account at ICBC\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("REJECTED")))
                .andExpect(jsonPath("$.rejectionReason", is("No such account at ICBC")));
        long before = events();
        mvc.perform(post("/api/finance/freeze-requests").with(US_FINCEN).contentType(MediaType.APPLICATION_JSON)
                        .content(freezeBody(null, "POSTPONEMENT").replace("CN-CAMLMAC", "US-DEA")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("receivingAgency")));
        mvc.perform(post("/api/finance/freeze-requests").with(US_FINCEN).contentType(MediaType.APPLICATION_JSON)
                        .content(freezeBody(null, "POSTPONEMENT").replace("\"ICBKCNBJ\"", "null")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("targets[0].account.bankId")));
        mvc.perform(post("/api/finance/freeze-requests").with(AUDITOR).contentType(MediaType.APPLICATION_JSON)
                        .content(freezeBody(null, "POSTPONEMENT")))
                .andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
    }

    private String asset(String caseId, String category, String value, String currency, String releasedTo) throws Exception {
        return mvc.perform(post("/api/finance/assets").with(CN_CAMLMAC).contentType(MediaType.APPLICATION_JSON)
                        .content(assetBody(caseId, category, value, currency, releasedTo)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
    }

    private static String assetBody(String caseId, String category, String value, String currency, String releasedTo) {
        return """
                {"caseId":"%s","category":"%s","description":"Held via Shenzhen Hua Mei","identifier":"44-0304-0021877",
                 "country":"CN","estimatedValue":%s,"currency":"%s","releasedTo":%s,"tlp":"TLP:AMBER","handlingCode":"H2"}"""
                .formatted(caseId, category, value, currency, releasedTo);
    }

    static String freezeBody(String caseId, String measure) {
        return """
                {"receivingAgency":"CN-CAMLMAC","measure":"%s","legalBasis":"Egmont principles; 31 U.S.C. 5318",
                 "caseId":%s,"urgency":"URGENT","tlp":"TLP:AMBER","handlingCode":"H2","targets":[
                  {"account":{"number":"6222021234567890","bankId":"ICBKCNBJ","country":"CN"},"amountSought":400000,"currency":"USD"},
                  {"account":{"number":"6217001234567890","bankId":"PCBCCNBJ","country":"CN"},"amountSought":1500000,"currency":"CNY"}]}"""
                .formatted(measure, caseId == null ? "null" : "\"" + caseId + "\"");
    }

    private JsonNode awaitStatus(String location, String wanted, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode view;
        do {
            view = json.readTree(mvc.perform(get(location).with(US_FINCEN)).andReturn().getResponse().getContentAsString());
            if (wanted.equals(view.path("status").asText())) {
                return view;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("status " + wanted + " not reached within " + timeout + ": " + view);
    }

    private void awaitEdges(String reportId, long count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.sql("SELECT count(*) FROM money_flow_edge WHERE report_id = :id").param("id", reportId)
                    .query(Long.class).single() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("graph did not catch up");
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String unique() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry").query(Long.class).single();
    }

    @Test
    void theApiDocumentNamesTheGatewayKeycloakAndEveryOperationsSummaryAndProblems() throws Exception {
        assertThat(ApiDocumentRules.faultsOfServed(mvc)).isEmpty();
    }

    /**
     * Every example request the document offers in Swagger UI is a valid request: sent to the service by a caller of
     * no role, each passes the request's checks (and is then refused as forbidden, storing nothing).
     */
    @Test
    void everyExampleRequestOfTheDocumentIsValid() throws Exception {
        assertThat(ApiDocumentRules.refusedExamples(mvc, TestTokens.user("gb.visitor", "GB-NCA"))).isEmpty();
    }
}
