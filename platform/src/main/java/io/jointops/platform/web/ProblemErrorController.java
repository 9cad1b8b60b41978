package io.jointops.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}, where an error outside Spring MVC's handlers ends: a failure in a
 * filter, a {@code sendError}) as a problem, in place of Boot's JSON or Whitelabel HTML, whatever the client accepts.
 * Only the status is taken from the error, never its message or exception. Asked for directly, there is nothing here.
 */
@RestController
@Hidden // no part of the API
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer given && given >= 400 ? given : HttpStatus.NOT_FOUND.value();
        ProblemDetail problem = ProblemErrorReportValve.problem(status);
        ProblemResponses.instance((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                .ifPresent(problem::setInstance);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
