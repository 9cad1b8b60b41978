package io.jointops.api.intel;

/** requested → acknowledged by the platform → removed | rejected; a removed item that reappears is requested again. */
public enum TakedownStatus {
    REQUESTED,
    ACKNOWLEDGED,
    REMOVED,
    REJECTED
}
