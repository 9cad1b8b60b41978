package io.jointops.intel.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jointops.api.webhooks.DeleteWebhookCommand;
import io.jointops.api.webhooks.RegisterWebhookCommand;
import io.jointops.intel.command.WebhookRegistries;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.security.Caller;
import io.jointops.platform.webhook.WebhookSigning;
import io.jointops.platform.webhook.WebhookSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An agency's webhooks: HTTPS endpoints its partner system registers (role {@code feed-reader}: who reads the feed may
 * have it pushed) that every service sends the events of the agency's partner feed to, of the types each names,
 * signed with the webhook's secret, which the registration answers once and nothing shows again. The deliveries'
 * list is the gateway's ({@code GET /api/webhooks/{id}/deliveries}: each service holds its own). Another agency's
 * webhook is a 404, as one that does not exist.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    private static final String PARTNER_SYSTEM = "hasRole('feed-reader')";

    private final CommandGateway commands;
    private final WebhookSubscriptions webhooks;
    private final WebhookSigning signing;

    WebhookController(CommandGateway commands, WebhookSubscriptions webhooks, WebhookSigning signing) {
        this.commands = commands;
        this.webhooks = webhooks;
        this.signing = signing;
    }

    /**
     * @param url    the endpoint: https, a public host (no credentials in it: deliveries are signed)
     * @param events the event types wanted, as the feed names them (e.g. {@code WatchlistAlertRaisedEvent}), or
     *               {@code *} for every event of the agency's feed
     */
    @Schema(example = """
            {"url":"https://partner.example.gov/jointops/events","events":["WatchlistAlertRaisedEvent"]}""")
    record Registration(@NotBlank @Size(max = 2_000) String url, @NotEmpty @Size(max = 100) List<String> events) {
    }

    /** A webhook as its agency is shown it; {@code secret} only in the answer to its registration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Webhook(String id, String url, List<String> events, Instant registeredAt, String secret) {

        static Webhook of(WebhookSubscriptions.Subscription subscription, String secret) {
            return new Webhook(subscription.id(), subscription.url(), subscription.events(),
                    subscription.registeredAt(), secret);
        }
    }

    @Operation(summary = "Register a webhook of the caller's agency; the answer shows its signing secret, once")
    @PostMapping
    @PreAuthorize(PARTNER_SYSTEM)
    ResponseEntity<Webhook> register(Caller caller, @Valid @RequestBody Registration request) {
        String registryId = WebhookRegistries.of(caller.agency());
        String webhookId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterWebhookCommand(registryId, caller.agency(), webhookId, request.url(),
                request.events()), 30, TimeUnit.SECONDS);
        URI location = URI.create("/api/webhooks/" + webhookId);
        String secret = signing.secret(webhookId);
        // the secret is answered whether or not the view has caught up: the client gets it here or never
        return ReadYourWrites.await(registryId, () -> webhooks.find(webhookId, caller.agency()), webhook -> true,
                        ReadYourWrites.TIMEOUT)
                .map(webhook -> ResponseEntity.created(location).body(Webhook.of(webhook, secret)))
                .orElseGet(() -> ResponseEntity.accepted().location(location)
                        .body(new Webhook(webhookId, request.url(), request.events(), null, secret)));
    }

    @Operation(summary = "The caller's agency's webhooks")
    @GetMapping
    @PreAuthorize(PARTNER_SYSTEM)
    List<Webhook> list(Caller caller) {
        return webhooks.of(caller.agency()).stream().map(webhook -> Webhook.of(webhook, null)).toList();
    }

    @Operation(summary = "One webhook of the caller's agency (never its secret)")
    @GetMapping("/{webhookId}")
    @PreAuthorize(PARTNER_SYSTEM)
    Webhook webhook(Caller caller, @PathVariable String webhookId) {
        return Webhook.of(find(caller, webhookId), null);
    }

    @Operation(summary = "Delete a webhook of the caller's agency: nothing more is sent to it")
    @DeleteMapping("/{webhookId}")
    @PreAuthorize(PARTNER_SYSTEM)
    ResponseEntity<Void> delete(Caller caller, @PathVariable String webhookId) {
        find(caller, webhookId);
        String registryId = WebhookRegistries.of(caller.agency());
        commands.sendAndWait(new DeleteWebhookCommand(registryId, caller.agency(), webhookId), 30, TimeUnit.SECONDS);
        ReadYourWrites.await(registryId, () -> webhooks.find(webhookId, caller.agency()).isEmpty()
                        ? java.util.Optional.of(true) : java.util.Optional.<Boolean>empty(), gone -> true,
                ReadYourWrites.TIMEOUT);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private WebhookSubscriptions.Subscription find(Caller caller, String webhookId) {
        return webhooks.find(webhookId, caller.agency()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No webhook '" + webhookId + "' is yours."));
    }
}
