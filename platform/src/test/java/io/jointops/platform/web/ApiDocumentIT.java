package io.jointops.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jointops.platform.security.Caller;
import io.jointops.platform.test.ApiDocumentRules;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document of a service built on the platform (every auto-configuration, a real PostgreSQL, the command
 * bus): it lists the service's own operations with their real parameters only, not the token-derived {@link Caller}
 * and not the internal command bus endpoints, which the application does serve.
 */
@SpringBootTest(classes = ApiDocumentIT.Service.class, properties = {
        "spring.application.name=probe-service", "jointops.schema=probe", "jointops.api-path=/api/probes",
        "jointops.api.title=JointOps probes", "jointops.api.description=Probes of the platform's API documents",
        "jointops.api.gateway-url=https://gateway.example"})
@AutoConfigureMockMvc
@DirtiesContext
class ApiDocumentIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Probes.class)
    static class Service {
    }

    @Schema(example = """
            {"text":"Seen at the port","tlp":"TLP:AMBER"}""")
    record Note(@NotBlank @Size(max = 20) String text, @NotBlank String tlp) {
    }

    /** An example the request's own checks refuse: too long a text. */
    @Schema(example = """
            {"text":"Seen at the port of Rotterdam, twice","tlp":"TLP:AMBER"}""")
    record BadNote(@NotBlank @Size(max = 20) String text, @NotBlank String tlp) {
    }

    @RestController
    static class Probes {
        @Operation(summary = "A probe")
        @GetMapping("/api/probes/{probeId}")
        String probe(Caller caller, @PathVariable String probeId, @RequestParam(required = false) String q) {
            return caller.agency() + probeId + q;
        }

        @Operation(summary = "A probe's note")
        @PostMapping("/api/probes/{probeId}/notes")
        String note(Caller caller, @PathVariable String probeId, @Valid @RequestBody Note note) {
            return note.text();
        }

        @Operation(summary = "A probe's note, its example refused")
        @PostMapping("/api/probes/{probeId}/bad-notes")
        String badNote(Caller caller, @PathVariable String probeId, @Valid @RequestBody BadNote note) {
            return note.text();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "probe-service");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void theDocumentShowsNeitherTheCallerArgumentNorTheInternalCommandBus() throws Exception {
        // the application does serve the bus endpoints: leaving them out of the document is a choice, not an accident
        assertThat(handlers.getHandler(new MockHttpServletRequest("POST", "/spring-command-bus-connector/command"))).isNotNull();
        assertThat(handlers.getHandler(new MockHttpServletRequest("GET", "/member-capabilities"))).isNotNull();

        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode document = new ObjectMapper().readTree(body);

        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/probes/{probeId}", "/api/probes/admin/replays/{processingGroup}")
                .noneMatch(path -> path.startsWith("/spring-command-bus-connector") || path.equals("/member-capabilities"))
                .as("the servlet error page is no operation of the API").doesNotContain("/error");

        List<String> parameters = new ArrayList<>();
        document.path("paths").path("/api/probes/{probeId}").path("get").path("parameters")
                .forEach(parameter -> parameters.add(parameter.path("in").asText() + ":" + parameter.path("name").asText()));
        assertThat(parameters).containsExactlyInAnyOrder("path:probeId", "query:q");
        // the platform's own operations too (the replay endpoint takes the caller as well)
        assertThat(document.path("paths").path("/api/probes/admin/replays/{processingGroup}").path("post").path("parameters"))
                .extracting(parameter -> parameter.path("name").asText()).containsExactly("processingGroup");
        // nowhere: no operation takes a caller, and no schema describes one
        assertThat(document.findValues("name")).noneMatch(name -> name.asText().equals("caller"));
        assertThat(document.path("components").path("schemas").has("Caller")).isFalse();
    }

    @Test
    void theDocumentNamesTheGatewayKeycloakAndTheProblemsOfEveryOperation() throws Exception {
        JsonNode document = document();
        // the platform's own operations (replays, and in case-service the audit query and notary) keep the rules too,
        // but carry their summaries in their own code: here only what the probe and the platform's document give
        assertThat(document.path("info").path("title").asText()).isEqualTo("JointOps probes");
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.path("servers")).hasSize(1);
        assertThat(document.path("servers").path(0).path("url").asText()).isEqualTo("https://gateway.example");
        assertThat(document.path("components").path("securitySchemes").path("keycloak").path("flows")
                .path("authorizationCode").path("authorizationUrl").asText())
                .isEqualTo("http://localhost:8180/realms/jointops/protocol/openid-connect/auth");
        JsonNode probe = document.path("paths").path("/api/probes/{probeId}").path("get");
        assertThat(probe.path("responses").fieldNames()).toIterable().contains("200", "400", "401", "403", "404");
        assertThat(probe.path("responses").path("404").path("content").path("application/problem+json")
                .path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(ApiDocumentRules.faults(document, "https://gateway.example"))
                .as("the probe keeps every rule").noneMatch(fault -> fault.contains("/api/probes/{probeId}")
                        || fault.startsWith("info") || fault.startsWith("servers") || fault.startsWith("no Keycloak"));
    }

    @Test
    void theRulesFindAnOperationWithoutASummaryAServerOtherThanTheGatewayAndAMissingScheme() throws Exception {
        ObjectNode document = (ObjectNode) document();
        ((ObjectNode) document.path("paths").path("/api/probes/{probeId}").path("get")).remove("summary");
        ((ObjectNode) document.path("paths").path("/api/probes/{probeId}").path("get").path("responses")).remove("404");
        ((ObjectNode) document.path("servers").path(0)).put("url", "http://localhost:8081");
        ((ObjectNode) document.path("components")).remove("securitySchemes");
        assertThat(ApiDocumentRules.faults(document, "https://gateway.example")).contains(
                "GET /api/probes/{probeId} has no summary",
                "GET /api/probes/{probeId} documents no 404 problem",
                "servers are [{\"url\":\"http://localhost:8081\",\"description\":\"the JointOps gateway\"}], not the gateway https://gateway.example alone",
                "no Keycloak OAuth2 security scheme with the authorization code flow");
    }

    @Test
    void anOperationWithARequestBodyHasAnExampleWhichTheServiceTakes() throws Exception {
        ObjectNode document = (ObjectNode) document();
        assertThat(ApiDocumentRules.faults(document, "https://gateway.example"))
                .noneMatch(fault -> fault.contains("/api/probes/{probeId}/notes"));
        assertThat(ApiDocumentRules.examples(document)).extracting(ApiDocumentRules.Example::path)
                .contains("/api/probes/{probeId}/notes", "/api/probes/{probeId}/bad-notes");
        // the example is the request record's, so the rule finds a body without one however springdoc words it
        ((ObjectNode) document.path("components").path("schemas").path("Note")).remove("example");
        assertThat(ApiDocumentRules.faults(document, "https://gateway.example"))
                .contains("POST /api/probes/{probeId}/notes has a request body but no example");
        // sent to the service: the valid example passes the request's checks, the other is refused naming its field
        assertThat(ApiDocumentRules.refusedExamples(mvc, TestTokens.user("cn.investigator", "CN-NNCC", "investigator")))
                .singleElement().asString().startsWith("POST /api/probes/{probeId}/bad-notes: ").contains("\"field\":\"text\"");
    }

    private JsonNode document() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new ObjectMapper().readTree(body);
    }
}
