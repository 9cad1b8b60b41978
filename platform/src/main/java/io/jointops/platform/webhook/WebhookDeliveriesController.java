package io.jointops.platform.webhook;

import io.jointops.platform.security.Caller;
import io.jointops.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The service's deliveries to one webhook, for the gateway's {@code GET /api/webhooks/{id}/deliveries} only, which
 * merges the four services' (each holds those of its own part of the feed): outside {@code /api}, and for the
 * caller's token, which the gateway passes on. A webhook that is not the caller's agency's is a 404, as one that does
 * not exist.
 */
@Hidden // the gateway's /api/webhooks/{id}/deliveries is the API
@RestController
class WebhookDeliveriesController {

    static final String PATH = "/internal/webhooks/{webhookId}/deliveries";
    static final int MAX_LIMIT = 500;

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveryTable deliveries;

    WebhookDeliveriesController(WebhookSubscriptions subscriptions, WebhookDeliveryTable deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    record Deliveries(List<WebhookDeliveryTable.Listed> deliveries) {
    }

    /**
     * @param status PENDING, RETRYING, DELIVERED, DEAD or SKIPPED: only those
     * @param limit  the newest this many
     */
    @Operation(summary = "This service's deliveries to a webhook of the caller's agency, newest first")
    @GetMapping(PATH)
    @PreAuthorize("hasRole('feed-reader')")
    Deliveries deliveries(Caller caller, @PathVariable String webhookId,
                          @RequestParam(required = false) String status,
                          @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        WebhookDeliveryTable.Status wanted = null;
        if (status != null) {
            try {
                wanted = WebhookDeliveryTable.Status.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("status", "must be one of "
                        + Arrays.toString(WebhookDeliveryTable.Status.values()));
            }
        }
        if (subscriptions.find(webhookId, caller.agency()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No webhook '" + webhookId + "' is yours.");
        }
        return new Deliveries(deliveries.of(webhookId, wanted, limit));
    }
}
