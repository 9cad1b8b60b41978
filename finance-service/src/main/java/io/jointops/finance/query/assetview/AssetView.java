package io.jointops.finance.query.assetview;

import io.jointops.platform.query.SharedItem;
import io.jointops.platform.query.Versioned;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An identified asset as an agency it is released to sees it; {@code estimatedValue} has scale 4 as stored. */
public record AssetView(
        String id,
        String caseId,
        String category,
        String description,
        String identifier,
        String country,
        BigDecimal estimatedValue,
        String currency,
        String ownerAgency,
        List<String> releasedTo,
        String tlp,
        String handlingCode,
        long version,
        Instant recordedAt,
        String recordedBy,
        Instant updatedAt) implements Versioned, SharedItem {

    /** The owner agency and the agencies it released the item to. */
    @Override
    public Set<String> audience() {
        return SharedItem.agencies(releasedTo, ownerAgency);
    }
}
