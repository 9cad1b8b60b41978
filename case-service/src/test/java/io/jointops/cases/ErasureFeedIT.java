package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.replay.ViewReplays;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import io.jointops.platform.test.ViewRebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Partners are told of an erasure on their feed (docs/privacy.md, "Partners"), on a real PostgreSQL: every agency that
 * got events of an erased item finds a {@code PersonalDataErasedEvent} notice for it (the order, the legal basis, the
 * item; nothing of the subject), an agency that never got the item finds none, and nothing the feed answers or stores
 * holds the erased value any longer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class ErasureFeedIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    static final RequestPostProcessor CN_FEED = TestTokens.user("cn-partner", "CN-NNCC", "feed-reader");
    static final RequestPostProcessor US_FEED = TestTokens.user("us-partner", "US-DEA", "feed-reader");
    static final RequestPostProcessor MX_FEED = TestTokens.user("mx-partner", "MX-FGR", "feed-reader");
    static final String NAME = "Tomás Ferreira-Lobo";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ViewReplays replays;

    @Test
    void theAgenciesThatGotAnErasedItemAreToldOnTheirFeedAndItKeepsNoErasedValue() throws Exception {
        String location = mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Operation Kestrel: %s","summary":"courier of %s","partnerAgencies":["US-DEA"],
                                 "tlp":"TLP:AMBER","handlingCode":"H1"}""".formatted(NAME, NAME)))
                .andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        // US-DEA's partner system gets the case, name and all
        assertThat(await(US_FEED, entries -> entries.stream().anyMatch(e -> e.path("itemId").asText().equals(caseId))))
                .anySatisfy(e -> assertThat(e.toString()).contains("Ferreira-Lobo"));

        String order = mvc.perform(post("/api/erasures")
                        .with(TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"subjects":[{"kind":"PERSON_NAME","value":"%s"}],"itemIds":["%s"],"itemText":true,
                                 "legalBasis":"CN court order (2026) Jing 0105 No. 18","reason":"acquitted"}"""
                                .formatted(NAME, caseId)))
                .andReturn().getResponse().getHeader("Location");
        assertThat(mvc.perform(post(order + "/approval").with(TestTokens.user("cn.supervisor2", "CN-NNCC", "supervisor")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        String orderId = order.substring(order.lastIndexOf('/') + 1);

        for (RequestPostProcessor feed : List.of(US_FEED, CN_FEED)) {
            List<JsonNode> entries = await(feed, all -> all.stream().anyMatch(ErasureFeedIT::isNotice));
            List<JsonNode> notices = entries.stream().filter(ErasureFeedIT::isNotice).toList();
            assertThat(notices).hasSize(1);
            JsonNode notice = notices.get(0);
            assertThat(notice.path("itemId").asText()).isEqualTo(caseId);
            assertThat(notice.path("itemType").asText()).isEqualTo("case");
            assertThat(notice.path("context").asText()).isEqualTo("cases");
            assertThat(notice.has("sequence")).as("no event of the item").isFalse();
            assertThat(notice.path("id").asText()).startsWith(caseId + "/erased/");
            assertThat(notice.path("agency").asText()).isEqualTo("CN-NNCC");
            assertThat(notice.path("payload").path("by").asText()).isEqualTo("erasure-order:" + orderId);
            assertThat(notice.path("payload").path("legalBasis").asText())
                    .isEqualTo("CN court order (2026) Jing 0105 No. 18");
            assertThat(notice.path("payload").path("itemIds").toString()).isEqualTo("[\"" + caseId + "\"]");
            // it comes after the item's events, and nothing on the feed holds the erased value any more: the item's
            // earlier events are read as they are now, erased
            List<JsonNode> ofTheCase = entries.stream().filter(e -> e.path("itemId").asText().equals(caseId)).toList();
            assertThat(ofTheCase.size()).as("entries of the case on %s's feed: %s; its feed rows: %s", feed, ofTheCase,
                    jdbc.sql("SELECT agency, sequence, notice IS NOT NULL AS notice FROM partner_feed WHERE item_id = ?")
                            .param(caseId).query().listOfRows()).isGreaterThan(1);
            assertThat(ofTheCase.get(ofTheCase.size() - 1)).isEqualTo(notice);
            assertThat(ofTheCase.toString()).doesNotContain("Ferreira").doesNotContain("Tomás").contains("[erased]");
        }
        // MX-FGR never got the case: it is told nothing of it
        assertThat(await(MX_FEED, all -> true)).noneSatisfy(e -> assertThat(e.path("itemId").asText()).isEqualTo(caseId));
        // one notice row per agency, holding nothing of the subject (redelivered, the erasure writes none again)
        assertThat(jdbc.sql("SELECT agency FROM partner_feed WHERE item_id = ? AND notice IS NOT NULL ORDER BY agency")
                .param(caseId).query(String.class).list()).containsExactly("CN-NNCC", "US-DEA");
        assertThat(jdbc.sql("SELECT CAST(partner_feed AS TEXT) FROM partner_feed WHERE item_id = ?").param(caseId)
                .query(String.class).list()).allSatisfy(row -> assertThat(row).doesNotContain("Ferreira"));
    }

    /**
     * A feed read let through just before a rebuild's reset (the view's state read a moment earlier, or by another
     * replica) finds rows of items the view no longer holds: it ends its page before them, so the agency's cursor
     * still gets them once the view is rebuilt. Passed over, they would be lost to the partner for good.
     */
    @Test
    void aFeedReadThatFindsTheViewEmptiedForARebuildPassesOverNoneOfItsItems() throws Exception {
        String location = mvc.perform(post("/api/cases").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Operation Heron","summary":"a port","partnerAgencies":["US-DEA"],
                                 "tlp":"TLP:AMBER","handlingCode":"H1"}"""))
                .andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        await(US_FEED, entries -> entries.stream().anyMatch(e -> e.path("itemId").asText().equals(caseId)));

        // emptied as a rebuild's reset empties it, its tokens still saying it serves: what such a read finds
        jdbc.sql("TRUNCATE case_view, case_linked_item, case_member, case_task, case_note, case_visibility, "
                + "case_visibility_count").update();
        List<JsonNode> whileEmpty = new ArrayList<>();
        long cursor = read(US_FEED, 0, whileEmpty);
        assertThat(whileEmpty).noneSatisfy(e -> assertThat(e.path("itemType").asText()).isEqualTo("case"));

        replays.start("case-view", "ErasureFeedIT");
        ViewRebuilds.awaitDone(replays, Set.of("case-view"));
        List<JsonNode> after = new ArrayList<>();
        read(US_FEED, cursor, after);
        assertThat(after).as("the case's events after the cursor read while the view was empty")
                .anySatisfy(e -> {
                    assertThat(e.path("itemId").asText()).isEqualTo(caseId);
                    assertThat(e.path("sequence").asLong()).isZero();
                    assertThat(e.path("payload").path("title").asText()).isEqualTo("Operation Heron");
                });
    }

    private static boolean isNotice(JsonNode entry) {
        return entry.path("type").asText().equals("PersonalDataErasedEvent");
    }

    /** The agency's whole feed, once it satisfies {@code done} (views being rebuilt answer 503 meanwhile). */
    private List<JsonNode> await(RequestPostProcessor feed, Predicate<List<JsonNode>> done) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            List<JsonNode> entries = entries(feed);
            if (entries != null && done.test(entries)) {
                return entries;
            }
            assertThat(System.nanoTime()).as("the feed in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Every event on the agency's feed, in order; null while the service answers 503 (views being rebuilt). */
    private List<JsonNode> entries(RequestPostProcessor feed) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        return read(feed, 0, entries) < 0 ? null : entries;
    }

    /**
     * Reads the agency's feed after {@code after} page by page into {@code entries}, as a partner's system does, until
     * a page moves the cursor no further; returns the cursor, or -1 at a 503 (views being rebuilt).
     */
    private long read(RequestPostProcessor feed, long after, List<JsonNode> entries) throws Exception {
        while (true) {
            MockHttpServletResponse response = mvc.perform(get("/internal/feed").with(feed)
                    .param("after", String.valueOf(after)).param("limit", "500")).andReturn().getResponse();
            if (response.getStatus() == 503) {
                return -1;
            }
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
            JsonNode page = json.readTree(response.getContentAsByteArray());
            page.path("entries").forEach(entry -> entries.add(entry.path("event")));
            if (page.path("last").asLong() == after) {
                return after;
            }
            after = page.path("last").asLong();
        }
    }
}
