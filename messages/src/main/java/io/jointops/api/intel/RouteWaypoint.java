package io.jointops.api.intel;

import io.jointops.api.shared.NonPersonal;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One stop of a trafficking route, in order.
 *
 * @param country ISO 3166-1 alpha-2, e.g. {@code NL}
 */
@NonPersonal
public record RouteWaypoint(@NotBlank @Size(max = 200) String place, @NotBlank String country, @NotNull TransportMode transportMode, @Nullable @Size(max = 500) String concealmentMethod) {
}
