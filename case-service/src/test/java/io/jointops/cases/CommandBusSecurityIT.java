package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Rejection;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.test.TestService;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.extensions.springcloud.commandhandling.SpringHttpDispatchMessage;
import org.axonframework.extensions.springcloud.commandhandling.SpringHttpReplyMessage;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal command bus endpoint refuses anyone without the shared secret and any foreign message type, and says so
 * in the log (an operator sees who knocked).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// its processors leave the tokens to the next test's service (a replay must claim them all)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class CommandBusSecurityIT {

    static final int BUS_PORT = TestService.freePort();
    static final String SECRET = "bus-secret-for-this-test-only";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service", BUS_PORT, SECRET);
    }

    @LocalServerPort
    int apiPort;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer serializer;
    @Autowired
    JdbcClient jdbc;

    final RestTemplate http = new RestTemplate();

    @Test
    void aCommandWithoutTheSecretIsRefusedAndNothingIsStored(CapturedOutput output) {
        String caseId = UUID.randomUUID().toString();
        int status = post(BUS_PORT, "/spring-command-bus-connector/command", openCase(caseId), null);
        assertThat(status).isEqualTo(401);
        assertThat(status(BUS_PORT, "/spring-command-bus-connector/command", openCase(caseId), "wrong-secret-wrong-secret")).isEqualTo(401);
        assertThat(eventsOf(caseId)).isZero();
        // once for the missing and once for the wrong credential
        assertThat(output.getOut().split("Refused command bus request without valid credential", -1)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aCommandWithTheSecretIsHandled() {
        String caseId = UUID.randomUUID().toString();
        assertThat(post(BUS_PORT, "/spring-command-bus-connector/command", openCase(caseId), SECRET)).isEqualTo(200);
        assertThat(eventsOf(caseId)).isEqualTo(1);
    }

    /**
     * A command from another member of the bus is checked where it is handled, as one sent here is where it is sent:
     * refused as bad input naming the field (the sender's web layer answers it as a 400), and nothing is stored.
     */
    @Test
    void aCommandFromAnotherMemberIsCheckedWhereItIsHandled() throws Exception {
        String caseId = UUID.randomUUID().toString();
        ResponseEntity<String> response = exchange(BUS_PORT, "/spring-command-bus-connector/command",
                openCase(caseId, " "), SECRET);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        CommandResultMessage<?> result = new ObjectMapper().readValue(response.getBody(), SpringHttpReplyMessage.class)
                .getCommandResultMessage(serializer);
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOfSatisfying(CommandExecutionException.class,
                e -> assertThat(e.getDetails()).contains(new Rejection(Rejection.Reason.INVALID, "title", "must not be blank")));
        assertThat(eventsOf(caseId)).isZero();
    }

    @Test
    void aForeignTypeIsNeverDeserialized(CapturedOutput output) throws Exception {
        String body = """
                {"commandIdentifier":"c-1","commandName":"java.net.URL","payloadType":"java.net.URL","payloadRevision":null,
                 "serializedPayload":"%s","serializedMetaData":"%s","expectReply":true}""".formatted(
                base64("\"http://127.0.0.1/\""), base64("{}"));
        ResponseEntity<String> response = exchange(BUS_PORT, "/spring-command-bus-connector/command", body, SECRET);
        // refused before any handler runs, as bad input: a 400 problem naming the field, not a server error
        assertBadInput(response, "payloadType", "'java.net.URL'");
        assertThat(output.getAll()).contains("Refused to deserialize type 'java.net.URL'")
                .doesNotContain("Request processing failed");
    }

    @Test
    void aPayloadThatCannotBeReadAsItsTypeIsBadInput() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String body = openCase(caseId).replaceFirst("\"serializedPayload\":\"[^\"]*\"",
                "\"serializedPayload\":\"" + base64("{\"caseId\": [") + "\"");
        assertBadInput(exchange(BUS_PORT, "/spring-command-bus-connector/command", body, SECRET), "serializedPayload",
                OpenCaseCommand.class.getName());
        assertThat(eventsOf(caseId)).isZero();
    }

    @Test
    void metadataThatCannotBeReadIsBadInput() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String body = openCase(caseId).replaceFirst("\"serializedMetaData\":\"[^\"]*\"",
                "\"serializedMetaData\":\"" + base64("[\"agency\"") + "\"");
        assertBadInput(exchange(BUS_PORT, "/spring-command-bus-connector/command", body, SECRET), "serializedMetaData",
                "metadata");
        assertThat(eventsOf(caseId)).isZero();
    }

    /** A 400 problem naming {@code field}, its detail containing {@code detail}. */
    private static void assertBadInput(ResponseEntity<String> response, String field, String detail) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = new ObjectMapper().readTree(response.getBody());
        assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo(field);
        assertThat(problem.path("errors").path(0).path("detail").asText()).contains(detail);
    }

    @Test
    void peersReadCapabilitiesOnlyWithTheSecret() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-JointOps-Bus-Secret", SECRET);
        ResponseEntity<String> capabilities;
        try {
            capabilities = http.exchange("http://localhost:" + BUS_PORT + "/member-capabilities", HttpMethod.GET,
                    new HttpEntity<>(headers), String.class);
        } catch (HttpStatusCodeException e) {
            capabilities = ResponseEntity.status(e.getStatusCode()).body(e.getResponseBodyAsString());
        }
        assertThat(capabilities.getStatusCode().value()).as(capabilities.getBody()).isEqualTo(200);
        assertThat(capabilities.getBody()).contains("loadFactor");
        try {
            http.getForEntity("http://localhost:" + BUS_PORT + "/member-capabilities", String.class);
            org.junit.jupiter.api.Assertions.fail("capabilities served without the secret");
        } catch (HttpStatusCodeException e) {
            assertThat(e.getStatusCode().value()).isEqualTo(401);
        }
    }

    @Test
    void busAndApiStayOnTheirOwnPorts() {
        assertThat(status(apiPort, "/spring-command-bus-connector/command", openCase(UUID.randomUUID().toString()), SECRET))
                .isEqualTo(404);
        assertThat(status(BUS_PORT, "/api/cases", "{}", SECRET)).isEqualTo(404);
    }

    private String openCase(String caseId) {
        return openCase(caseId, "Bus test");
    }

    private String openCase(String caseId, String title) {
        SpringHttpDispatchMessage<?> message = new SpringHttpDispatchMessage<>(GenericCommandMessage.asCommandMessage(
                new OpenCaseCommand(caseId, title, "", "CN-NNCC", Set.of(), Tlp.GREEN, HandlingCode.H0)),
                serializer, true);
        return """
                {"commandIdentifier":"%s","commandName":"%s","payloadType":"%s","payloadRevision":null,
                 "serializedPayload":"%s","serializedMetaData":"%s","expectReply":true}""".formatted(
                message.getCommandIdentifier(), message.getCommandName(), message.getPayloadType(),
                Base64.getEncoder().encodeToString(message.getSerializedPayload()),
                Base64.getEncoder().encodeToString(message.getSerializedMetaData()));
    }

    private int post(int port, String path, String body, String secret) {
        return status(port, path, body, secret);
    }

    private int status(int port, String path, String body, String secret) {
        return exchange(port, path, body, secret).getStatusCode().value();
    }

    private ResponseEntity<String> exchange(int port, String path, String body, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (secret != null) {
            headers.set("X-JointOps-Bus-Secret", secret);
        }
        try {
            return http.exchange("http://localhost:" + port + path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        } catch (HttpStatusCodeException e) {
            return ResponseEntity.status(e.getStatusCode()).headers(e.getResponseHeaders())
                    .body(e.getResponseBodyAsString());
        }
    }

    private long eventsOf(String caseId) {
        return jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", caseId).query(Long.class).single();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
