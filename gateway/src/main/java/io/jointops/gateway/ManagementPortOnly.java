package io.jointops.gateway;

import java.net.InetSocketAddress;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The management port serves the actuator and nothing else. Spring runs the gateway's filters and handler mappings
 * there too, so without this it routed API calls like the API port; Spring Cloud Gateway's own guard knows only a
 * management port configured as a number, not the free port picked locally.
 */
@Component
class ManagementPortOnly implements WebFilter, Ordered, ApplicationListener<WebServerInitializedEvent> {

    private final ProblemResponses problems;
    private volatile int managementPort = -1;

    ManagementPortOnly(ProblemResponses problems) {
        this.problems = problems;
    }

    /** The management server's port once it listens (its context publishes to this, its parent, too). */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            managementPort = event.getWebServer().getPort();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        if (local != null && local.getPort() == managementPort
                && !exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/")) {
            return problems.status(exchange, HttpStatus.NOT_FOUND);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
