package io.jointops.cases;

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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who reads the audit log through case-service (which serves {@code /api/audit}): joint auditors everything; the
 * platform's operators ({@code platform-admin}) and the agencies' signing systems ({@code notary-signer}) the
 * checkpoints, keys and proofs, never an event's payload; agencies' officers nothing.
 */
@SpringBootTest
@DirtiesContext
@AutoConfigureMockMvc
class AuditAccessIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
    }

    @Autowired
    MockMvc mvc;

    /**
     * Issue 15: {@code platform-admin} (meant to see no case content) and the agencies' signing systems read every
     * agency's payloads through the audit query and exports. Now exports and the query are the auditors'; operators
     * and {@code notary-signer} read checkpoints, keys and proofs, and a signer co-signs.
     */
    @Test
    void operatorsAndNotarySignersReadCheckpointsAndProofsButNoContent() throws Exception {
        String title = "Signer must not read " + System.nanoTime();
        String correlationId = "audit-access-" + System.nanoTime();
        String location = mvc.perform(post("/api/cases").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator"))
                        .header("X-Correlation-Id", correlationId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"tlp\":\"TLP:AMBER\",\"handlingCode\":\"H1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String caseId = location.substring(location.lastIndexOf('/') + 1);
        var auditor = TestTokens.user("auditor", "JOINT-AUDIT", "auditor");
        var admin = TestTokens.user("admin", "JOINT-OPS", "platform-admin");
        var signer = TestTokens.user("cn-nncc-cosigner", "CN-NNCC", "notary-signer");

        for (var noContent : List.of(admin, signer)) {
            mvc.perform(get("/api/audit/export").param("itemId", caseId).with(noContent))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString(title))));
            mvc.perform(get("/api/audit/export").param("fromPosition", "0").param("toPosition", "1000000").with(noContent))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/audit/events").param("correlationId", correlationId).with(noContent))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString(title))));
        }
        for (var reader : List.of(auditor, admin, signer)) {
            mvc.perform(get("/api/audit/checkpoints").with(reader)).andExpect(status().isOk());
            mvc.perform(get("/api/audit/keys").with(reader)).andExpect(status().isOk());
        }
        // a signer's co-signature reaches the notary (refused there for what it is, never for the role)
        int signed = mvc.perform(post("/api/audit/checkpoints/999999999/signatures").with(signer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agency\":\"CN-NNCC\",\"signature\":\"AAAA\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(signed).isIn(400, 404);
        // the auditor still exports (404 only until a complete checkpoint covers the case)
        int exported = mvc.perform(get("/api/audit/export").param("itemId", caseId).with(auditor))
                .andReturn().getResponse().getStatus();
        assertThat(exported).isIn(200, 404);
        mvc.perform(get("/api/audit/events").param("correlationId", correlationId).with(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)));
        // an agency's officer reads none of it
        mvc.perform(get("/api/audit/checkpoints").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator")))
                .andExpect(status().isForbidden());
    }
}
