package io.jointops.api.privacy;

/** Who acts on an erasure order, from the token: the order's four-eyes rule compares usernames. */
public record ErasureOfficer(String username, String agency, boolean supervisor) {
}
