package io.jointops.api.cases;

/**
 * Who asks, as the caller's token states it (never from a request body): aggregates decide permissions from it.
 *
 * @param supervisor whether the token carries the {@code supervisor} realm role
 */
public record CaseActor(String username, String agency, boolean supervisor) {
}
