package io.jointops.api.evidence;

/**
 * A file's bytes as the platform received and stored them (never as the client declared them).
 *
 * @param sha256          SHA-256 of the whole file, lower-case hex: what a court or a partner recomputes
 * @param size            in bytes
 * @param contentType     sniffed from the bytes, e.g. {@code application/pdf}
 * @param chunkSize       the size of the stored chunks (the last may be shorter)
 * @param chunkListSha256 SHA-256 over the chunks' SHA-256s in order, lower-case hex: binds every stored chunk to this
 *                        event, so a download verifies each chunk it sends, and a range only its own chunks
 */
public record EvidenceContent(String sha256, long size, String contentType, int chunkSize, String chunkListSha256) {
}
