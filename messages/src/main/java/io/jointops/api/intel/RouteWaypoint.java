package io.jointops.api.intel;

/**
 * One stop of a trafficking route, in order.
 *
 * @param country ISO 3166-1 alpha-2, e.g. {@code NL}
 */
public record RouteWaypoint(String place, String country, TransportMode transportMode, String concealmentMethod) {
}
