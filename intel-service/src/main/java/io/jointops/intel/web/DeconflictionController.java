package io.jointops.intel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.jointops.intel.query.deconfliction.DeconflictionNotices;
import io.jointops.platform.query.Page;
import io.jointops.platform.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's deconfliction inbox: notices that another agency holds an item naming an identifier one of the agency's
 * own items names (a person, a company, a phone, an account, a wallet), found across services and scripts off every
 * request path, with how it matched and whom to call; never the other agency's item. Auditors read every agency's.
 */
@RestController
@RequestMapping("/api/intel/deconfliction")
class DeconflictionController {

    private final DeconflictionNotices notices;

    DeconflictionController(DeconflictionNotices notices) {
        this.notices = notices;
    }

    @Operation(summary = "Deconfliction notices to the caller's agency: another agency holds a match")
    @GetMapping("/notices")
    Page<DeconflictionNotices.Notice> notices(Caller caller,
                                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return notices.of(caller.agencyFilter(), page, size);
    }
}
