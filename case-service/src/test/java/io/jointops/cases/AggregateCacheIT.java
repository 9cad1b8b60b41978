package io.jointops.cases;

import io.jointops.api.cases.CaseSuspendedEvent;
import io.jointops.api.privacy.PersonalDataErasedEvent;
import io.jointops.platform.axon.AggregateCache;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Commands on an item use the aggregate its last command left in this process (a case with hundreds of links is not
 * read again for each), never one the store has moved past, and an erasure leaves none in memory.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext // the erasure rebuilds this service's views
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AggregateCacheIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    AggregateCache aggregates;
    @Autowired
    MeterRegistry meters;

    String open() throws Exception {
        String location = mvc.perform(post("/api/cases").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Cached case","summary":"Commands on it","partnerAgencies":[],"tlp":"TLP:AMBER","handlingCode":"H1"}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        return location.substring("/api/cases/".length());
    }

    double hits() {
        return meters.get("cache.gets").tag("cache", "aggregates").tag("result", "hit").functionCounter().count();
    }

    @Test
    @Order(1)
    void aCommandUsesTheAggregateTheLastOneLeftUnlessTheStoreHoldsALaterEvent() throws Exception {
        String caseId = open();
        assertThat(aggregates.containsKey(caseId)).as("the opened case, kept").isTrue();

        double before = hits();
        mvc.perform(post("/api/cases/" + caseId + "/activate")
                        .with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        assertThat(hits()).as("the activation used the kept aggregate").isEqualTo(before + 1);

        // another replica suspends the case (the command bus's routing moved): this process's aggregate is behind
        eventStore.publish(new GenericDomainEventMessage<>("JointCase", caseId, 2,
                new CaseSuspendedEvent(caseId, "suspended on another replica"),
                MetaData.from(Map.of("agency", "CN-NNCC", "actor", "cn.supervisor"))));

        // the case as stored is suspended: suspending it again is refused, not appended over the other replica's event
        mvc.perform(post("/api/cases/" + caseId + "/suspend").with(TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"twice\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("SUSPENDED cannot be suspended")));
        mvc.perform(post("/api/cases/" + caseId + "/activate").with(TestTokens.user("cn.supervisor", "CN-NNCC", "supervisor")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.status", containsString("ACTIVE")));
    }

    @Test
    @Order(2)
    void anErasureLeavesNoAggregateInMemory() throws Exception {
        String caseId = open();
        assertThat(aggregates.containsKey(caseId)).isTrue();

        // an erasure of no item of this case (the database is shared with the other tests: their feeds stay as they
        // were); every aggregate goes all the same, since none is checked for what it holds
        eventStore.publish(GenericEventMessage.asEventMessage(new PersonalDataErasedEvent("retention:test", "CN-NNCC",
                List.of(), List.of(), 0, "test", Instant.now())));

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (aggregates.containsKey(caseId) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(aggregates.containsKey(caseId)).as("the case, forgotten after the erasure").isFalse();
    }
}
