package io.jointops.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.jointops.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 answered as RFC 9457 problems, like every other error of the API. */
final class ProblemAuthenticationHandlers {

    AuthenticationEntryPoint entryPoint() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jointops\"");
            write(request, response, HttpStatus.UNAUTHORIZED, "A valid bearer token of the jointops realm is required.");
        };
    }

    AccessDeniedHandler accessDenied() {
        return (request, response, exception) -> write(request, response, HttpStatus.FORBIDDEN,
                "Your roles or agency do not allow this request.");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                              String detail) throws IOException {
        ProblemResponses.write(request, response, ProblemDetail.forStatusAndDetail(status, detail));
    }
}
