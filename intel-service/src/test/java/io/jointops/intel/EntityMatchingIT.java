package io.jointops.intel;

import io.jointops.platform.test.TestService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;

import static io.jointops.intel.IntelReportApiIT.CN;
import static io.jointops.intel.IntelReportApiIT.CN_SUPERVISOR;
import static io.jointops.intel.IntelReportApiIT.GB;
import static io.jointops.intel.IntelReportApiIT.US;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hit/no-hit across scripts and spellings (issue 16, part 5), through the API on a real PostgreSQL: a report naming
 * 欧阳娜娜 is found by "Ouyang Nana" and "Nana Ouyang", one naming "Nana Ouyang" by 欧阳娜娜, a phone number written as
 * dialled in the US by its E.164 form and the reverse; every match says its rule and strength, and so does the
 * owner's notice of a hidden hit. Bad input is a 400 problem naming the field.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class EntityMatchingIT {

    private static final String REPORT = """
            {"title":"Broker network","category":"ORGANISED_CRIME_GROUP","sourceReliability":"B",
             "informationCredibility":2,"releasedTo":["US-DEA"],"tlp":"TLP:AMBER","handlingCode":"H2",
             "entities":[%s]}""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "intel-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private String chinese;
    private String latin;

    @BeforeEach
    void reports() throws Exception {
        if (chinese == null) {
            chinese = disseminated("""
                    {"entityId":"p","type":"PERSON","value":"欧阳娜娜"},
                    {"entityId":"t","type":"PHONE_NUMBER","value":"(202) 555-0143","country":"US"},
                    {"entityId":"o","type":"ORGANISATION","value":"华信贸易"}""");
            latin = disseminated("""
                    {"entityId":"p","type":"PERSON","value":"Zhuge Liang"},
                    {"entityId":"t","type":"PHONE_NUMBER","value":"+86 10 8888 0143"}""");
        }
    }

    @Test
    void aNameInChineseCharactersIsFoundByItsPinyinInEitherOrderAndSaysSo() throws Exception {
        search(US, "PERSON", "欧阳娜娜").andExpect(jsonPath("$.hit", is(true)))
                .andExpect(jsonPath("$.reports", hasItem(chinese)))
                .andExpect(match(chinese, "rule", "exact")).andExpect(match(chinese, "strength", "exact"));
        search(US, "PERSON", "Ouyang Nana").andExpect(jsonPath("$.hit", is(true)))
                .andExpect(jsonPath("$.normalised", is("ouyang nana")))
                .andExpect(jsonPath("$.reports", hasItem(chinese)))
                .andExpect(match(chinese, "rule", "pinyin")).andExpect(match(chinese, "strength", "similar"));
        search(US, "PERSON", "Nana Ouyang").andExpect(match(chinese, "rule", "pinyin-reversed-order"))
                .andExpect(match(chinese, "strength", "similar"));
        search(US, "PERSON", "ŌUYÁNG Nànà").andExpect(match(chinese, "rule", "pinyin"));
        search(US, "PERSON", "歐陽娜娜").andExpect(match(chinese, "rule", "pinyin")); // traditional characters
        search(US, "ORGANISATION", "Huaxin Maoyi").andExpect(match(chinese, "rule", "pinyin"));
        search(US, "PERSON", "Ouyang Nan").andExpect(jsonPath("$.reports", not(hasItem(chinese))));
    }

    @Test
    void aNameInPinyinIsFoundByItsChineseCharacters() throws Exception {
        search(US, "PERSON", "诸葛亮").andExpect(jsonPath("$.reports", hasItem(latin)))
                .andExpect(match(latin, "rule", "pinyin"));
        search(US, "PERSON", "Liang Zhuge").andExpect(match(latin, "rule", "reversed-order"))
                .andExpect(match(latin, "strength", "similar"));
        search(US, "PERSON", "zhuge, LIANG").andExpect(match(latin, "rule", "case-and-punctuation"))
                .andExpect(match(latin, "strength", "equivalent"));
    }

    @Test
    void aPhoneNumberIsFoundInE164AndAsDialledInItsCountry() throws Exception {
        search(US, "PHONE_NUMBER", "+12025550143").andExpect(jsonPath("$.normalised", is("+12025550143")))
                .andExpect(jsonPath("$.reports", hasItem(chinese))).andExpect(match(chinese, "rule", "e164"))
                .andExpect(match(chinese, "strength", "equivalent"));
        mvc.perform(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "(202) 555-0143")
                        .param("country", "us").with(US))
                .andExpect(status().isOk()).andExpect(match(chinese, "rule", "exact"));
        mvc.perform(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "010 8888 0143")
                        .param("country", "CN").with(US))
                .andExpect(status().isOk()).andExpect(match(latin, "rule", "e164"));
        // the same digits dialled in another country are another number
        mvc.perform(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "(202) 555-0143")
                        .param("country", "GB").with(US))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reports", not(hasItem(chinese))));
    }

    /** The searcher learns nothing of a report it may not see; its owner learns who searched, and how weak the match is. */
    @Test
    void aHiddenHitByPinyinTellsTheOwnerThatItIsAPinyinMatch() throws Exception {
        search(GB, "PERSON", "Nana OUYANG").andExpect(jsonPath("$.hit", is(false)))
                .andExpect(jsonPath("$.reports", empty())).andExpect(jsonPath("$.matches", empty()));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (jdbc.sql("SELECT count(*) FROM intel.intel_notification WHERE report_id = :id AND searching_agency = 'GB-NCA'")
                .param("id", chinese).query(Long.class).single() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        String item = "$.items[?(@.reportId == '" + chinese + "' && @.searchingAgency == 'GB-NCA')]";
        mvc.perform(get("/api/intel/notifications?size=100").with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath(item + ".normalised", contains("nana ouyang")))
                .andExpect(jsonPath(item + ".rule", contains("pinyin-reversed-order")))
                .andExpect(jsonPath(item + ".strength", contains("similar")));
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        problem(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "(202) 555-0143"),
                "value", "country code");
        problem(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "(202) 555-0143")
                .param("country", "USA"), "country", "ISO 3166-1 alpha-2");
        problem(get("/api/intel/entities/search").param("type", "PHONE_NUMBER").param("value", "(202) 555-0143")
                .param("country", "XX"), "country", "ISO 3166-1 alpha-2");
        problem(get("/api/intel/entities/search").param("type", "PERSON").param("value", "Zhang Wei")
                .param("country", "CN"), "country", "phone numbers only");
        problem(get("/api/intel/entities/search").param("type", "PERSON").param("value", "-- ,"), "value", "letters");
        problem(post("/api/intel/reports").contentType(MediaType.APPLICATION_JSON).content(REPORT.formatted("""
                        {"entityId":"t","type":"PHONE_NUMBER","value":"(202) 555-0143","country":"XX"}""")),
                "entities[0].country", "ISO 3166-1 alpha-2");
        problem(post("/api/intel/reports").contentType(MediaType.APPLICATION_JSON).content(REPORT.formatted("""
                        {"entityId":"t","type":"PHONE_NUMBER","value":"(202) 555-0143","country":"USA"}""")),
                "entities[0].country", "ISO 3166-1 alpha-2");
        problem(post("/api/intel/reports").contentType(MediaType.APPLICATION_JSON).content(REPORT.formatted("""
                        {"entityId":"t","type":"PHONE_NUMBER","value":"(202) 555-0143"}""")),
                "entities[0].value", "country code");
    }

    private void problem(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                         String field, String detail) throws Exception {
        mvc.perform(request.with(CN))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is(field)))
                .andExpect(jsonPath("$.errors[0].detail", containsString(detail)));
    }

    private ResultActions search(RequestPostProcessor searcher, String type, String value) throws Exception {
        return mvc.perform(get("/api/intel/entities/search").param("type", type).param("value", value).with(searcher))
                .andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.ResultMatcher match(String report, String field, String value) {
        return jsonPath("$.matches[?(@.reportId == '" + report + "')]." + field, contains(value));
    }

    private String disseminated(String entities) throws Exception {
        String location = mvc.perform(post("/api/intel/reports").with(CN).contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.formatted(entities)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(location + "/submission").with(CN)).andExpect(status().isOk());
        mvc.perform(post(location + "/approval").with(CN_SUPERVISOR)).andExpect(status().isOk());
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
