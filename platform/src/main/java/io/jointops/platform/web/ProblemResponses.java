package io.jointops.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.shared.Rejection;
import io.jointops.platform.bus.RefusedBusMessageException;
import io.jointops.platform.replay.UnknownViewException;
import io.jointops.platform.replay.ViewRebuildingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every error is an RFC 9457 problem. Bad input names the field at fault; a refused command maps its
 * {@link Rejection} to a status; nothing internal (class names, stack traces) leaks to the caller.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** Jackson as Spring MVC writes a problem (RFC 9457 members at the top level), for the writes outside MVC. */
    private static final ObjectMapper PROBLEM_JSON = Jackson2ObjectMapperBuilder.json().build();

    /** One invalid field of a request: {@code errors[]} of a 400 problem. */
    record FieldError(String field, String detail) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                // a chunked body that passed the size limit while Jackson read it (Tomcat closes the connection after
                // a 413 by itself; a Connection header of ours would make it answer undelimited, read to the close)
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestSizeLimit.problem(tooLarge));
            }
        }
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = rootMessage(mapping);
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(field, reason))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        return invalid(List.of(new FieldError(ex.getName(), "has an invalid value")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        return invalid(ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    /** Invalid input found by the web layer itself (e.g. a malformed header). */
    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException ex) {
        return invalid(List.of(new FieldError(ex.field(), ex.getMessage())));
    }

    /** The same key with another body: 422 as the IETF draft on Idempotency-Key has it, naming the header. */
    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
        problem.setTitle("Idempotency-Key reused");
        problem.setProperty("field", IdempotencyKey.HEADER);
        return problem;
    }

    /** A bus peer's command of a foreign type, or one that cannot be read: bad input, never handled. */
    @ExceptionHandler(RefusedBusMessageException.class)
    ProblemDetail busMessageRefused(RefusedBusMessageException ex) {
        log.warn("Refused a command bus request: {}: {}", ex.field(), ex.getMessage());
        return invalid(List.of(new FieldError(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
        return ex.getDetails()
                .filter(Rejection.class::isInstance)
                .map(Rejection.class::cast)
                .map(ProblemResponses::rejected)
                .orElseGet(() -> DatabaseUnavailable.causedBy(ex) ? DatabaseUnavailable.problem(ex) : unexpected(ex));
    }

    @ExceptionHandler({NoHandlerForCommandException.class, CommandDispatchException.class})
    ResponseEntity<ProblemDetail> noHandler(Exception ex) {
        log.warn("Command could not be delivered: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service that handles this request is not reachable right now; retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /** A view asked for while it is being rebuilt: say so, rather than answer from a half-built view. */
    @ExceptionHandler(ViewRebuildingException.class)
    ResponseEntity<ProblemDetail> viewRebuilding(ViewRebuildingException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("View being rebuilt");
        problem.setProperty("processingGroup", ex.processingGroup());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(UnknownViewException.class)
    ProblemDetail unknownView(UnknownViewException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    static ResponseEntity<ProblemDetail> rejected(Rejection rejection) {
        HttpStatus status = switch (rejection.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        if (status == HttpStatus.BAD_REQUEST && rejection.field() != null) {
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(rejection.field(), rejection.detail()))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejection.detail());
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Command failed unexpectedly", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; it has been logged."));
    }

    /**
     * Writes {@code problem} as {@code application/problem+json}, for the errors answered before or outside Spring MVC
     * (a filter, Spring Security's firewall and its authentication handlers, the bus port's secret check, the servlet
     * container's own refusals): the same body MVC writes.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (problem.getInstance() == null && request != null) {
            instance(request.getRequestURI()).ifPresent(problem::setInstance);
        }
        byte[] body = json(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // delimited: a client reads the whole answer even while the server still discards the rest of a refused body
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** {@code problem} as MVC writes it (its properties as top-level members). */
    static String json(ProblemDetail problem) throws IOException {
        return PROBLEM_JSON.writeValueAsString(problem);
    }

    /** The request's path as a problem's {@code instance}, if it is a valid URI reference (a refused one may not be). */
    static Optional<URI> instance(String path) {
        try {
            return Optional.ofNullable(path).map(URI::create);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.detail()).collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof JsonMappingException mapping) {
            return mapping.getOriginalMessage().split("\n")[0];
        }
        return root.getMessage() == null ? "has an invalid value" : root.getMessage();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }
}
