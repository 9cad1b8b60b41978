package io.jointops.api.intel;

/** What a takedown request asks an online platform to remove. */
public enum TakedownContentType {
    LISTING,
    POST,
    ACCOUNT,
    CHANNEL
}
