package io.jointops.api.privacy;

import io.jointops.api.shared.NonPersonal;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * Personal data was erased: the keys of {@code subjectRefs} in {@code itemIds} were destroyed, so every stored event,
 * export and view rebuilt from them reads those fields as erased. Every service follows it (forgets remembered keys,
 * rebuilds its views); partners learn of it on the feed.
 *
 * @param by             the erasure order, or the retention rule ({@code retention:<item type>:<agency>})
 * @param itemIds        the items whose keys were destroyed
 * @param keysDestroyed  how many keys were destroyed
 */
@Revision("1")
@NonPersonal
public record PersonalDataErasedEvent(String by, String agency, List<String> subjectRefs, List<String> itemIds,
                                      int keysDestroyed, String legalBasis, Instant erasedAt) {
}
