package io.jointops.platform.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * One link of a file's chain of custody, from one event (whose {@code eventId} an audit bundle carries too).
 *
 * @param action     {@code ADDED}, {@code SHARED} (the item, and so the file, released to {@code sharedWith}),
 *                   {@code SUPERSEDED}, {@code DOWNLOADED} (whole, or {@code range}), {@code INTEGRITY_FAILED} (the
 *                   stored bytes did not match {@code sha256}: the download was refused; {@code chunk} says where)
 * @param by         user name; {@code agency} that user's
 * @param sha256     the file's hash as the event logged it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustodyEntry(String eventId, String action, Instant at, String by, String agency, String sha256,
                           String name, Long size, String contentType, String reason, List<String> sharedWith,
                           String supersedes, String supersededBy, String range, Integer chunk) {

    static final String ADDED = "ADDED";
    static final String SHARED = "SHARED";
    static final String SUPERSEDED = "SUPERSEDED";
    static final String DOWNLOADED = "DOWNLOADED";
    static final String INTEGRITY_FAILED = "INTEGRITY_FAILED";
}
