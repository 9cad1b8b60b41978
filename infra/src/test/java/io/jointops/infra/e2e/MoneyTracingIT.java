package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drug money across a border, through the gateway with real Keycloak tokens: US-FINCEN files a suspicious transaction
 * report whose funds flow from a US account through another US account into two CN accounts, and releases it to
 * CN-CAMLMAC; tracing from the first account shows the cross-border hop; US-FINCEN asks CN-CAMLMAC to postpone
 * transactions on the CN accounts; CN-CAMLMAC acknowledges, freezes part of it, and later extends the freeze; the
 * totals add up; MX-FGR sees none of it.
 */
@ExtendWith(RunningPlatform.class)
class MoneyTracingIT {

    static RunningPlatform.Gateway gateway;
    static String us;
    static String cn;
    static String cnSupervisor;
    static String mx;
    static String auditor;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
        us = RunningPlatform.token("us.finance");
        cn = RunningPlatform.token("cn.finance");
        cnSupervisor = RunningPlatform.token("cn.finance.supervisor");
        mx = RunningPlatform.token("mx.investigator");
        auditor = RunningPlatform.token("auditor");
    }

    @Test
    void fundsAreTracedAcrossTheBorderAndPartlyFrozenThere() {
        String run = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        String first = "1000" + run;
        String second = "2000" + run;
        String cnFirst = "62220" + run;
        String cnSecond = "62170" + run;
        List<String> lines = new ArrayList<>();
        // structuring: 3,000 cash deposits of 9,000 USD into the first account, each from a different account
        for (int i = 0; i < 3000; i++) {
            lines.add(tx("D" + i, "2026-09-" + (10 + i % 20), "9000.00", "USD", account("9" + run + i, "021000021", "US", "from"),
                    account(first, "026009593", "US", "to")));
        }
        lines.add(tx("W1", "2026-10-01", "27000000.00", "USD", account(first, "026009593", "US", "from"),
                account(second, "121000248", "US", "to")));
        lines.add(tx("W2", "2026-10-02", "26500000.00", "USD", account(second, "121000248", "US", "from"),
                account(cnFirst, "ICBKCNBJ", "CN", "to")));
        lines.add(tx("W3", "2026-10-03", "180000000.00", "CNY", account(cnFirst, "ICBKCNBJ", "CN", "from"),
                account(cnSecond, "PCBCCNBJ", "CN", "to")));
        String body = """
                {"reportCode":"STR","reportingEntity":"First Harbour Bank","submissionDate":"2026-10-14",
                 "reason":"Structured cash deposits wired on to Shenzhen","reportingPerson":"J. Miller",
                 "indicators":["structuring","funnel account"],"transactions":[%s],"releasedTo":[],
                 "tlp":"TLP:AMBER","handlingCode":"H2"}""".formatted(String.join(",", lines));

        HttpResponse<String> filed = gateway.post("/api/finance/reports", us, body);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        assertThat(RunningPlatform.json(filed).path("transactionCount").asInt()).isEqualTo(3003);
        String report = filed.headers().firstValue("Location").orElseThrow();
        assertThat(gateway.get(report, cn).statusCode()).isEqualTo(404);
        HttpResponse<String> released = gateway.post(report + "/releases", us, Map.of("agency", "CN-CAMLMAC"));
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(gateway.get(report, cn).statusCode()).isEqualTo(200);

        // follow the money from the first account: the second hop crosses from the US into China
        String from = "/api/finance/tracing?accountNumber=" + first + "&bankId=026009593&country=US&hops=3";
        JsonNode trace = awaitTrace(from, cn, 3);
        assertThat(trace.path("crossBorderEdges").asInt()).isEqualTo(1);
        JsonNode hops = trace.path("perHop");
        assertThat(hops.get(0).path("crossBorderEdges").asInt()).isZero();
        assertThat(hops.get(1).path("crossBorderEdges").asInt()).isEqualTo(1);
        assertThat(hops.get(1).path("amounts").get(0).path("currency").asText()).isEqualTo("USD");
        assertThat(hops.get(1).path("amounts").get(0).path("amount").decimalValue()).isEqualByComparingTo("26500000");
        assertThat(hops.get(2).path("amounts").get(0).path("currency").asText()).isEqualTo("CNY");
        JsonNode crossing = trace.path("edges").get(1);
        assertThat(crossing.path("crossBorder").asBoolean()).isTrue();
        assertThat(crossing.path("from").path("country").asText()).isEqualTo("US");
        assertThat(crossing.path("to").path("country").asText()).isEqualTo("CN");
        assertThat(crossing.path("to").path("key").asText()).isEqualTo("ACCT:CN:ICBKCNBJ:" + cnFirst);
        assertThat(trace.path("perCountry").toString()).contains("\"country\":\"CN\"").contains("\"country\":\"US\"");
        // backward from the first CN account, the structured deposits show up three hops away
        JsonNode back = RunningPlatform.json(gateway.get("/api/finance/tracing?accountNumber=" + cnFirst
                + "&bankId=ICBKCNBJ&country=CN&hops=3&direction=backward&edgeLimit=5", us));
        assertThat(back.path("transactions").asInt()).isEqualTo(3002);
        assertThat(back.path("edgesTruncated").asBoolean()).isTrue();

        // US-FINCEN asks CN-CAMLMAC to postpone transactions on both CN accounts
        String caseId = "e2e-case-" + run;
        HttpResponse<String> requested = gateway.post("/api/finance/freeze-requests", us, """
                {"receivingAgency":"CN-CAMLMAC","measure":"POSTPONEMENT","legalBasis":"Egmont principles; 31 U.S.C. 5318",
                 "caseId":"%s","urgency":"URGENT","tlp":"TLP:AMBER","handlingCode":"H2","targets":[
                  {"account":{"number":"%s","bankId":"ICBKCNBJ","country":"CN"},"holder":"Shenzhen Hua Mei Import Co",
                   "amountSought":26500000,"currency":"USD"},
                  {"account":{"number":"%s","bankId":"PCBCCNBJ","country":"CN"},"amountSought":180000000,"currency":"CNY"}]}"""
                .formatted(caseId, cnFirst, cnSecond));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String freeze = requested.headers().firstValue("Location").orElseThrow();

        assertThat(gateway.post(freeze + "/acknowledge", us, null).statusCode()).isEqualTo(403);
        HttpResponse<String> acknowledged = gateway.post(freeze + "/acknowledge", cn, null);
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        assertThat(RunningPlatform.json(acknowledged).path("status").asText()).isEqualTo("ACKNOWLEDGED");

        Instant grantedAt = Instant.now();
        HttpResponse<String> frozen = gateway.post(freeze + "/freeze", cn,
                "{\"amounts\":[{\"target\":0,\"amount\":20000000},{\"target\":1,\"amount\":120000000}]}");
        assertThat(frozen.statusCode()).as(frozen.body()).isEqualTo(200);
        JsonNode granted = RunningPlatform.json(frozen);
        assertThat(granted.path("status").asText()).isEqualTo("FROZEN");
        assertThat(granted.path("partial").asBoolean()).isTrue();
        // CN's rule for postponements: 5 working days
        assertThat(granted.path("expiryRule").asText()).isEqualTo("5 working days");
        Instant expiry = Instant.parse(granted.path("expiresAt").asText());
        assertThat(expiry).isAfterOrEqualTo(workingDaysAfter(grantedAt, 5).minusSeconds(5))
                .isBeforeOrEqualTo(workingDaysAfter(Instant.now(), 5));

        HttpResponse<String> extended = gateway.post(freeze + "/extend", cnSupervisor, "{}");
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        JsonNode afterExtension = RunningPlatform.json(extended);
        assertThat(afterExtension.path("extensions").asInt()).isEqualTo(1);
        assertThat(Instant.parse(afterExtension.path("expiresAt").asText())).isEqualTo(workingDaysAfter(expiry, 5));

        // the totals add up, per case and per country pair, per currency
        JsonNode totals = RunningPlatform.json(gateway.get("/api/finance/freeze-requests/totals?caseId=" + caseId, us));
        JsonNode cny = totals.path("perCase").get(0).path("amounts");
        JsonNode usd = totals.path("perCase").get(1).path("amounts");
        assertThat(cny.path("currency").asText()).isEqualTo("CNY");
        assertThat(cny.path("requested").decimalValue()).isEqualByComparingTo("180000000");
        assertThat(cny.path("frozen").decimalValue()).isEqualByComparingTo("120000000");
        assertThat(usd.path("currency").asText()).isEqualTo("USD");
        assertThat(usd.path("requested").decimalValue()).isEqualByComparingTo("26500000");
        assertThat(usd.path("frozen").decimalValue()).isEqualByComparingTo("20000000");
        assertThat(usd.path("stillFrozen").decimalValue()).isEqualByComparingTo("20000000");
        assertThat(usd.path("released").decimalValue()).isEqualByComparingTo("0");
        JsonNode pairs = RunningPlatform.json(gateway.get("/api/finance/freeze-requests/totals", cn)).path("perCountryPair");
        assertThat(pairs.toString()).contains("\"requestingCountry\":\"US\",\"receivingCountry\":\"CN\"");

        JsonNode history = RunningPlatform.json(gateway.get(freeze + "/history", us)).path("events");
        assertThat(history.findValuesAsText("type")).containsExactly("FreezeRequestedEvent",
                "FreezeRequestAcknowledgedEvent", "FreezeGrantedEvent", "FreezeExtendedEvent");
        assertThat(history.get(3).path("actor").asText()).isEqualTo("cn.finance.supervisor");
        assertThat(history.get(3).path("agency").asText()).isEqualTo("CN-CAMLMAC");
        assertThat(gateway.get(freeze, auditor).statusCode()).isEqualTo(200);

        // MX-FGR, a third agency, sees none of it
        assertThat(gateway.get(report, mx).statusCode()).isEqualTo(404);
        assertThat(gateway.get(freeze, mx).statusCode()).isEqualTo(404);
        assertThat(gateway.get(freeze + "/history", mx).statusCode()).isEqualTo(404);
        assertThat(RunningPlatform.json(gateway.get(from, mx)).path("transactions").asInt()).isZero();
        assertThat(RunningPlatform.json(gateway.get("/api/finance/freeze-requests/totals?caseId=" + caseId, mx))
                .path("perCase")).isEmpty();
        assertThat(RunningPlatform.json(gateway.get("/api/finance/freeze-requests?size=100", mx)).path("items")
                .findValuesAsText("id")).doesNotContain(freeze.substring(freeze.lastIndexOf('/') + 1));
    }

    @Test
    void badInputIsAProblemNamingTheLineAndAnOversizedBodyIs413() {
        HttpResponse<String> bad = gateway.post("/api/finance/reports", us, """
                {"reportCode":"STR","reportingEntity":"First Harbour Bank","submissionDate":"2026-10-14","reason":"r",
                 "transactions":[%s,%s],"tlp":"TLP:AMBER","handlingCode":"H2"}""".formatted(
                tx("A", "2026-10-01", "10", "USD", account("1", "026009593", "US", "from"), account("2", "026009593", "US", "to")),
                tx("B", "2026-10-01", "10", "USD", "\"fromAccount\":{\"iban\":\"DE89370400440532013001\"}",
                        account("2", "026009593", "US", "to"))));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RunningPlatform.json(bad).path("errors").get(0).path("field").asText())
                .isEqualTo("transactions[1].fromAccount.iban");
        // 17 MB: above finance-service's 16 MB limit, answered 413 as a problem through the gateway, not 500
        HttpResponse<String> huge = gateway.post("/api/finance/reports", us, """
                {"reportCode":"STR","reportingEntity":"First Harbour Bank","submissionDate":"2026-10-14","reason":"%s",
                 "tlp":"TLP:AMBER","handlingCode":"H2"}""".formatted("x".repeat(17 * 1024 * 1024)));
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static JsonNode awaitTrace(String path, String token, int atLeast) {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode trace;
        do {
            HttpResponse<String> response = gateway.get(path, token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            trace = RunningPlatform.json(response);
            if (trace.path("transactions").asInt() >= atLeast) {
                return trace;
            }
            sleep();
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("the money-flow graph did not show the report's flows: " + trace);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The receiving country's rule, as finance-service counts it: Monday to Friday, in UTC. */
    private static Instant workingDaysAfter(Instant from, int days) {
        ZonedDateTime at = from.atZone(ZoneOffset.UTC);
        int added = 0;
        while (added < days) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return at.toInstant();
    }

    private static String tx(String number, String date, String amount, String currency, String from, String to) {
        return "{\"number\":\"%s\",\"date\":\"%s\",\"amount\":%s,\"currency\":\"%s\",\"mode\":\"WIRE\",%s,%s}"
                .formatted(number, date, amount, currency, from, to);
    }

    private static String account(String number, String bankId, String country, String side) {
        return "\"%sAccount\":{\"number\":\"%s\",\"bankId\":\"%s\",\"country\":\"%s\"}".formatted(side, number, bankId, country);
    }
}
