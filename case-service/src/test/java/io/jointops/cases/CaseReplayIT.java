package io.jointops.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.cases.AcceptCaseLeadCommand;
import io.jointops.api.cases.AcknowledgeCooperationRequestCommand;
import io.jointops.api.cases.ActivateCaseCommand;
import io.jointops.api.cases.AddCaseMemberCommand;
import io.jointops.api.cases.AddCaseNoteCommand;
import io.jointops.api.cases.AddCasePartnerCommand;
import io.jointops.api.cases.AddCaseTaskCommand;
import io.jointops.api.cases.AnswerCooperationRequestCommand;
import io.jointops.api.cases.CaseActor;
import io.jointops.api.cases.CaseRole;
import io.jointops.api.cases.CaseTaskStatus;
import io.jointops.api.cases.ChangeCaseTaskStatusCommand;
import io.jointops.api.cases.CloseCaseCommand;
import io.jointops.api.cases.ClosingReason;
import io.jointops.api.cases.CooperationRequestType;
import io.jointops.api.cases.DismissCaseLeadCommand;
import io.jointops.api.cases.LegalBasis;
import io.jointops.api.cases.LinkedItemType;
import io.jointops.api.cases.OpenCaseCommand;
import io.jointops.api.cases.ProposeCaseLeadCommand;
import io.jointops.api.cases.RecordLinkedItemCommand;
import io.jointops.api.cases.RemoveCaseMemberCommand;
import io.jointops.api.cases.RequestPriority;
import io.jointops.api.cases.SendCooperationRequestCommand;
import io.jointops.api.cases.SetCaseTagsCommand;
import io.jointops.api.cases.SharedItemRef;
import io.jointops.api.cases.UpdateLinkedItemCommand;
import io.jointops.api.shared.HandlingCode;
import io.jointops.api.shared.Tlp;
import io.jointops.platform.axon.ReplicaSignals;
import io.jointops.platform.axon.SegmentShare;
import io.jointops.platform.replay.ReplayProgress;
import io.jointops.platform.replay.ViewReplays;
import io.jointops.platform.test.TestService;
import io.jointops.platform.test.TestTokens;
import io.jointops.platform.test.ViewRebuilds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A view rebuilt from the event store while the service runs equals the view built live, and while it is rebuilt its
 * queries answer 503 instead of a half-built view. Batches of one event make the replay slow enough to watch.
 */
@SpringBootTest(properties = {"jointops.processing.batch-size=1", "jointops.replay.progress-interval=200ms"})
@AutoConfigureMockMvc
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class CaseReplayIT {

    private static final RequestPostProcessor ADMIN = TestTokens.user("admin", "JOINT-OPS", "platform-admin");
    private static final RequestPostProcessor CN = TestTokens.user("cn.investigator", "CN-NNCC", "investigator");
    private static final CaseActor CN_ACTOR = new CaseActor("cn.investigator", "CN-NNCC", false);
    private static final CaseActor CN_SUPERVISOR_ACTOR = new CaseActor("cn.supervisor", "CN-NNCC", true);
    private static final CaseActor US_ACTOR = new CaseActor("us.investigator", "US-DEA", false);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestService.register(registry, "case-service");
        // a node name of its own (service@host:port, EventStoreConfiguration): the other test contexts alive in this
        // JVM are then other replicas, whose claims a reset waits for, as in a deployment. Under one shared name a
        // reset took their claims as its own while their processors went on over it, and rows went missing
        registry.add("server.port", TestService::freePort);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    ViewReplays replays;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReplicaSignals replicaSignals;
    @Autowired
    SegmentShare segmentShare;

    @Test
    void aReplayRebuildsTheSameViewAndQueriesSayItIsRebuildingMeanwhile(CapturedOutput output) throws Exception {
        for (int i = 0; i < 120; i++) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(new OpenCaseCommand(id, "Replay " + i, "s", "CN-NNCC", Set.of(), Tlp.AMBER, HandlingCode.H1));
            if (i % 3 == 0) {
                commands.sendAndWait(new AddCasePartnerCommand(id, "US-DEA", new CaseActor("cn.supervisor", "CN-NNCC", true), 0L));
            }
            if (i % 10 == 0) {
                work(id, i);
            }
        }
        awaitLiveViewCaughtUp();
        List<Map<String, Object>> live = rows();
        assertThat(live).hasSizeGreaterThanOrEqualTo(120);
        assertThat(summedTotals()).isEqualTo(countedTotals()).containsKeys("CN-NNCC", "US-DEA");

        mvc.perform(post("/api/cases/admin/replays/case-view").with(CN)).andExpect(status().isForbidden());
        mvc.perform(post("/api/cases/admin/replays/case-intel-integration").with(ADMIN)).andExpect(status().isNotFound());

        mvc.perform(post("/api/cases/admin/replays/case-view").with(ADMIN).header("X-Correlation-Id", "replay-it-1"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.processingGroup", is("case-view")))
                .andExpect(jsonPath("$.correlationId", is("replay-it-1")));

        watchReplay("case-view", "/api/cases");
        // the catch-up rebuilt it, not the processor's own replay (its fallback, about a tenth as fast)
        Instant caughtUp = Instant.now().plusSeconds(10);
        while (!output.getOut().contains("view replay: case-view handed") && Instant.now().isBefore(caughtUp)) {
            Thread.sleep(50);
        }
        assertThat(output.getOut()).contains("view replay: case-view handed")
                .doesNotContain("the catch-up of case-view stopped");

        mvc.perform(get("/api/cases").with(CN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(countedTotals().get("CN-NNCC")));
        assertThat(rows()).isEqualTo(live);
        assertThat(summedTotals()).isEqualTo(countedTotals());
        awaitProcessorStopped();
    }

    /**
     * Commands change cases while their view is rebuilt (their rows written in the commands' transactions, racing the
     * catch-up): the view then equals one rebuilt with nothing else writing, and the processor, started for the
     * rebuild, stops once it has caught up.
     */
    @Test
    void casesChangedDuringARebuildEndAsARebuildWithoutThemWouldLeaveThem() throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(new OpenCaseCommand(id, "Race " + i, "s", "CN-NNCC", Set.of(), Tlp.AMBER, HandlingCode.H1));
            if (i % 10 == 0) {
                work(id, i); // closes it
            } else {
                ids.add(id);
            }
        }
        awaitProcessorStopped();

        // the processor stopped before these cases were opened: the replay still runs until the last case event
        long head = jdbc.sql("SELECT max(global_index) FROM eventstore.domain_event_entry WHERE type = 'JointCase'")
                .query(Long.class).single();
        JsonNode started = json.readTree(mvc.perform(post("/api/cases/admin/replays/case-view").with(ADMIN))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        assertThat(started.path("headPosition").asLong()).as("the replay's head").isGreaterThanOrEqualTo(head);
        int changes = 0;
        while (changes < 20 || !"done".equals(replayState())) {
            String id = ids.get(changes % ids.size());
            commands.sendAndWait(new SetCaseTagsCommand(id, Set.of("during-" + changes), CN_SUPERVISOR_ACTOR));
            if (changes % 4 == 0) {
                commands.sendAndWait(new AddCasePartnerCommand(newCase(), "US-DEA", CN_SUPERVISOR_ACTOR, 0L));
            }
            changes++;
        }
        awaitProcessorStopped();
        awaitLiveViewCaughtUp();
        List<Map<String, Object>> written = rows();
        assertThat(summedTotals()).isEqualTo(countedTotals());

        mvc.perform(post("/api/cases/admin/replays/case-view").with(ADMIN)).andExpect(status().isAccepted());
        Instant deadline = Instant.now().plusSeconds(60);
        while (!"done".equals(replayState()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        awaitProcessorStopped();
        assertThat(rows()).isEqualTo(written);
        assertThat(summedTotals()).isEqualTo(countedTotals());
    }

    /**
     * Two replicas start a rebuild of the view at once (an operator's request on each, or an erasure followed by two
     * replicas under one node name, which share every claim: CI's ErasureScanIT): one resets and rebuilds, the other
     * follows its progress. A second reset raced the first's catch-up over the same tokens and left the view empty.
     */
    @Test
    void twoReplicasStartingTheSameRebuildAtOnceLeaveTheViewWhole(CapturedOutput output) throws Exception {
        for (int i = 0; i < 40; i++) {
            newCase();
        }
        awaitProcessorStopped();
        awaitLiveViewCaughtUp();
        List<Map<String, Object>> live = rows();
        ViewReplays other = anotherReplica();
        try {
            ExecutorService replicas = Executors.newFixedThreadPool(2);
            try (Connection reader = dataSource.getConnection()) {
                // a read of the view holds the first reset at its TRUNCATE until the second has started too: the
                // two are then as close as two replicas' erasure followers, which follow the same event
                reader.setAutoCommit(false);
                reader.createStatement().execute("LOCK TABLE case_view IN ACCESS SHARE MODE");
                Future<?> first = replicas.submit(() -> replays.start("case-view", "replica A"));
                awaitWaitingLocks(1);
                Future<?> second = replicas.submit(() -> other.start("case-view", "replica B"));
                awaitWaitingLocks(2);
                reader.rollback();
                first.get(60, TimeUnit.SECONDS);
                second.get(60, TimeUnit.SECONDS);
                ViewRebuilds.awaitDone(replays, Set.of("case-view"));
                ViewRebuilds.awaitDone(other, Set.of("case-view"));
            } finally {
                replicas.shutdownNow();
            }
            // one reset: the second replica found the first's rebuild under way when it got its turn
            assertThat(timesLogged(output, "view replay started: processor=case-view")).isEqualTo(1);
            assertThat(timesLogged(output, "view replay under way on another replica: processor=case-view"))
                    .isEqualTo(1);
            awaitProcessorStopped();
            assertThat(rows()).containsAll(live);

            // a third replica asked once the first's reset is done follows without touching its processor
            replays.start("case-view", "replica A");
            ViewReplays third = anotherReplica();
            try {
                third.start("case-view", "replica C");
                ViewRebuilds.awaitDone(replays, Set.of("case-view"));
                ViewRebuilds.awaitDone(third, Set.of("case-view"));
            } finally {
                third.close();
            }
            assertThat(timesLogged(output, "view replay started: processor=case-view")).isEqualTo(2);
            assertThat(timesLogged(output, "view replay under way on another replica: processor=case-view"))
                    .isEqualTo(2);
            awaitProcessorStopped();
            // every row as it was (a case an earlier test's lead process opens meanwhile may be added)
            assertThat(rows()).containsAll(live);
            assertThat(summedTotals()).isEqualTo(countedTotals());
        } finally {
            other.close();
        }
    }

    /**
     * The replica that reset a view stopped before its catch-up was done (its claims lapsed): the tokens still say the
     * view is being rebuilt, and a replica that follows that rebuild with its processor stopped (as when it lost the
     * reset to the other) takes it on instead of waiting for a "done" nothing would bring.
     */
    @Test
    void aRebuildLeftByTheReplicaThatResetTheViewIsTakenOnByAReplicaFollowingIt(CapturedOutput output)
            throws Exception {
        String view = "case-lead-view";
        for (int i = 0; i < 5; i++) {
            String leadId = UUID.randomUUID().toString();
            commands.sendAndWait(new ProposeCaseLeadCommand(leadId, LinkedItemType.INCIDENT, "inc-" + leadId,
                    "Left rebuild " + i, "CN-NNCC", Set.of("US-DEA"), "Table I precursor seized"));
        }
        awaitCaughtUp("CaseLead", "case_lead_view");
        List<Map<String, Object>> leads = leadRows();
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(view, StreamingEventProcessor.class).orElseThrow();
        // a catch-up of an earlier test's rebuild follows new events until none come, then starts the processor
        Instant deadline = Instant.now().plusSeconds(60);
        while (!processor.isRunning()) {
            assertThat(Instant.now()).as("the last catch-up of %s ended", view).isBefore(deadline);
            Thread.sleep(50);
        }
        // what the other replica left: the view emptied and its tokens reset, every claim lapsed. Reset as a replica
        // does, once the others let go of the view: the other test contexts, which the signal holds off for a while
        // (the reset's "done" signal, which would end that, is what the replica that stopped never sent)
        replicaSignals.signal(ViewReplays.LET_GO + view);
        processor.shutDown();
        awaitNoClaim(view);
        processor.resetTokens();
        TokenStore tokens = axon.eventProcessingConfiguration().tokenStore(view);
        axon.eventProcessingConfiguration().transactionManager(view).executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(view)) {
                tokens.releaseClaim(view, segment);
            }
        });
        assertThat(leadRows()).isEmpty();

        ViewReplays follower = anotherReplica(view);
        try {
            assertThat(follower.start(view, "replica B").state()).isEqualTo(ReplayProgress.REPLAYING);
            // this replica takes its share of the segments at once, the rest once the others' hold-off ends (20 s);
            // a segment whose last event came before the reset position stores its token up to 15 s after the replay
            // passed it (Axon's claim extension and claim search intervals)
            ViewRebuilds.awaitDone(follower, Set.of(view), Duration.ofMinutes(2));
        } finally {
            follower.close();
        }

        assertThat(processor.isRunning()).isTrue();
        assertThat(leadRows()).containsAll(leads);
        assertThat(output.getOut())
                .contains("view replay under way on another replica: processor=" + view)
                .contains("this replica's processor takes it on: processor=" + view);
    }

    /** Waits until no replica holds a segment of {@code view}'s processor (they let go at their next claim search). */
    private void awaitNoClaim(String view) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.sql("SELECT count(*) FROM token_entry WHERE processor_name = :view AND owner IS NOT NULL")
                .param("view", view).query(Long.class).single() > 0) {
            assertThat(Instant.now()).as("every replica let go of %s", view).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** How many times {@code message} was logged in this test. */
    private static int timesLogged(CapturedOutput output, String message) {
        return output.getOut().split(java.util.regex.Pattern.quote(message), -1).length - 1;
    }

    /** The case view's replays as another replica of the service sees them (close it after). */
    private ViewReplays anotherReplica() {
        return anotherReplica("case-view");
    }

    /** {@code view}'s replays as another replica of the service sees them (close it after). */
    private ViewReplays anotherReplica(String view) {
        return new ViewReplays(axon, JdbcClient.create(dataSource), null, Set.of(view), Duration.ofMillis(200),
                1, java.time.Clock.systemUTC(), replicaSignals, segmentShare, Duration.ofSeconds(30));
    }

    /** Waits until {@code count} transactions wait for a lock. */
    private void awaitWaitingLocks(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.sql("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted").query(Long.class).single() < count) {
            assertThat(Instant.now()).as("%d transactions waiting for a lock", count).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private String newCase() {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenCaseCommand(id, "Opened during a rebuild", "s", "CN-NNCC", Set.of(), Tlp.AMBER,
                HandlingCode.H1));
        return id;
    }

    private String replayState() throws Exception {
        return json.readTree(mvc.perform(get("/api/cases/admin/replays/case-view").with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("state").asText();
    }

    /** The case view's processor runs only to catch up: it stops once it has. */
    private void awaitProcessorStopped() throws InterruptedException {
        ViewRebuilds.awaitProcessorStopped(axon, "case-view");
    }

    /** Each agency's number of cases as the list reports it: the sum of its counts over the processor's segments. */
    private Map<String, Long> summedTotals() {
        return totals("SELECT agency, sum(cases) AS n FROM case_visibility_count GROUP BY agency HAVING sum(cases) <> 0");
    }

    private Map<String, Long> countedTotals() {
        return totals("SELECT agency, count(*) AS n FROM case_visibility GROUP BY agency");
    }

    private Map<String, Long> totals(String query) {
        Map<String, Long> totals = new java.util.TreeMap<>();
        jdbc.sql(query).query((row, n) -> totals.put(row.getString("agency"), row.getLong("n"))).list();
        return totals;
    }

    /** Every kind of case event: members, tags, tasks, notes, links and their updates, the lifecycle. */
    private void work(String caseId, int i) {
        String task = UUID.randomUUID().toString();
        commands.sendAndWait(new AddCaseMemberCommand(caseId, "cn.analyst", "CN-NNCC", CaseRole.ANALYST, CN_SUPERVISOR_ACTOR));
        commands.sendAndWait(new AddCaseMemberCommand(caseId, "cn.liaison", "CN-NNCC", CaseRole.LIAISON, CN_SUPERVISOR_ACTOR));
        commands.sendAndWait(new ActivateCaseCommand(caseId, CN_SUPERVISOR_ACTOR));
        commands.sendAndWait(new SetCaseTagsCommand(caseId, Set.of("fentanyl", "route-" + i), CN_SUPERVISOR_ACTOR));
        commands.sendAndWait(new AddCaseTaskCommand(caseId, task, "Trace the broker", "cn.analyst",
                LocalDate.of(2030, 1, 1 + i % 28), CN_SUPERVISOR_ACTOR));
        commands.sendAndWait(new ChangeCaseTaskStatusCommand(caseId, task, CaseTaskStatus.IN_PROGRESS, CN_SUPERVISOR_ACTOR));
        commands.sendAndWait(new AddCaseNoteCommand(caseId, UUID.randomUUID().toString(), "Seen at the port", Tlp.RED,
                CN_SUPERVISOR_ACTOR));
        commands.sendAndWait(new RecordLinkedItemCommand(caseId, LinkedItemType.SHIPMENT, "s-" + i, "Shipment " + i));
        commands.sendAndWait(new UpdateLinkedItemCommand(caseId, LinkedItemType.SHIPMENT, "s-" + i, null, "SEIZED",
                "seized"));
        commands.sendAndWait(new RemoveCaseMemberCommand(caseId, "cn.liaison", CN_SUPERVISOR_ACTOR));
        commands.sendAndWait(new CloseCaseCommand(caseId, ClosingReason.PROSECUTED, "done", CN_SUPERVISOR_ACTOR));
    }

    /**
     * Follows a replay of {@code group} until it is done: every query of {@code queryPath} meanwhile answers 503 with
     * Retry-After as a problem, at least one does, and the progress ends at 100 %.
     */
    private void watchReplay(String group, String queryPath) throws Exception {
        boolean saw503 = false;
        JsonNode progress = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            MvcResult query = mvc.perform(get(queryPath).with(CN)).andReturn();
            if (query.getResponse().getStatus() == 503) {
                saw503 = true;
                assertThat(query.getResponse().getHeader("Retry-After")).isNotBlank();
                assertThat(query.getResponse().getContentType()).startsWith("application/problem+json");
            } else {
                assertThat(query.getResponse().getStatus()).isEqualTo(200);
            }
            progress = json.readTree(mvc.perform(get("/api/cases/admin/replays/" + group).with(ADMIN))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if ("done".equals(progress.path("state").asText())) {
                break;
            }
            assertThat(progress.path("state").asText()).isEqualTo("replaying");
            assertThat(query.getResponse().getStatus()).as("a query during the replay").isEqualTo(503);
            Thread.sleep(50);
        }
        assertThat(saw503).as("queries answered 503 during the replay").isTrue();
        assertThat(progress.path("state").asText()).isEqualTo("done");
        assertThat(progress.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(progress.path("position").asLong()).isGreaterThanOrEqualTo(progress.path("headPosition").asLong());
        assertThat(progress.path("eventsPerSecond").asDouble()).isPositive();

    }

    /**
     * The two newer views: requests sent, acknowledged, answered in part and fully (some within a case, with an item
     * linked to it attached) and leads proposed, accepted and dismissed; each view rebuilt equals the live one.
     */
    @Test
    void cooperationRequestAndCaseLeadViewsRebuildTheSameRows() throws Exception {
        String caseId = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenCaseCommand(caseId, "Replay requests", "s", "CN-NNCC", Set.of("US-DEA"), Tlp.AMBER, HandlingCode.H1));
        commands.sendAndWait(new RecordLinkedItemCommand(caseId, LinkedItemType.INTEL_REPORT, "r-1", "Report"));
        awaitRow("SELECT count(*) FROM case_linked_item WHERE case_id = '" + caseId + "'");
        List<SharedItemRef> attached = List.of(new SharedItemRef(LinkedItemType.INTEL_REPORT, "r-1"));
        Instant now = Instant.now();
        for (int i = 0; i < 48; i++) {
            String id = UUID.randomUUID().toString();
            boolean inCase = i % 3 == 0;
            commands.sendAndWait(new SendCooperationRequestCommand(id, inCase ? caseId : null, "US-DEA",
                    CooperationRequestType.INFORMATION_REQUEST, new LegalBasis("MLA", "CN-US MLAA Art. 1"),
                    RequestPriority.ROUTINE, "Question " + i, inCase ? attached : List.of(), now.plus(Duration.ofDays(30)),
                    now.plus(Duration.ofDays(27)), now.plus(Duration.ofDays(35)), CN_ACTOR));
            if (i % 4 >= 1) {
                commands.sendAndWait(new AcknowledgeCooperationRequestCommand(id, US_ACTOR));
            }
            if (i % 4 >= 2) {
                commands.sendAndWait(new AnswerCooperationRequestCommand(id, "Part of it", false, List.of(), US_ACTOR));
            }
            if (i % 4 == 3) {
                commands.sendAndWait(new AnswerCooperationRequestCommand(id, "All of it", true, List.of(), US_ACTOR));
            }
        }
        for (int i = 0; i < 30; i++) {
            String leadId = UUID.randomUUID().toString();
            commands.sendAndWait(new ProposeCaseLeadCommand(leadId, LinkedItemType.INCIDENT, "inc-" + leadId,
                    "Seizure " + i, "CN-NNCC", Set.of("US-DEA"), "Table I precursor seized"));
            if (i % 10 == 0) {
                commands.sendAndWait(new AcceptCaseLeadCommand(leadId, UUID.randomUUID().toString(), null, null,
                        Tlp.AMBER, HandlingCode.H1, CN_SUPERVISOR_ACTOR));
            } else if (i % 3 == 0) {
                commands.sendAndWait(new DismissCaseLeadCommand(leadId, "Known route", CN_SUPERVISOR_ACTOR));
            }
        }
        awaitCaughtUp("CooperationRequest", "cooperation_request_view");
        awaitCaughtUp("CaseLead", "case_lead_view");
        List<Map<String, Object>> requests = requestRows();
        List<Map<String, Object>> leads = leadRows();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(48);
        assertThat(requests).extracting(row -> row.get("status")).contains("SENT", "ACKNOWLEDGED", "PARTIALLY_ANSWERED", "ANSWERED");
        assertThat(requests).extracting(row -> row.get("attachments")).anyMatch(a -> a.toString().contains("r-1"));
        assertThat(leads).hasSizeGreaterThanOrEqualTo(30);
        assertThat(leads).extracting(row -> row.get("status")).contains("PROPOSED", "ACCEPTED", "DISMISSED");

        mvc.perform(post("/api/cases/admin/replays/cooperation-request-view").with(ADMIN)).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.processingGroup", is("cooperation-request-view")));
        watchReplay("cooperation-request-view", "/api/cases/cooperation-requests/outbox");
        mvc.perform(get("/api/cases/cooperation-requests/outbox").with(CN)).andExpect(status().isOk());
        assertThat(requestRows()).isEqualTo(requests);

        mvc.perform(post("/api/cases/admin/replays/case-lead-view").with(ADMIN)).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.processingGroup", is("case-lead-view")));
        watchReplay("case-lead-view", "/api/cases/leads");
        mvc.perform(get("/api/cases/leads").with(CN)).andExpect(status().isOk());
        assertThat(leadRows()).isEqualTo(leads);
    }

    private void awaitRow(String countQuery) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (jdbc.sql(countQuery).query(Long.class).single() == 0) {
            assertThat(Instant.now()).as(countQuery).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** Every event of the aggregate type raised its row's version by one. */
    private void awaitCaughtUp(String aggregateType, String view) throws InterruptedException {
        long events = jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE type = :type")
                .param("type", aggregateType).query(Long.class).single();
        Instant deadline = Instant.now().plusSeconds(60);
        long applied = 0;
        while (Instant.now().isBefore(deadline)) {
            applied = jdbc.sql("SELECT coalesce(sum(version + 1), 0) FROM " + view).query(Long.class).single();
            if (applied >= events) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(applied).as(view + " caught up with the events of " + aggregateType).isEqualTo(events);
    }

    private List<Map<String, Object>> requestRows() {
        return jdbc.sql("SELECT * FROM cooperation_request_view ORDER BY request_id").query().listOfRows();
    }

    private List<Map<String, Object>> leadRows() {
        return jdbc.sql("""
                        SELECT lead_id, item_type, item_id, title, proposing_agency, array_to_string(agencies, ',') AS agencies,
                               reason, status, case_id, decided_by, decided_at, decision_reason, proposed_at, version
                          FROM case_lead_view ORDER BY lead_id""").query().listOfRows();
    }

    /**
     * Until the view has every case event: a rebuild another test's service started (the test contexts share the
     * database, as replicas would) may be under way.
     */
    private void awaitLiveViewCaughtUp() throws Exception {
        long events = jdbc.sql("SELECT count(*) FROM eventstore.domain_event_entry WHERE type = 'JointCase'")
                .query(Long.class).single();
        Instant deadline = Instant.now().plusSeconds(60);
        long applied = 0;
        while (Instant.now().isBefore(deadline)) {
            // every event of a case raised its version by one
            applied = jdbc.sql("SELECT coalesce(sum(version + 1), 0) FROM case_view").query(Long.class).single();
            if (applied >= events && !"replaying".equals(replayState())) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(applied).as("case events in the view").isEqualTo(events);
    }

    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> cases = jdbc.sql("""
                        SELECT case_id, title, summary, lead_agency, array_to_string(partner_agencies, ',') AS partners, tlp,
                               handling_code, status, closing_reason, array_to_string(tags, ',') AS tags, version,
                               opened_at, opened_by, updated_at
                          FROM case_view ORDER BY case_id""").query().listOfRows();
        List<Map<String, Object>> links = jdbc.sql("""
                        SELECT case_id, item_type, item_id, title, status, linked_at, updated_at,
                               array_to_string(visible_to, ',') AS visible_to
                          FROM case_linked_item ORDER BY case_id, item_type, item_id""")
                .query().listOfRows();
        List<Map<String, Object>> visibility = jdbc.sql("SELECT * FROM case_visibility ORDER BY case_id, agency")
                .query().listOfRows();
        List<Map<String, Object>> members = jdbc.sql("SELECT * FROM case_member ORDER BY case_id, username")
                .query().listOfRows();
        List<Map<String, Object>> tasks = jdbc.sql("SELECT * FROM case_task ORDER BY task_id").query().listOfRows();
        List<Map<String, Object>> notes = jdbc.sql("SELECT * FROM case_note ORDER BY note_id").query().listOfRows();
        return java.util.stream.Stream.of(cases, links, visibility, members, tasks, notes).flatMap(List::stream).toList();
    }
}
