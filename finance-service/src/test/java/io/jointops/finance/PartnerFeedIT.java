package io.jointops.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * finance-service's part of the partner feed on a real PostgreSQL: an agency's partner system reads the events of the
 * reports released to it, as their histories show them, a report released later with its earlier events, and nothing
 * of a report not released to it; bad parameters are problems naming them, and only a partner system reads it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class PartnerFeedIT {

    static final RequestPostProcessor US_FINCEN = TestTokens.user("us.finance", "US-FINCEN", "finance-officer");
    static final RequestPostProcessor CN_OFFICER = TestTokens.user("cn.finance", "CN-CAMLMAC", "finance-officer");
    static final RequestPostProcessor CN_PARTNER =
            TestTokens.user("service-account-jointops-partner-cn-camlmac", "CN-CAMLMAC", "feed-reader");
    static final RequestPostProcessor MX_PARTNER =
            TestTokens.user("service-account-jointops-partner-mx-fgr", "MX-FGR", "feed-reader");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "finance-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void aPartnerSystemReadsTheReportsReleasedToItsAgencyAsTheirHistoriesShowThem() throws Exception {
        String released = file("\"CN-CAMLMAC\"");
        String kept = file("");

        List<JsonNode> read = new ArrayList<>();
        long cursor = readUntil(CN_PARTNER, 0, read, events -> ids(events).contains(released + "/0"));
        assertThat(ids(read)).doesNotContain(kept + "/0");

        // released later: its filing comes first (shown to CN-CAMLMAC from now on), then the release
        mvc.perform(post("/api/finance/reports/" + kept + "/releases").with(US_FINCEN).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"CN-CAMLMAC\"}"))
                .andExpect(status().isOk());
        readUntil(CN_PARTNER, cursor, read, events -> ids(events).contains(kept + "/1"));
        List<String> ids = ids(read);
        assertThat(ids).containsSubsequence(kept + "/0", kept + "/1");
        assertThat(ids).doesNotHaveDuplicates();

        for (String report : List.of(released, kept)) {
            JsonNode history = json.readTree(mvc.perform(get("/api/finance/reports/" + report + "/history").with(CN_OFFICER))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("events");
            List<JsonNode> fed = read.stream().filter(event -> event.path("itemId").asText().equals(report)).toList();
            assertThat(fed).hasSize(history.size());
            for (int i = 0; i < history.size(); i++) {
                JsonNode event = fed.get(i);
                assertThat(event.path("context").asText()).isEqualTo("finance");
                assertThat(event.path("itemType").asText()).isEqualTo("transaction-report");
                assertThat(event.has("globalPosition")).isFalse();
                for (String field : List.of("sequence", "type", "revision", "timestamp", "actor", "actorId", "agency",
                        "correlationId", "causationId", "payload")) {
                    assertThat(event.path(field)).as(report + " " + field).isEqualTo(history.get(i).path(field));
                }
            }
        }

        // another agency's partner system: neither report, however far it reads
        List<JsonNode> mexico = new ArrayList<>();
        readUntil(MX_PARTNER, 0, mexico, events -> true);
        assertThat(ids(mexico)).noneMatch(id -> id.startsWith(released) || id.startsWith(kept));
    }

    @Test
    void badParametersAreProblemsNamingThemAndOnlyPartnerSystemsReadTheFeed() throws Exception {
        for (String limit : List.of("0", "501", "-1", "ten")) {
            mvc.perform(get("/internal/feed").param("limit", limit).with(CN_PARTNER))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field", is("limit")));
        }
        mvc.perform(get("/internal/feed").param("after", "-5").with(CN_PARTNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("after")));
        mvc.perform(get("/internal/feed").param("wait", "31").with(CN_PARTNER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("wait")));
        mvc.perform(get("/internal/feed").with(CN_OFFICER)).andExpect(status().isForbidden());
        mvc.perform(get("/internal/feed")).andExpect(status().isUnauthorized());
    }

    private String file(String releasedTo) throws Exception {
        String location = mvc.perform(post("/api/finance/reports").with(US_FINCEN).contentType(MediaType.APPLICATION_JSON)
                        .content(TransactionReportApiIT.VALID.formatted(releasedTo)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * Reads the agency's feed page by page from {@code after}, adding its events to {@code read}, until {@code done}
     * holds and the feed is read to its end (waiting for the feed's processor up to 20 s); returns the cursor.
     */
    private long readUntil(RequestPostProcessor partner, long after, List<JsonNode> read,
                           Predicate<List<JsonNode>> done) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            JsonNode page = json.readTree(mvc.perform(get("/internal/feed").with(partner)
                            .param("after", Long.toString(after)).param("limit", "7").param("wait", "1"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(page.path("last").asLong()).isGreaterThanOrEqualTo(after);
            page.path("entries").forEach(entry -> read.add(entry.path("event")));
            after = page.path("last").asLong();
            if (page.path("entries").isEmpty() && done.test(read)) {
                return after;
            }
            assertThat(System.nanoTime()).as("the feed shows what was expected within 20 s: " + ids(read))
                    .isLessThan(deadline);
        }
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.path("id").asText()).toList();
    }

}
