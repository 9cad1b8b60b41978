package io.jointops.intel.web;

import io.jointops.api.deconfliction.AddWatchlistEntryCommand;
import io.jointops.api.deconfliction.RemoveWatchlistEntryCommand;
import io.jointops.api.shared.Identifies;
import io.jointops.intel.command.WatchlistIds;
import io.jointops.intel.query.watchlist.WatchlistView;
import io.jointops.intel.query.watchlist.WatchlistViews;
import io.jointops.platform.query.Page;
import io.jointops.platform.query.ReadYourWrites;
import io.jointops.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An agency's watchlist: identifiers it is alerted of when an item released to it names one, in any service and
 * across scripts and spellings (a phone number in any format, 张伟 for Zhang Wei). Kept by the agency's supervisors
 * and analysts; entries are normalised on entry and a value that cannot be one is a 400 problem naming its field.
 * The alerts: {@code GET /api/intel/alerts}, and on the agency's partner feed (and so its webhooks).
 */
@RestController
@RequestMapping("/api/intel")
class WatchlistController {

    private static final String KEEPERS = "hasAnyRole('supervisor', 'analyst')";

    private final CommandGateway commands;
    private final WatchlistViews views;

    WatchlistController(CommandGateway commands, WatchlistViews views) {
        this.commands = commands;
        this.views = views;
    }

    /**
     * @param kind    PERSON_NAME, ORGANISATION_NAME, PHONE_NUMBER, EMAIL_ADDRESS, IBAN, BANK_ACCOUNT, CRYPTO_WALLET,
     *                VESSEL, FLIGHT_NUMBER, CAS_NUMBER, ...
     * @param country for a phone number written without its country code: the country it is dialled in (ISO 3166-1
     *                alpha-2, e.g. US)
     * @param label   what the entry is about, in the agency's words
     */
    @Schema(example = """
            {"kind":"PHONE_NUMBER","value":"+1 202 555 0143","label":"the broker's phone"}""")
    record AddEntry(@NotNull Identifies.Kind kind, @NotBlank @Size(max = 500) String value,
                    @Size(max = 2) String country,
                    @Size(max = 500) String label) {
    }

    /** The caller's agency's watchlist; empty before its first entry. */
    @Operation(summary = "The caller's agency's watchlist")
    @GetMapping("/watchlist")
    @PreAuthorize(KEEPERS)
    List<WatchlistView.Entry> watchlist(Caller caller) {
        return views.entries(WatchlistIds.of(caller.agency()), caller.agency());
    }

    @Operation(summary = "One entry of the caller's agency's watchlist")
    @GetMapping("/watchlist/{entryId}")
    @PreAuthorize(KEEPERS)
    WatchlistView.Entry entry(Caller caller, @PathVariable String entryId) {
        return find(caller, entryId);
    }

    /** Adds an entry, normalised; the same identifier entered again is the same entry (201 all the same). */
    @Operation(summary = "Put an identifier on the caller's agency's watchlist (normalised; the same one again is the same entry)")
    @PostMapping("/watchlist")
    @PreAuthorize(KEEPERS)
    ResponseEntity<WatchlistView.Entry> add(Caller caller, @Valid @RequestBody AddEntry request) {
        String watchlistId = WatchlistIds.of(caller.agency());
        String entryId = commands.sendAndWait(new AddWatchlistEntryCommand(watchlistId, caller.agency(),
                request.kind(), request.value(), request.country(), request.label()), 30, TimeUnit.SECONDS);
        WatchlistView.Entry entry = ReadYourWrites.await(watchlistId,
                        () -> views.find(watchlistId, caller.agency()),
                        view -> view.entries().stream().anyMatch(e -> e.id().equals(entryId)), ReadYourWrites.TIMEOUT)
                .flatMap(view -> view.entries().stream().filter(e -> e.id().equals(entryId)).findFirst())
                .orElse(null);
        URI location = URI.create("/api/intel/watchlist/" + entryId);
        return entry == null ? ResponseEntity.accepted().location(location).build()
                : ResponseEntity.created(location).body(entry);
    }

    @Operation(summary = "Take an entry off the caller's agency's watchlist")
    @DeleteMapping("/watchlist/{entryId}")
    @PreAuthorize(KEEPERS)
    ResponseEntity<Void> remove(Caller caller, @PathVariable String entryId) {
        find(caller, entryId);
        String watchlistId = WatchlistIds.of(caller.agency());
        commands.sendAndWait(new RemoveWatchlistEntryCommand(watchlistId, caller.agency(), entryId),
                30, TimeUnit.SECONDS);
        ReadYourWrites.await(watchlistId, () -> views.find(watchlistId, caller.agency()),
                view -> view.entries().stream().noneMatch(e -> e.id().equals(entryId)), ReadYourWrites.TIMEOUT);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    /** The caller's agency's alerts, newest first; auditors read every agency's. */
    @Operation(summary = "Alerts of the caller's agency's watchlist: items released to it that name an entry")
    @GetMapping("/alerts")
    @PreAuthorize("hasAnyRole('supervisor', 'analyst', 'auditor')")
    Page<WatchlistViews.Alert> alerts(Caller caller,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.alerts(caller.agencyFilter(), page, size);
    }

    private WatchlistView.Entry find(Caller caller, String entryId) {
        return views.entries(WatchlistIds.of(caller.agency()), caller.agency()).stream()
                .filter(entry -> entry.id().equals(entryId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No entry '" + entryId + "' is on your watchlist."));
    }
}
