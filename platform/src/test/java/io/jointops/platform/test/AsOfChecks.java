package io.jointops.platform.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET .../{id}?asOf=} checked against the live view: the state rebuilt from the events up to now equals what
 * the projection shows, nothing existed before the item was created, and a malformed instant is a 400 naming asOf.
 */
public final class AsOfChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsOfChecks() {
    }

    public static void assertAsOfMatchesLive(MockMvc mvc, String location, RequestPostProcessor reader) throws Exception {
        String live = mvc.perform(get(location).with(reader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String rebuilt = mvc.perform(get(location).param("asOf", Instant.now().toString()).with(reader))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(rebuilt)).isEqualTo(JSON.readTree(live));
        mvc.perform(get(location).param("asOf", "2000-01-01T00:00:00Z").with(reader))
                .andExpect(status().isNotFound());
        mvc.perform(get(location).param("asOf", "last tuesday").with(reader))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("asOf")));
    }
}
