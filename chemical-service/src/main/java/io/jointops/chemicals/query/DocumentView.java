package io.jointops.chemicals.query;

import java.time.Instant;
import java.util.List;

/** A view record kept whole as a JSON document, with the columns lists filter and sort on. */
public interface DocumentView {

    String id();

    /** Every agency that may see the item. */
    List<String> agencies();

    String status();

    long version();

    Instant createdAt();
}
