package io.jointops.gateway;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web console (module {@code console}, on the classpath under {@code console/}): its page at {@code /}, its files
 * under {@code /console/}, and {@code /console/config.json}, the realm and public client it logs in with. The files are
 * public; everything they show comes from the API with the user's own token. Not routes: nothing is proxied.
 */
@Configuration(proxyBeanMethods = false)
class Console {

    /** What the security chain lets through without a token (GET only), and the Ingress routes to the gateway. */
    static final String[] PATHS = {"/", "/console/**"};

    @Bean
    RouterFunction<ServerResponse> consoleFiles(@Value("${jointops.issuer-uri}") String issuer,
                                                @Value("${jointops.console.client-id:jointops-web}") String clientId,
                                                ObjectMapper json) throws JsonProcessingException {
        String config = json.writeValueAsString(Map.of("issuer", issuer, "clientId", clientId));
        String policy = contentSecurityPolicy(issuer);
        HandlerFilterFunction<ServerResponse, ServerResponse> headers = (request, next) -> {
            request.exchange().getResponse().getHeaders().set("Content-Security-Policy", policy);
            request.exchange().getResponse().getHeaders().set("Referrer-Policy", "no-referrer");
            return next.handle(request);
        };
        ClassPathResource page = new ClassPathResource("console/index.html");
        return RouterFunctions.route(RequestPredicates.GET("/"),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .andRoute(RequestPredicates.GET("/console/config.json"),
                        request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(config))
                .and(RouterFunctions.resources("/console/**", new ClassPathResource("console/")))
                .filter(headers);
    }

    /**
     * Scripts and styles from the console's own files only (no inline script: a stored value that reaches the page as
     * markup cannot run); the API on the same origin, Keycloak's token endpoint on the issuer's; no frames of or in it.
     */
    static String contentSecurityPolicy(String issuer) {
        URI uri = URI.create(issuer);
        String keycloak = uri.getScheme() + "://" + uri.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + keycloak + "; frame-src 'none'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }
}
