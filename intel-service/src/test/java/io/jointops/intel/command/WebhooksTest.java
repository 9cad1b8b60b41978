package io.jointops.intel.command;

import io.jointops.api.shared.Rejection.Reason;
import io.jointops.api.webhooks.DeleteWebhookCommand;
import io.jointops.api.webhooks.RegisterWebhookCommand;
import io.jointops.api.webhooks.WebhookDeletedEvent;
import io.jointops.api.webhooks.WebhookRegisteredEvent;
import io.jointops.platform.command.CommandValidation;
import io.jointops.platform.webhook.WebhookTargets;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.jointops.platform.test.Rejections.rejected;

/**
 * An agency's webhooks: registered by the agency only, to https URLs of public hosts and event types of the feed (a
 * refusal names its field), at most ten at once, each id taken once; deleted by the agency only, another agency's
 * webhook being none. No event holds a secret.
 */
class WebhooksTest {

    private static final String US = WebhookRegistries.of("US-DEA");
    private static final String HOOK = "0b7f6a52-5c1e-4d2a-9f3b-2a1c3d4e5f60";
    private static final String URL = "https://partner.dea.example.gov/jointops/hooks";
    private static final WebhookRegisteredEvent REGISTERED = new WebhookRegisteredEvent(US, "US-DEA", HOOK, URL,
            List.of("WatchlistAlertRaisedEvent", "CaseOpenedEvent"));

    private AggregateTestFixture<Webhooks> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Webhooks.class);
        fixture.registerInjectableResource(new WebhookTargets(false));
        fixture.registerCommandHandlerInterceptor(new CommandValidation()); // as the platform checks every command
    }

    @Test
    void theFirstWebhookCreatesTheAgencysRegistry() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(US, "US-DEA", HOOK, URL,
                        List.of("WatchlistAlertRaisedEvent", "CaseOpenedEvent", "WatchlistAlertRaisedEvent")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void aUrlNoDeliveryMayReachIsRefusedNamingUrl() {
        for (String url : List.of("http://partner.dea.example.gov/hooks", "https://10.1.2.3/hooks",
                "https://127.0.0.1/hooks", "https://localhost/hooks", "https://169.254.169.254/latest",
                "https://user:pw@partner.dea.example.gov/", "no url at all")) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterWebhookCommand(US, "US-DEA", HOOK, url, List.of("*")))
                    .expectException(rejected(Reason.INVALID, "url"))
                    .expectNoEvents();
        }
    }

    @Test
    void loopbackOnlyWhereTheServiceAllowsIt() {
        AggregateTestFixture<Webhooks> tests = new AggregateTestFixture<>(Webhooks.class);
        tests.registerInjectableResource(new WebhookTargets(true));
        tests.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(US, "US-DEA", HOOK, "https://127.0.0.1:9443/hooks", List.of("*")))
                .expectEvents(new WebhookRegisteredEvent(US, "US-DEA", HOOK, "https://127.0.0.1:9443/hooks", List.of("*")));
    }

    @Test
    void eventTypesAreTheFeedsOrAll() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(US, "US-DEA", HOOK, URL, List.of("CaseOpenedEvent", "NoSuchEvent")))
                .expectException(rejected(Reason.INVALID, "events"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(US, "US-DEA", HOOK, URL, List.of()))
                .expectException(rejected(Reason.INVALID, "events"))
                .expectNoEvents();
    }

    @Test
    void onlyItsAgencyRegistersAndAnIdIsTakenOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(US, "CN-NNCC", HOOK, URL, List.of("*")))
                .expectException(rejected(Reason.FORBIDDEN, null));
        fixture.given(REGISTERED, new WebhookDeletedEvent(US, "US-DEA", HOOK))
                .when(new RegisterWebhookCommand(US, "US-DEA", HOOK, URL, List.of("*")))
                .expectException(rejected(Reason.CONFLICT, null))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(US, "US-DEA", "not-a-uuid", URL, List.of("*")))
                .expectException(rejected(Reason.CONFLICT, null));
    }

    @Test
    void atMostTenAtOnce() {
        List<Object> ten = new ArrayList<>();
        for (int i = 0; i < Webhooks.MAX_WEBHOOKS; i++) {
            ten.add(new WebhookRegisteredEvent(US, "US-DEA", UUID.randomUUID().toString(), URL, List.of("*")));
        }
        fixture.given(ten)
                .when(new RegisterWebhookCommand(US, "US-DEA", HOOK, URL, List.of("*")))
                .expectException(rejected(Reason.CONFLICT, null))
                .expectNoEvents();
        ten.add(new WebhookDeletedEvent(US, "US-DEA", ((WebhookRegisteredEvent) ten.get(0)).webhookId()));
        fixture.given(ten)
                .when(new RegisterWebhookCommand(US, "US-DEA", HOOK, URL, List.of("*")))
                .expectEvents(new WebhookRegisteredEvent(US, "US-DEA", HOOK, URL, List.of("*")));
    }

    @Test
    void onlyItsAgencyDeletesAWebhookAndAnotherAgencysIsNone() {
        fixture.given(REGISTERED)
                .when(new DeleteWebhookCommand(US, "US-DEA", HOOK))
                .expectEvents(new WebhookDeletedEvent(US, "US-DEA", HOOK));
        fixture.given(REGISTERED)
                .when(new DeleteWebhookCommand(US, "CN-NNCC", HOOK))
                .expectException(rejected(Reason.NOT_FOUND, null))
                .expectNoEvents();
        fixture.given(REGISTERED, new WebhookDeletedEvent(US, "US-DEA", HOOK))
                .when(new DeleteWebhookCommand(US, "US-DEA", HOOK))
                .expectException(rejected(Reason.NOT_FOUND, null));
        fixture.given(REGISTERED)
                .when(new DeleteWebhookCommand(US, "US-DEA", UUID.randomUUID().toString()))
                .expectException(rejected(Reason.NOT_FOUND, null));
    }
}
