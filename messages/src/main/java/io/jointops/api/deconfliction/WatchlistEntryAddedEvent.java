package io.jointops.api.deconfliction;

import io.jointops.api.shared.Identifies;
import org.axonframework.serialization.Revision;

/**
 * @param value     as the agency wrote it
 * @param canonical its canonical form ({@code io.jointops.identifiers.Identifier#canonical()}), e.g. {@code +12025550143}
 * @param country   the country a phone number written without its country code is dialled in; null otherwise
 * @param label     what the entry is about, in the agency's words
 */
@Revision("1")
public record WatchlistEntryAddedEvent(String watchlistId, String agency, String entryId, Identifies.Kind kind,
                                       String value, String canonical, String country, String label) {
}
