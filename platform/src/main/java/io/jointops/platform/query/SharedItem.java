package io.jointops.platform.query;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An item as its view shows it, released to some agencies: its audience, the agencies that may see it now (its owner
 * among them). The one place a view says who sees an item: {@link #visibleTo} is read from it, and so is the partner
 * feed's list of agencies an item's events go to ({@code io.jointops.platform.feed}).
 */
public interface SharedItem {

    /** Every agency that may see the item now. */
    Set<String> audience();

    /** Whether {@code agency} may see the item now (joint auditors are let through by the views, not here). */
    default boolean visibleTo(String agency) {
        return agency != null && audience().contains(agency);
    }

    /** The agencies named, in order, without nulls or repeats: an audience from a view's fields. */
    static Set<String> agencies(Collection<String> first, String... more) {
        Set<String> agencies = new LinkedHashSet<>();
        for (String agency : more) {
            if (agency != null) {
                agencies.add(agency);
            }
        }
        for (String agency : first) {
            if (agency != null) {
                agencies.add(agency);
            }
        }
        return Set.copyOf(agencies);
    }
}
