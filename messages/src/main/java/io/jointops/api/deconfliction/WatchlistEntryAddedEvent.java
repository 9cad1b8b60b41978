package io.jointops.api.deconfliction;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.Revision;

/**
 * @param value     as the agency wrote it
 * @param canonical its canonical form ({@code io.jointops.identifiers.Identifier#canonical()}), e.g. {@code +12025550143}
 * @param country   the country a phone number written without its country code is dialled in; null otherwise
 * @param label     what the entry is about, in the agency's words
 */
@Revision("1")
@NonPersonal
public record WatchlistEntryAddedEvent(String watchlistId, String agency, String entryId, Identifies.Kind kind,
                                       @Personal(kindFrom = "kind", countryFrom = "country") String value,
                                       @Personal(subjectFrom = "value") String canonical, String country,
                                       @Personal String label) {
}
