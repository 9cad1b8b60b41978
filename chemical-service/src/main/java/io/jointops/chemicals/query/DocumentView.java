package io.jointops.chemicals.query;

import io.jointops.platform.query.Versioned;

import java.time.Instant;
import java.util.List;

/** A view record kept whole as a JSON document, with the columns lists filter and sort on. */
public interface DocumentView extends Versioned {

    String id();

    /** Every agency that may see the item. */
    List<String> agencies();

    String status();

    Instant createdAt();
}
