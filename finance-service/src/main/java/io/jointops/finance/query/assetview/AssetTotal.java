package io.jointops.finance.query.assetview;

import java.math.BigDecimal;

/** The estimated value of a case's visible assets of one category in one currency. */
public record AssetTotal(String caseId, String category, String currency, BigDecimal estimatedValue, long assets) {
}
