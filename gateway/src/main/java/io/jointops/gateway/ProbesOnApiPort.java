package io.jointops.gateway;

import java.util.Map;

import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The liveness and readiness groups, status only, also on the API port: the launcher waits for the gateway's
 * readiness there, as for every service (docs/CONVENTIONS-services.md). The rest of the actuator (metrics, health,
 * info) answers on the management port only, which no Ingress routes. Spring Boot's own additional health paths take
 * a single segment ({@code /readyz}), not these.
 */
@Configuration(proxyBeanMethods = false)
class ProbesOnApiPort {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    static final String[] PATHS = {LIVENESS, READINESS};

    @Bean
    RouterFunction<ServerResponse> probes(HealthEndpoint health, HttpCodeStatusMapper statuses) {
        return RouterFunctions.route()
                .GET(LIVENESS, request -> probe(health, statuses, "liveness"))
                .GET(READINESS, request -> probe(health, statuses, "readiness"))
                .build();
    }

    /** The group's status as the actuator answers it (200 UP, 503 OUT_OF_SERVICE or DOWN), without details. */
    private static Mono<ServerResponse> probe(HealthEndpoint health, HttpCodeStatusMapper statuses, String group) {
        HealthComponent component = health.healthForPath(group);
        return ServerResponse.status(statuses.getStatusCode(component.getStatus()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", component.getStatus().getCode()));
    }
}
