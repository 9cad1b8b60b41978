package io.jointops.intel.command;

import io.jointops.api.intel.RecordTakedownResponseCommand;
import io.jointops.api.intel.ReportTakedownReappearanceCommand;
import io.jointops.api.intel.RequestTakedownCommand;
import io.jointops.api.intel.TakedownAcknowledgedEvent;
import io.jointops.api.intel.TakedownContentReappearedEvent;
import io.jointops.api.intel.TakedownContentRemovedEvent;
import io.jointops.api.intel.TakedownContentType;
import io.jointops.api.intel.TakedownRejectedEvent;
import io.jointops.api.intel.TakedownRequestedEvent;
import io.jointops.api.intel.TakedownStatus;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.jointops.platform.test.Rejections.rejected;

class TakedownRequestTest {

    private static final String ID = "takedown-1";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String URL = "https://market.example.com/item/42";
    private static final Instant CAPTURED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant REQUESTED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATEST = Instant.parse("2026-03-03T09:00:00Z");

    private AggregateTestFixture<TakedownRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TakedownRequest.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    // --- requested ---

    @Test
    void requestsATakedownWithTheUrlNormalisedAndTheEvidenceHashLowerCased() {
        fixture.givenNoPriorActivity()
                .when(new RequestTakedownCommand(ID, " DarkMarket ", "HTTPS://Market.Example.COM:443/item/42",
                        TakedownContentType.LISTING, " sale of fentanyl precursors ", SHA.toUpperCase(), CAPTURED,
                        " Art. 14 DSA ", "US-DEA", REQUESTED))
                .expectEvents(requested());
    }

    @Test
    void refusesBadInputNamingTheField() {
        expectInvalid(c -> with(c, " ", c.url(), c.contentType(), c.offence(), c.evidenceSha256(), c.evidenceCapturedAt(),
                c.legalBasis(), c.requestingAgency(), c.requestedAt()), "platform", "blank");
        expectInvalid(c -> with(c, "p".repeat(101), c.url(), c.contentType(), c.offence(), c.evidenceSha256(),
                c.evidenceCapturedAt(), c.legalBasis(), c.requestingAgency(), c.requestedAt()), "platform", "100");
        expectInvalid(c -> with(c, c.platform(), null, c.contentType(), c.offence(), c.evidenceSha256(),
                c.evidenceCapturedAt(), c.legalBasis(), c.requestingAgency(), c.requestedAt()), "url", "blank");
        expectInvalid(c -> with(c, c.platform(), "ftp://market.example.com/x", c.contentType(), c.offence(),
                c.evidenceSha256(), c.evidenceCapturedAt(), c.legalBasis(), c.requestingAgency(), c.requestedAt()),
                "url", "http(s)");
        expectInvalid(c -> with(c, c.platform(), c.url(), null, c.offence(), c.evidenceSha256(), c.evidenceCapturedAt(),
                c.legalBasis(), c.requestingAgency(), c.requestedAt()), "contentType", "given");
        expectInvalid(c -> with(c, c.platform(), c.url(), c.contentType(), "", c.evidenceSha256(), c.evidenceCapturedAt(),
                c.legalBasis(), c.requestingAgency(), c.requestedAt()), "offence", "blank");
        expectInvalid(c -> with(c, c.platform(), c.url(), c.contentType(), c.offence(), "abc123", c.evidenceCapturedAt(),
                c.legalBasis(), c.requestingAgency(), c.requestedAt()), "evidenceSha256", "64 hex");
        expectInvalid(c -> with(c, c.platform(), c.url(), c.contentType(), c.offence(), null, c.evidenceCapturedAt(),
                c.legalBasis(), c.requestingAgency(), c.requestedAt()), "evidenceSha256", "SHA-256");
        expectInvalid(c -> with(c, c.platform(), c.url(), c.contentType(), c.offence(), c.evidenceSha256(), null,
                c.legalBasis(), c.requestingAgency(), c.requestedAt()), "evidenceCapturedAt", "given");
        expectInvalid(c -> with(c, c.platform(), c.url(), c.contentType(), c.offence(), c.evidenceSha256(),
                c.evidenceCapturedAt(), "  ", c.requestingAgency(), c.requestedAt()), "legalBasis", "blank");
        expectInvalid(c -> with(c, c.platform(), c.url(), c.contentType(), c.offence(), c.evidenceSha256(),
                c.evidenceCapturedAt(), c.legalBasis(), "dea", c.requestedAt()), "requestingAgency", "dea");
        expectInvalid(c -> with(c, c.platform(), c.url(), c.contentType(), c.offence(), c.evidenceSha256(),
                c.evidenceCapturedAt(), c.legalBasis(), c.requestingAgency(), null), "requestedAt", "given");
        expectInvalid(c -> with(c, c.platform(), c.url(), c.contentType(), c.offence(), c.evidenceSha256(), LATER,
                c.legalBasis(), c.requestingAgency(), c.requestedAt()), "evidenceCapturedAt", "after the request");
    }

    // --- the platform's responses ---

    @Test
    void thePlatformAcknowledgesThenRemoves() {
        fixture.given(requested())
                .when(respond("US-DEA", TakedownStatus.ACKNOWLEDGED, null, LATER))
                .expectEvents(new TakedownAcknowledgedEvent(ID, LATER));
        fixture.given(requested(), new TakedownAcknowledgedEvent(ID, LATER))
                .when(respond("US-DEA", TakedownStatus.REMOVED, null, LATEST))
                .expectEvents(new TakedownContentRemovedEvent(ID, LATEST));
    }

    @Test
    void thePlatformMayRemoveOrRejectWithoutAcknowledgingFirst() {
        fixture.given(requested())
                .when(respond("US-DEA", TakedownStatus.REMOVED, null, LATER))
                .expectEvents(new TakedownContentRemovedEvent(ID, LATER));
        fixture.given(requested())
                .when(respond("US-DEA", TakedownStatus.REJECTED, " not illegal here ", LATER))
                .expectEvents(new TakedownRejectedEvent(ID, "not illegal here", LATER));
    }

    @Test
    void anAcknowledgedRequestIsRejectedWithItsReason() {
        fixture.given(requested(), new TakedownAcknowledgedEvent(ID, LATER))
                .when(respond("US-DEA", TakedownStatus.REJECTED, "no court order", LATEST))
                .expectEvents(new TakedownRejectedEvent(ID, "no court order", LATEST));
    }

    @Test
    void aRejectionNamesItsReason() {
        fixture.given(requested())
                .when(respond("US-DEA", TakedownStatus.REJECTED, " ", LATER))
                .expectException(rejected(Reason.INVALID, "reason", "blank")).expectNoEvents();
        fixture.given(requested())
                .when(respond("US-DEA", TakedownStatus.REJECTED, "r".repeat(2001), LATER))
                .expectException(rejected(Reason.INVALID, "reason", "2000")).expectNoEvents();
    }

    @Test
    void refusesAResponseWithoutKindOrTimeOrFromBeforeTheRequest() {
        fixture.given(requested())
                .when(respond("US-DEA", null, null, LATER))
                .expectException(rejected(Reason.INVALID, "response")).expectNoEvents();
        fixture.given(requested())
                .when(respond("US-DEA", TakedownStatus.ACKNOWLEDGED, null, null))
                .expectException(rejected(Reason.INVALID, "occurredAt", "given")).expectNoEvents();
        fixture.given(requested())
                .when(respond("US-DEA", TakedownStatus.REMOVED, null, CAPTURED))
                .expectException(rejected(Reason.INVALID, "occurredAt", REQUESTED.toString())).expectNoEvents();
    }

    @Test
    void aRequestIsNotAnsweredWithRequested() {
        fixture.given(requested())
                .when(respond("US-DEA", TakedownStatus.REQUESTED, null, LATER))
                .expectException(rejected(Reason.INVALID, "response")).expectNoEvents();
    }

    @Test
    void anotherAgencyDoesNotEvenSeeTheRequest() {
        fixture.given(requested())
                .when(respond("CN-NNCC", TakedownStatus.ACKNOWLEDGED, null, LATER))
                .expectException(rejected(Reason.NOT_FOUND, null, ID)).expectNoEvents();
        fixture.given(requested(), new TakedownContentRemovedEvent(ID, LATER))
                .when(new ReportTakedownReappearanceCommand(ID, "CN-NNCC", null, LATEST))
                .expectException(rejected(Reason.NOT_FOUND, null, ID)).expectNoEvents();
        fixture.given(requested())
                .when(respond(null, TakedownStatus.ACKNOWLEDGED, null, LATER))
                .expectException(rejected(Reason.NOT_FOUND, null)).expectNoEvents();
    }

    @Test
    void anAcknowledgedRequestIsNotAcknowledgedAgain() {
        fixture.given(requested(), new TakedownAcknowledgedEvent(ID, LATER))
                .when(respond("US-DEA", TakedownStatus.ACKNOWLEDGED, null, LATEST))
                .expectException(rejected(Reason.CONFLICT, null, "ACKNOWLEDGED")).expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = TakedownStatus.class, names = {"ACKNOWLEDGED", "REMOVED", "REJECTED"})
    void aRemovedRequestTakesNoFurtherResponse(TakedownStatus response) {
        fixture.given(requested(), new TakedownContentRemovedEvent(ID, LATER))
                .when(respond("US-DEA", response, "why", LATEST))
                .expectException(rejected(Reason.CONFLICT, null, "REMOVED")).expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = TakedownStatus.class, names = {"ACKNOWLEDGED", "REMOVED", "REJECTED"})
    void aRejectedRequestTakesNoFurtherResponse(TakedownStatus response) {
        fixture.given(requested(), new TakedownRejectedEvent(ID, "no", LATER))
                .when(respond("US-DEA", response, "why", LATEST))
                .expectException(rejected(Reason.CONFLICT, null, "REJECTED")).expectNoEvents();
    }

    // --- reappearance ---

    @Test
    void removedContentReappearsAtTheSameUrlAndTheRequestIsOpenAgain() {
        fixture.given(requested(), new TakedownContentRemovedEvent(ID, LATER))
                .when(new ReportTakedownReappearanceCommand(ID, "US-DEA", " ", LATEST))
                .expectEvents(new TakedownContentReappearedEvent(ID, URL, LATEST));
    }

    @Test
    void removedContentReappearsAtANewUrlNormalised() {
        fixture.given(requested(), new TakedownContentRemovedEvent(ID, LATER))
                .when(new ReportTakedownReappearanceCommand(ID, "US-DEA", "Mirror.Example.NET/item/42", LATEST))
                .expectEvents(new TakedownContentReappearedEvent(ID, "https://mirror.example.net/item/42", LATEST));
    }

    @Test
    void aReopenedRequestIsAcknowledgedAndRemovedAgainMeasuredFromTheReappearance() {
        Instant removedAgain = LATEST.plusSeconds(3600);
        List<Object> reopened = List.of(requested(), new TakedownContentRemovedEvent(ID, LATER),
                new TakedownContentReappearedEvent(ID, URL, LATEST));
        fixture.given(reopened)
                .when(respond("US-DEA", TakedownStatus.ACKNOWLEDGED, null, removedAgain))
                .expectEvents(new TakedownAcknowledgedEvent(ID, removedAgain));
        fixture.given(reopened)
                .when(respond("US-DEA", TakedownStatus.REMOVED, null, removedAgain))
                .expectEvents(new TakedownContentRemovedEvent(ID, removedAgain));
        // the round opened when the content was seen again: a response from before that is refused
        fixture.given(reopened)
                .when(respond("US-DEA", TakedownStatus.REMOVED, null, LATER))
                .expectException(rejected(Reason.INVALID, "occurredAt", LATEST.toString())).expectNoEvents();
        // reopened, it is not reported as reappeared again until it is removed again
        fixture.given(reopened)
                .when(new ReportTakedownReappearanceCommand(ID, "US-DEA", null, removedAgain))
                .expectException(rejected(Reason.CONFLICT, null, "REQUESTED")).expectNoEvents();
    }

    @Test
    void onlyRemovedContentIsReportedAsReappeared() {
        fixture.given(requested())
                .when(new ReportTakedownReappearanceCommand(ID, "US-DEA", null, LATER))
                .expectException(rejected(Reason.CONFLICT, null, "REQUESTED")).expectNoEvents();
        fixture.given(requested(), new TakedownAcknowledgedEvent(ID, LATER))
                .when(new ReportTakedownReappearanceCommand(ID, "US-DEA", null, LATEST))
                .expectException(rejected(Reason.CONFLICT, null, "ACKNOWLEDGED")).expectNoEvents();
        fixture.given(requested(), new TakedownRejectedEvent(ID, "no", LATER))
                .when(new ReportTakedownReappearanceCommand(ID, "US-DEA", null, LATEST))
                .expectException(rejected(Reason.CONFLICT, null, "REJECTED")).expectNoEvents();
    }

    @Test
    void refusesAReappearanceWithABadUrlOrTime() {
        fixture.given(requested(), new TakedownContentRemovedEvent(ID, LATER))
                .when(new ReportTakedownReappearanceCommand(ID, "US-DEA", "ftp://mirror.example.net/item/42", LATEST))
                .expectException(rejected(Reason.INVALID, "url")).expectNoEvents();
        fixture.given(requested(), new TakedownContentRemovedEvent(ID, LATER))
                .when(new ReportTakedownReappearanceCommand(ID, "US-DEA", null, null))
                .expectException(rejected(Reason.INVALID, "occurredAt", "given")).expectNoEvents();
        fixture.given(requested(), new TakedownContentRemovedEvent(ID, LATER))
                .when(new ReportTakedownReappearanceCommand(ID, "US-DEA", null, CAPTURED))
                .expectException(rejected(Reason.INVALID, "occurredAt")).expectNoEvents();
    }

    // --- helpers ---

    private static TakedownRequestedEvent requested() {
        return new TakedownRequestedEvent(ID, "DarkMarket", URL, TakedownContentType.LISTING,
                "sale of fentanyl precursors", SHA, CAPTURED, "Art. 14 DSA", "US-DEA", REQUESTED);
    }

    private static RecordTakedownResponseCommand respond(String agency, TakedownStatus response, String reason, Instant at) {
        return new RecordTakedownResponseCommand(ID, agency, response, reason, at);
    }

    private static RequestTakedownCommand valid() {
        return new RequestTakedownCommand(ID, "DarkMarket", URL, TakedownContentType.POST, "sale of fentanyl precursors",
                SHA, CAPTURED, "Art. 14 DSA", "US-DEA", REQUESTED);
    }

    private static RequestTakedownCommand with(RequestTakedownCommand c, String platform, String url,
                                               TakedownContentType type, String offence, String sha, Instant captured,
                                               String legalBasis, String agency, Instant requestedAt) {
        return new RequestTakedownCommand(c.takedownId(), platform, url, type, offence, sha, captured, legalBasis,
                agency, requestedAt);
    }

    private void expectInvalid(UnaryOperator<RequestTakedownCommand> change, String field, String detail) {
        fixture.givenNoPriorActivity().when(change.apply(valid()))
                .expectException(rejected(Reason.INVALID, field, detail)).expectNoEvents();
    }
}
