package io.jointops.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.api.finance.RecordIdentifiedAssetCommand;
import io.jointops.finance.query.assetview.AssetTotal;
import io.jointops.finance.query.assetview.AssetView;
import io.jointops.finance.query.assetview.Assets;
import io.jointops.platform.history.EventHistory;
import io.jointops.platform.history.HistoryPage;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import io.jointops.platform.web.ItemResponses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Assets identified for a case, in the Silver Notice categories, with estimated values. */
@RestController
@RequestMapping("/api/finance/assets")
class AssetController {

    /** A case's assets with their estimated values per category and currency. */
    record CaseAssets(String caseId, List<AssetView> assets, List<AssetTotal> totals) {
    }

    private final Assets assets;
    private final ItemResponses<AssetView> items;

    AssetController(CommandGateway commands, Assets assets, EventHistory history) {
        this.assets = assets;
        this.items = new ItemResponses<>("asset", assets, commands, history);
    }

    @Operation(summary = "Record a seized or traced asset")
    @PostMapping
    @PreAuthorize("hasAnyRole('finance-officer', 'investigator', 'analyst', 'supervisor')")
    ResponseEntity<AssetView> record(Caller caller,
                                     @RequestHeader(name = ItemResponses.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                     @Valid @RequestBody AssetRequests.RecordAsset request) {
        return items.create(caller, idempotencyKey, request, id -> URI.create("/api/finance/assets/" + id),
                assetId -> new RecordIdentifiedAssetCommand(assetId, request.caseId(), request.category(), request.description(),
                        request.identifier(), request.country(), request.estimatedValue(), request.currency(),
                        caller.agency(), request.releasedTo() == null ? Set.of() : new HashSet<>(request.releasedTo()),
                        request.tlp(), request.handlingCode()));
    }

    @Operation(summary = "One asset, or as it was at asOf")
    @GetMapping("/{assetId}")
    ResponseEntity<AssetView> get(Caller caller, @PathVariable String assetId,
                                  @RequestParam(required = false) Instant asOf) {
        return items.get(caller, assetId, asOf);
    }

    @Operation(summary = "The assets the caller's agency may see, a page at a time")
    @GetMapping
    Page<AssetView> list(Caller caller,
                         @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return assets.visibleTo(caller.agencyFilter(), page, size);
    }

    /** The assets of one case the caller may see, with totals per category and currency. */
    @Operation(summary = "The assets of one case, with totals per category and currency")
    @GetMapping("/cases/{caseId}")
    CaseAssets ofCase(Caller caller, @PathVariable @Size(max = 64) String caseId) {
        return new CaseAssets(caseId, assets.ofCase(caseId, caller.agencyFilter()),
                assets.totals(caseId, caller.agencyFilter()));
    }

    @Operation(summary = "The asset's events")
    @GetMapping("/{assetId}/history")
    HistoryPage history(Caller caller, @PathVariable String assetId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return items.history(caller, assetId, page, size);
    }
}
