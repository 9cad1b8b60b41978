package io.jointops.intel.command;

import io.jointops.api.deconfliction.AddWatchlistEntryCommand;
import io.jointops.api.deconfliction.ItemRef;
import io.jointops.api.deconfliction.RaiseWatchlistAlertCommand;
import io.jointops.api.deconfliction.RemoveWatchlistEntryCommand;
import io.jointops.api.deconfliction.WatchlistAlertRaisedEvent;
import io.jointops.api.deconfliction.WatchlistEntryAddedEvent;
import io.jointops.api.deconfliction.WatchlistEntryRemovedEvent;
import io.jointops.api.shared.Rejection.Reason;
import io.jointops.platform.command.CommandValidation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;
import static io.jointops.api.shared.Identifies.Kind.PHONE_NUMBER;
import static io.jointops.platform.test.Rejections.rejected;

/** An agency's watchlist: entries normalised on entry, refused values naming their field, one alert per entry and item. */
class WatchlistTest {

    private static final String US = WatchlistIds.of("US-DEA");
    private static final String PHONE_ENTRY = Watchlist.entryIdOf(PHONE_NUMBER, "+12025550143");
    private static final WatchlistEntryAddedEvent PHONE_ADDED = new WatchlistEntryAddedEvent(US, "US-DEA", PHONE_ENTRY,
            PHONE_NUMBER, "+1 202 555 0143", "+12025550143", null, "broker's phone");
    private static final ItemRef REPORT = new ItemRef("intel", "IntelReport", "r1");

    private AggregateTestFixture<Watchlist> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Watchlist.class);
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @Test
    void theFirstEntryCreatesTheWatchlistNormalised() {
        fixture.givenNoPriorActivity()
                .when(new AddWatchlistEntryCommand(US, "US-DEA", PHONE_NUMBER, " +1 202 555 0143 ", null,
                        " broker's phone "))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(PHONE_ENTRY)
                .expectEvents(PHONE_ADDED);
    }

    @Test
    void aNationalNumberIsReadInItsCountryAndTheSameNumberAgainIsTheSameEntry() {
        fixture.given(PHONE_ADDED)
                .when(new AddWatchlistEntryCommand(US, "US-DEA", PHONE_NUMBER, "(202) 555-0143", "us", null))
                .expectResultMessagePayload(PHONE_ENTRY)
                .expectNoEvents();
    }

    @Test
    void aValueThatIsNoIdentifierOfItsKindIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(new AddWatchlistEntryCommand(US, "US-DEA", PHONE_NUMBER, "(202) 555-0143", null, null))
                .expectException(rejected(Reason.INVALID, "value"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AddWatchlistEntryCommand(US, "US-DEA", PHONE_NUMBER, "(202) 555-0143", "XX", null))
                .expectException(rejected(Reason.INVALID, "country"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AddWatchlistEntryCommand(US, "US-DEA", PERSON_NAME, "Zhang Wei", "US", null))
                .expectException(rejected(Reason.INVALID, "country"));
        fixture.givenNoPriorActivity()
                .when(new AddWatchlistEntryCommand(US, "US-DEA", null, "Zhang Wei", null, null))
                .expectException(rejected(Reason.INVALID, "kind"));
        fixture.givenNoPriorActivity()
                .when(new AddWatchlistEntryCommand(US, "US-DEA", PERSON_NAME, "!!!", null, null))
                .expectException(rejected(Reason.INVALID, "value"));
    }

    @Test
    void onlyItsAgencyChangesAWatchlist() {
        fixture.givenNoPriorActivity()
                .when(new AddWatchlistEntryCommand(US, "CN-NNCC", PHONE_NUMBER, "+1 202 555 0143", null, null))
                .expectException(rejected(Reason.FORBIDDEN, null));
        fixture.given(PHONE_ADDED)
                .when(new RemoveWatchlistEntryCommand(US, "CN-NNCC", PHONE_ENTRY))
                .expectException(rejected(Reason.NOT_FOUND, null));
    }

    @Test
    void anEntryIsRemovedAndAnUnknownOneIsNotFound() {
        fixture.given(PHONE_ADDED)
                .when(new RemoveWatchlistEntryCommand(US, "US-DEA", PHONE_ENTRY))
                .expectEvents(new WatchlistEntryRemovedEvent(US, "US-DEA", PHONE_ENTRY));
        fixture.given(PHONE_ADDED, new WatchlistEntryRemovedEvent(US, "US-DEA", PHONE_ENTRY))
                .when(new RemoveWatchlistEntryCommand(US, "US-DEA", PHONE_ENTRY))
                .expectException(rejected(Reason.NOT_FOUND, null));
    }

    @Test
    void anItemAlertsAnEntryOnceAndARemovedEntryNotAtAll() {
        RaiseWatchlistAlertCommand raise = new RaiseWatchlistAlertCommand(US, "US-DEA", PHONE_ENTRY, REPORT, 3,
                "entities[0].value", "(202) 555-0143", "US", "e164");
        WatchlistAlertRaisedEvent raised = new WatchlistAlertRaisedEvent(US, "US-DEA",
                java.util.UUID.nameUUIDFromBytes((US + "|" + PHONE_ENTRY + "|intel|r1")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                PHONE_ENTRY, PHONE_NUMBER, "+1 202 555 0143", REPORT, 3, "entities[0].value", "(202) 555-0143",
                "US", "e164", "equivalent");
        fixture.given(PHONE_ADDED).when(raise).expectEvents(raised);
        fixture.given(PHONE_ADDED, raised)
                .when(new RaiseWatchlistAlertCommand(US, "US-DEA", PHONE_ENTRY, REPORT, 5, "entities[0].value",
                        "+12025550143", null, "exact"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(PHONE_ADDED, new WatchlistEntryRemovedEvent(US, "US-DEA", PHONE_ENTRY))
                .when(raise)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
