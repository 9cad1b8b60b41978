package io.jointops.platform.bus;

import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import io.jointops.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Keeps the bus endpoints and the public API apart: bus paths answer only on the bus port and only with the shared
 * secret; the bus port answers nothing else.
 */
final class BusSecretFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BusSecretFilter.class);

    private final int busPort;
    private final byte[] secret;

    BusSecretFilter(int busPort, String secret) {
        this.busPort = busPort;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean onBusPort = request.getLocalPort() == busPort;
        boolean busPath = BusProperties.isBusPath(request.getRequestURI());
        if (onBusPort != busPath) {
            // the API port serves no bus path, the bus port nothing else
            ProblemResponses.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No such resource."));
            return;
        }
        if (busPath && !presentsSecret(request)) {
            log.warn("Refused command bus request without valid credential from {}", request.getRemoteAddr());
            // written here: sendError would dispatch to /error, which answers for the API port's security instead
            ProblemResponses.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The command bus takes requests of the platform's services only."));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean presentsSecret(HttpServletRequest request) {
        String presented = request.getHeader(BusProperties.SECRET_HEADER);
        // constant-time comparison: the secret must not leak through response timing
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
