package io.jointops.notary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.audit.Bundles;
import io.jointops.audit.Checkpoint;
import io.jointops.audit.Ed25519;
import io.jointops.audit.Merkle;
import io.jointops.audit.VerifierCli;
import io.jointops.platform.test.TestDatabase;
import io.jointops.platform.test.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.HexFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notary on a real PostgreSQL with the platform's own configuration: events stored through Axon's event store are
 * notarised and checkpointed, signed by one agency here and co-signed by the other through the API, proofs and exports
 * come from the API, and the offline verifier accepts an untouched export and names each kind of tampering done
 * directly in the database. Bundles and verifier output are kept under target/audit-evidence/.
 */
@SpringBootTest(classes = NotaryTamperIT.App.class)
@AutoConfigureMockMvc
class NotaryTamperIT {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    /** A payload without a revision, and one with. */
    record CaseNoted(String caseId, String note) {
    }

    @Revision("2")
    record CaseRetitled(String caseId, String title) {
    }

    static final Path EVIDENCE = Path.of("target", "audit-evidence");
    static final KeyPair CN = Ed25519.generate();
    static final KeyPair US = Ed25519.generate();
    static Path keys;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        keys = Files.createTempDirectory("notary-keys");
        Files.writeString(keys.resolve("cn-nncc.pem"), Ed25519.pem(CN.getPrivate()));
        Files.writeString(keys.resolve("cn-nncc.pub.pem"), Ed25519.pem(CN.getPublic()));
        Files.writeString(keys.resolve("us-dea.pub.pem"), Ed25519.pem(US.getPublic()));
        int busPort = freePort();
        TestDatabase.register(registry);
        registry.add("spring.application.name", () -> "notary-it");
        registry.add("jointops.schema", () -> "notary_it");
        registry.add("jointops.api-path", () -> "/api/notary-it"); // what a service states; other platform parts use it
        registry.add("jointops.bus.port", () -> busPort);
        registry.add("jointops.bus.secret", () -> "test-secret-of-sufficient-length");
        registry.add("jointops.bus.members.notary-it", () -> "http://localhost:" + busPort);
        registry.add("jointops.notary.enabled", () -> "true");
        registry.add("jointops.notary.interval", () -> "0"); // the test runs it
        registry.add("jointops.notary.gap-timeout", () -> "0s"); // gaps are given up at once
        registry.add("jointops.notary.batch-size", () -> "2"); // a run of several batches still issues one checkpoint
        registry.add("jointops.notary.agencies.CN-NNCC.private-key-file", () -> keys.resolve("cn-nncc.pem").toString());
        registry.add("jointops.notary.agencies.US-DEA.public-key-file", () -> keys.resolve("us-dea.pub.pem").toString());
    }

    @BeforeAll
    static void evidence() throws Exception {
        Files.createDirectories(EVIDENCE);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Notary notary;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    BundleExporter exporter;

    final Merkle merkle = new Merkle();

    @Test
    void untouchedExportsVerifyAndEveryTamperingIsNamed() throws Exception {
        // --- events, a gap (a rolled-back insert), more events
        store("case-a", 0, new CaseNoted("case-a", "opened"));
        store("case-b", 0, new CaseNoted("case-b", "opened"));
        store("case-a", 1, new CaseRetitled("case-a", "Operation Nightjar"));
        long gap = jdbc.sql("SELECT nextval('eventstore.domain_event_entry_global_index_seq')").query(Long.class).single();
        store("case-a", 2, new CaseNoted("case-a", "partner US-DEA added"));
        store("case-b", 1, new CaseNoted("case-b", "shipment seized"));
        Optional<Checkpoint> first = notary.notarize();
        assertThat(first).as("one checkpoint for the run's three batches").isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM eventstore.audit_checkpoint").query(Long.class).single()).isEqualTo(1);
        long size1 = first.get().treeSize();
        assertThat(size1).isEqualTo(5);
        assertThat(notary.notarize()).as("nothing new, no checkpoint").isEmpty();

        // --- only CN-NNCC's key is here: incomplete until US-DEA co-signs through the API
        mvc.perform(auditor(get("/api/audit/checkpoints/" + size1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete", is(false)))
                .andExpect(jsonPath("$.agencies[1]", is("US-DEA")));
        mvc.perform(auditor(get("/api/audit/export").param("itemId", "case-a")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("no complete checkpoint")));
        // a valid signature of US-DEA is added by US-DEA's signing system only: not by an auditor, an operator, an
        // officer of US-DEA, or the signing system of another agency
        String valid = usSignature(size1);
        for (var notUsSigner : List.of(TestTokens.user("auditor", "JOINT-AUDIT", "auditor"),
                TestTokens.user("admin", "JOINT-OPS", "platform-admin"),
                TestTokens.user("us.supervisor", "US-DEA", "supervisor", "investigator"),
                TestTokens.user("cn-nncc-cosigner", "CN-NNCC", "notary-signer"))) {
            mvc.perform(post("/api/audit/checkpoints/" + size1 + "/signatures").with(notUsSigner)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"agency\":\"US-DEA\",\"signature\":\"" + valid + "\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(notary.signed(size1).orElseThrow().complete()).as("none of them added it").isFalse();
        coSign(size1);

        store("case-a", 3, new CaseRetitled("case-a", "Operation Nightjar II"));
        store("case-c", 0, new CaseNoted("case-c", "opened"));
        long size2 = notary.notarize().orElseThrow().treeSize();
        assertThat(size2).isEqualTo(7);
        coSign(size2);
        store("case-a", 4, new CaseNoted("case-a", "not yet notarised"));

        // --- access and bad input
        mvc.perform(get("/api/audit/checkpoints").with(TestTokens.user("cn.investigator", "CN-NNCC", "investigator")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/checkpoints").with(TestTokens.user("admin", "JOINT-OPS", "platform-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", is(2)));
        mvc.perform(auditor(get("/api/audit/proofs/inclusion").param("position", "abc").param("treeSize", "7")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("position")));
        mvc.perform(auditor(get("/api/audit/proofs/consistency").param("from", "7").param("to", "5")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("from")));
        mvc.perform(auditor(get("/api/audit/export")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("itemId")));
        mvc.perform(auditor(get("/api/audit/checkpoints/6")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(usSigner(post("/api/audit/checkpoints/" + size2 + "/signatures"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agency\":\"US-DEA\",\"signature\":\"" + Base64.getEncoder()
                                .encodeToString(Ed25519.sign(Ed25519.generate().getPrivate(), new byte[1])) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("signature")));

        // --- proofs through the API verify against the published roots
        JsonNode checkpoint1 = getJson("/api/audit/checkpoints/" + size1);
        JsonNode checkpoint2 = getJson("/api/audit/checkpoints/" + size2);
        JsonNode consistency = getJson("/api/audit/proofs/consistency?from=" + size1 + "&to=" + size2);
        assertThat(merkle.verifyConsistency(size1, size2, HexFormat.of().parseHex(checkpoint1.get("rootHash").asText()),
                HexFormat.of().parseHex(checkpoint2.get("rootHash").asText()), hashes(consistency.get("proof")))).isTrue();
        long position = position("case-a", 2);
        JsonNode inclusion = getJson("/api/audit/proofs/inclusion?position=" + position + "&treeSize=" + size2);
        byte[] contentHash = jdbc.sql("SELECT content_hash FROM eventstore.audit_leaf WHERE global_index = ?")
                .param(position).query(byte[].class).single();
        assertThat(merkle.verifyInclusion(inclusion.get("leafIndex").asLong(), size2, merkle.leafHash(contentHash),
                hashes(inclusion.get("proof")), HexFormat.of().parseHex(checkpoint2.get("rootHash").asText()))).isTrue();

        // --- untouched exports verify
        assertThat(verify("untouched-item", exportItem("case-a"))).startsWith("0 OK: 4 events of item case-a")
                .contains("1 later event(s) are not covered");
        assertThat(verify("untouched-range", exportRange(1, 100))).startsWith("0 OK: 7 events of positions 1..100");
        assertThat(Files.readString(EVIDENCE.resolve("untouched-item.json"))).doesNotContain("PRIVATE");
        // a reader who may not see sequence 1 (the retitling): hash-only, proven all the same, nothing of it carried
        byte[] partner = exportItemFor("case-a", sequence -> sequence != 1);
        assertThat(verify("untouched-partner-item", partner))
                .startsWith("0 OK: 4 events (1 withheld: content hash only) of item case-a");
        assertThat(new String(partner, StandardCharsets.UTF_8)).doesNotContain(Base64.getEncoder().encodeToString(
                        jdbc.sql("SELECT payload FROM eventstore.domain_event_entry WHERE global_index = ?")
                                .param(position("case-a", 1)).query(byte[].class).single()))
                .contains(Base64.getEncoder().encodeToString(jdbc.sql("SELECT payload FROM eventstore"
                        + ".domain_event_entry WHERE global_index = ?").param(position("case-a", 2)).query(byte[].class)
                        .single()));

        // --- tampering, straight in the database; each is undone before the next
        long target = position("case-a", 1);
        jdbc.sql("UPDATE eventstore.domain_event_entry SET payload = set_byte(payload, 12, get_byte(payload, 12) # 1) "
                + "WHERE global_index = ?").param(target).update();
        assertThat(verify("payload-byte", exportItem("case-a"))).startsWith("1 FAILED: ")
                .contains("case-a sequence 1").contains("does not match the content hash the log committed");
        jdbc.sql("UPDATE eventstore.domain_event_entry SET payload = set_byte(payload, 12, get_byte(payload, 12) # 1) "
                + "WHERE global_index = ?").param(target).update();

        jdbc.sql("UPDATE eventstore.domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, "
                + "'UTF8'), 'cn.investigator', 'us.investigator'), 'UTF8') WHERE global_index = ?").param(target).update();
        assertThat(verify("metadata", exportItem("case-a"))).startsWith("1 FAILED: ")
                .contains("case-a sequence 1").contains("does not match the content hash the log committed");
        jdbc.sql("UPDATE eventstore.domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, "
                + "'UTF8'), 'us.investigator', 'cn.investigator'), 'UTF8') WHERE global_index = ?").param(target).update();

        Map<String, Object> deleted = jdbc.sql("SELECT * FROM eventstore.domain_event_entry WHERE global_index = ?")
                .param(target).query().singleRow();
        jdbc.sql("DELETE FROM eventstore.domain_event_entry WHERE global_index = ?").param(target).update();
        assertThat(verify("delete", exportItem("case-a"))).startsWith("1 FAILED: ")
                .contains("position " + target).contains("it was deleted from the event store");
        assertThat(verify("delete-range", exportRange(1, 100))).startsWith("1 FAILED: ")
                .contains("it was deleted from the event store");
        assertThat(verify("delete-partner", exportItemFor("case-a", sequence -> sequence != 1)))
                .as("an event the reader may not see, deleted: not hidden among the withheld").startsWith("1 FAILED: ")
                .contains("position " + target).contains("it was deleted from the event store");
        reinsert(deleted);

        long other = position("case-a", 2);
        swapPositions(target, other);
        assertThat(verify("swap", exportItem("case-a"))).startsWith("1 FAILED: ")
                .contains("leaf ").contains("events were moved or swapped");
        swapPositions(target, other);

        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT ?, 'forged-1', 'case-a', 5, type, time_stamp, payload_type, payload_revision,
                               convert_to('{"caseId":"case-a","note":"CN-NNCC never saw this"}', 'UTF8'), meta_data
                        FROM eventstore.domain_event_entry WHERE global_index = ?""")
                .params(gap, target).update();
        assertThat(verify("forged", exportItem("case-a"))).startsWith("1 FAILED: ")
                .contains("event forged-1").contains("is not in the signed log");
        byte[] forgedForPartner = exportItemFor("case-a", sequence -> sequence != 5);
        assertThat(verify("forged-partner", forgedForPartner))
                .as("a forged event the reader may not see: refused, and nothing of it shown").startsWith("1 FAILED: ")
                .contains("the withheld entry at position " + gap + " has no leaf");
        assertThat(new String(forgedForPartner, StandardCharsets.UTF_8)).doesNotContain("forged-1");
        jdbc.sql("DELETE FROM eventstore.domain_event_entry WHERE event_identifier = 'forged-1'").update();

        byte[] root = jdbc.sql("SELECT root_hash FROM eventstore.audit_checkpoint WHERE tree_size = ?")
                .param(size2).query(byte[].class).single();
        byte[] rewritten = root.clone();
        rewritten[0] ^= 1;
        jdbc.sql("UPDATE eventstore.audit_checkpoint SET root_hash = ? WHERE tree_size = ?").params(rewritten, size2).update();
        assertThat(verify("checkpoint", exportItem("case-a"))).startsWith("1 FAILED: ")
                .contains("checkpoint " + size2 + ": the signature of CN-NNCC").contains("does not verify");
        jdbc.sql("UPDATE eventstore.audit_checkpoint SET root_hash = ? WHERE tree_size = ?").params(root, size2).update();

        // --- undone, it verifies again; the standalone jar agrees where it has been built
        assertThat(verify("restored-item", exportItem("case-a"))).startsWith("0 OK: ");
        Path jar = Path.of("..", "audit", "target", "audit-verifier.jar");
        if (Files.exists(jar)) {
            assertThat(java(jar, EVIDENCE.resolve("untouched-item.json"))).startsWith("0 OK: ");
            assertThat(java(jar, EVIDENCE.resolve("payload-byte.json"))).startsWith("1 FAILED: ");
        }
    }

    private void store(String aggregate, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("JointCase", aggregate, sequence, payload,
                MetaData.with("actor", "cn.investigator").and("agency", "CN-NNCC").and("correlationId", "it-" + sequence)));
    }

    private long position(String aggregate, long sequence) {
        return jdbc.sql("SELECT global_index FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?").params(aggregate, sequence).query(Long.class).single();
    }

    /** US-DEA's signing system adds its signature, and the checkpoint is complete. */
    private void coSign(long size) throws Exception {
        mvc.perform(usSigner(post("/api/audit/checkpoints/" + size + "/signatures"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agency\":\"US-DEA\",\"signature\":\"" + usSignature(size) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complete", is(true)));
    }

    /** US-DEA's signature (base64) of the checkpoint of {@code size}, made with its key. */
    private String usSignature(long size) throws Exception {
        String body = getJson("/api/audit/checkpoints/" + size).get("signedBody").asText();
        return Base64.getEncoder().encodeToString(Ed25519.sign(US.getPrivate(), body.getBytes(StandardCharsets.UTF_8)));
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.sql("""
                        INSERT INTO eventstore.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:global_index, :event_identifier, :aggregate_identifier, :sequence_number, :type,
                                :time_stamp, :payload_type, :payload_revision, :payload, :meta_data)""")
                .params(row).update();
    }

    /** Exchanges the rows at two positions (the unique constraints allow it only through a free position). */
    private void swapPositions(long a, long b) {
        jdbc.sql("UPDATE eventstore.domain_event_entry SET global_index = -1 WHERE global_index = ?").param(a).update();
        jdbc.sql("UPDATE eventstore.domain_event_entry SET global_index = ? WHERE global_index = ?").params(a, b).update();
        jdbc.sql("UPDATE eventstore.domain_event_entry SET global_index = ? WHERE global_index = -1").param(b).update();
    }

    private byte[] exportItem(String itemId) throws Exception {
        return mvc.perform(auditor(get("/api/audit/export").param("itemId", itemId)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** The item's bundle for a reader shown only the sequences {@code shown} takes. */
    private byte[] exportItemFor(String itemId, java.util.function.LongPredicate shown) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.item(itemId, null, shown).writeTo(out);
        return out.toByteArray();
    }

    private byte[] exportRange(long from, long to) throws Exception {
        return mvc.perform(auditor(get("/api/audit/export").param("fromPosition", "" + from)
                        .param("toPosition", "" + to)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** Runs the verifier's command line on the bundle; keeps both under target/audit-evidence. */
    private String verify(String name, byte[] bundle) throws Exception {
        Bundles.read(new ByteArrayInputStream(bundle)); // it parses
        Path file = EVIDENCE.resolve(name + ".json");
        Files.write(file, bundle);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(policy());
        args.add(file.toString());
        int status = VerifierCli.run(args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        String result = status + " " + out.toString(StandardCharsets.UTF_8);
        Files.writeString(EVIDENCE.resolve(name + ".txt"), result);
        return result;
    }

    /** The auditor's trust policy: the log's origin and both agencies' public keys, both required to sign. */
    private static List<String> policy() {
        return List.of("--origin", "jointops", "--key", "CN-NNCC=" + keys.resolve("cn-nncc.pub.pem"),
                "--key", "US-DEA=" + keys.resolve("us-dea.pub.pem"));
    }

    private static String java(Path jar, Path bundle) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(policy());
        command.add(bundle.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + " " + output;
    }

    private JsonNode getJson(String uri) throws Exception {
        return json.readTree(mvc.perform(auditor(get(uri))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(HexFormat.of().parseHex(node.asText())));
        return hashes;
    }

    private static MockHttpServletRequestBuilder auditor(MockHttpServletRequestBuilder request) {
        return request.with(TestTokens.user("auditor", "JOINT-AUDIT", "auditor"));
    }

    /** US-DEA's signing system (its co-signer's service account). */
    private static MockHttpServletRequestBuilder usSigner(MockHttpServletRequestBuilder request) {
        return request.with(TestTokens.user("us-dea-cosigner", "US-DEA", "notary-signer"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
