package io.jointops.platform.web;

import io.jointops.platform.audit.AuditMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes the gateway's {@code X-Correlation-Id} and, if the client sent one, its {@code X-Client-Correlation-Id},
 * logs under them and hands them to the commands the request sends (audit metadata {@code correlationId} and
 * {@code clientCorrelationId}), so events and log lines of one request can be found together.
 *
 * <p>The gateway mints the correlation id of every request and overwrites whatever a client sent under that name,
 * so a client cannot choose the id auditors query by. This filter trusts both headers because only the gateway
 * reaches a service's API port: in Kubernetes the {@code services-api} NetworkPolicy admits the gateway (and
 * Prometheus' namespace for metrics), nothing else. A caller that reaches a service directly anyway (a test, an
 * operator on the machine) is still checked by the service for its token and roles, and its ids are only kept if
 * they are sane (1 to 64 of {@code A-Z a-z 0-9 . _ -}): a missing or unsafe correlation id is replaced by a new UUID,
 * an unsafe client id is dropped.
 */
public final class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String CLIENT_HEADER = "X-Client-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlationId = sane(given) ? given : UUID.randomUUID().toString();
        String clientId = request.getHeader(CLIENT_HEADER);
        MDC.put(AuditMetadata.MDC_CORRELATION_ID, correlationId);
        if (sane(clientId)) {
            MDC.put(AuditMetadata.MDC_CLIENT_CORRELATION_ID, clientId);
        }
        response.setHeader(HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(AuditMetadata.MDC_CORRELATION_ID);
            MDC.remove(AuditMetadata.MDC_CLIENT_CORRELATION_ID);
        }
    }

    private static boolean sane(String value) {
        return value != null && SANE.matcher(value).matches();
    }
}
