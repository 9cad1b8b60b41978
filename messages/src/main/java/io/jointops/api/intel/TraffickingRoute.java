package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A route reported in an intelligence report: ordered waypoints, what travels on it, and when it was seen. */
@NonPersonal
public record TraffickingRoute(List<@NotNull @Valid RouteWaypoint> waypoints,
                               List<@NotBlank @Size(max = 200) String> substances, LocalDate firstSeen,
                               LocalDate lastSeen) {
}
