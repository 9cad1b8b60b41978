package io.jointops.platform.test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who reads an item, as every service's API answers it: an agency that may not see the item finds it nowhere, an
 * agency that may see it finds it listed, and joint auditors read every item. {@code location} is the item's URL as
 * the {@code Location} header gave it, e.g. {@code /api/intel/reports/{id}}; the list is its parent.
 */
public final class ItemVisibility {

    private ItemVisibility() {
    }

    /** For {@code caller} the item is missing: a 404 problem for the item and for its history, and not listed. */
    public static void assertMissingFor(MockMvc mvc, String location, RequestPostProcessor caller) throws Exception {
        mvc.perform(get(location).with(caller))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
        mvc.perform(get(location + "/history").with(caller))
                .andExpect(status().isNotFound());
        mvc.perform(get(list(location)).with(caller))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id(location)))));
    }

    /** {@code caller} finds the item on the first page of 100 it lists. */
    public static void assertListedFor(MockMvc mvc, String location, RequestPostProcessor caller) throws Exception {
        mvc.perform(get(list(location) + "?page=0&size=100").with(caller))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(id(location))));
    }

    /** A joint auditor, of no agency taking part, reads the item. */
    public static void assertAuditorReads(MockMvc mvc, String location) throws Exception {
        mvc.perform(get(location).with(TestTokens.user("auditor", "JOINT-AUDIT", "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id", is(id(location))));
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String list(String location) {
        return location.substring(0, location.lastIndexOf('/'));
    }
}
