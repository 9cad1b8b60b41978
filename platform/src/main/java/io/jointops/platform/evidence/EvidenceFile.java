package io.jointops.platform.evidence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A file of an item, as its readers are shown it.
 *
 * @param contentType  as sniffed from the bytes when it was stored
 * @param sha256       SHA-256 of the file, hex; also its {@code ETag}
 * @param name         the name the uploader gave it
 * @param supersedes   the file this one replaced, if any
 * @param supersededBy the file that replaced this one, if any (it stays downloadable)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceFile(String fileId, String itemId, String name, String contentType, long size, String sha256,
                           String reason, String addedBy, String agency, Instant addedAt, String supersedes,
                           String supersededBy, Instant supersededAt,
                           @JsonIgnore int chunkSize, @JsonIgnore String chunkListSha256) {
}
