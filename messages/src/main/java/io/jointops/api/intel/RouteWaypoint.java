package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;

/**
 * One stop of a trafficking route, in order.
 *
 * @param country ISO 3166-1 alpha-2, e.g. {@code NL}
 */
@NonPersonal
public record RouteWaypoint(String place, String country, TransportMode transportMode, String concealmentMethod) {
}
