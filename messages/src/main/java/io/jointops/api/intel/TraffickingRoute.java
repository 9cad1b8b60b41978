package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import java.time.LocalDate;
import java.util.List;

/** A route reported in an intelligence report: ordered waypoints, what travels on it, and when it was seen. */
@NonPersonal
public record TraffickingRoute(List<RouteWaypoint> waypoints, List<String> substances, LocalDate firstSeen,
                               LocalDate lastSeen) {
}
