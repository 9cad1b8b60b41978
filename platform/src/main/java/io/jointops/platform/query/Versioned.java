package io.jointops.platform.query;

/** An item as a view shows it, at a version: the sequence number of the last of its events applied. */
public interface Versioned {

    /** The sequence number of the item's last event the view applied; its {@code ETag}, and what {@code If-Match} names. */
    long version();
}
