package io.jointops.finance.query.freezeview;

import io.jointops.api.finance.AccountRef;
import io.jointops.api.finance.WalletRef;
import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A freeze request as the requesting and the receiving agency see it.
 *
 * @param status    REQUESTED, ACKNOWLEDGED, FROZEN, REJECTED, RELEASED or EXPIRED
 * @param partial   frozen for less than sought (on some target)
 * @param expiresAt when the freeze lapses unless extended (while FROZEN; kept afterwards as it last was)
 * @param version   the aggregate's version, used as ETag
 */
public record FreezeRequestView(
        String id,
        String requestingAgency,
        String requestingCountry,
        String receivingAgency,
        String receivingCountry,
        String measure,
        String legalBasis,
        String caseId,
        String urgency,
        String status,
        boolean partial,
        List<Target> targets,
        String rejectionReason,
        String releaseReason,
        Instant expiresAt,
        String expiryRule,
        int extensions,
        Instant reminderIssuedAt,
        List<String> linkedCases,
        String tlp,
        String handlingCode,
        long version,
        Instant requestedAt,
        String requestedBy,
        Instant updatedAt) implements Versioned, SharedItem {

    /** One target of the request and what became of it, in the target's currency. */
    public record Target(int index, AccountRef account, WalletRef wallet, String assetId, String holder,
                         String currency, BigDecimal amountSought, BigDecimal amountFrozen, BigDecimal amountReleased) {
    }

    /** {@code requestingAgency} and {@code receivingAgency}. */
    @Override
    public Set<String> audience() {
        return SharedItem.agencies(java.util.List.of(), requestingAgency, receivingAgency);
    }
}
