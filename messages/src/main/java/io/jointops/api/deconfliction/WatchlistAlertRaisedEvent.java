package io.jointops.api.deconfliction;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/**
 * An item released to the watchlist's agency names one of its entries. Shown to that agency only (its watchlist's
 * events): on its partner feed, and so to its webhooks.
 *
 * @param alertId    derived from the entry and the item: an item alerts an entry once
 * @param entryValue the entry as the agency wrote it
 * @param item       the item, which the partner feed has released to the agency
 * @param sequence   the item's event that named it
 * @param path       where that event names it
 * @param value      the item's value as written there
 * @param country    the country the item reads that value in, for a phone number without its country code; null
 * @param rule       how it matched the entry ({@code exact}, {@code e164}, {@code pinyin}, ...)
 * @param strength   {@code exact}, {@code equivalent} or {@code similar} (a lead to check, not an identification)
 */
@Revision("1")
@NonPersonal
public record WatchlistAlertRaisedEvent(String watchlistId, String agency, String alertId, String entryId,
                                        Identifies.Kind kind, @Personal(kindFrom = "kind") String entryValue,
                                        ItemRef item, long sequence, String path,
                                        @Personal(kindFrom = "kind", countryFrom = "country") String value,
                                        String country, String rule, String strength) {
}
