package io.jointops.chemicals;

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

import static io.jointops.platform.test.EvidenceChecks.assertEvidenceRound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Evidence files of shipments and incidents on one chemical-service and a real PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class EvidenceIT {

    static final RequestPostProcessor CN = TestTokens.user("cn.chemical", "CN-CUSTOMS", "chemical-officer");
    static final RequestPostProcessor US = TestTokens.user("us.chemical", "US-DEA", "chemical-officer");
    static final RequestPostProcessor MX = TestTokens.user("mx.investigator", "MX-FGR", "investigator");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "chemical-service");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anIncidentsFilesAreSeenByTheAgenciesItIsReleasedTo() throws Exception {
        String incident = created("/api/chemicals/incidents", CN, """
                {"type":"SEIZURE","substanceName":"4-AP","quantity":120,"unit":"KG","place":"Port of Shanghai",
                 "country":"CN","occurredOn":"2026-11-28","concealmentMethod":"drums labelled as paint thinner",
                 "releasedTo":["US-DEA"],"tlp":"TLP:AMBER","handlingCode":"H1"}""");
        assertEvidenceRound(mvc, incident, CN, US, "US-DEA", MX);
    }

    @Test
    void aShipmentsFilesAreSeenByItsAgencies() throws Exception {
        String pen = created("/api/chemicals/notifications", CN, PrecursorControlApiIT.PEN);
        String shipment = created("/api/chemicals/shipments", CN, """
                {"notificationId":"%s","declaredGoods":"4-Anilinopiperidine (4-AP), CAS 23056-29-3"}"""
                .formatted(pen.substring(pen.lastIndexOf('/') + 1)));
        // the importing agency adds the shipping documents it holds; the exporting one reads them
        assertEvidenceRound(mvc, shipment, US, CN, "CN-CUSTOMS", MX);
    }

    private String created(String path, RequestPostProcessor who, String body) throws Exception {
        var response = mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return response.getHeader("Location");
    }
}
