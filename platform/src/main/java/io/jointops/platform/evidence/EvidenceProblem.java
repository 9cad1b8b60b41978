package io.jointops.platform.evidence;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/**
 * A refused evidence request as an RFC 9457 problem, answered by the platform's one problem writer (an
 * {@link ErrorResponseException}, which {@code web.ProblemResponses} writes like every other): the field or header at
 * fault in {@code errors[]}, as the 400s name theirs.
 */
final class EvidenceProblem extends ErrorResponseException {

    private final HttpHeaders headers = new HttpHeaders();

    private EvidenceProblem(HttpStatus status, ProblemDetail problem) {
        super(status, problem, null);
    }

    static EvidenceProblem of(HttpStatus status, String title, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field == null ? detail : field + ": " + detail);
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "detail", detail)));
        }
        return new EvidenceProblem(status, problem);
    }

    EvidenceProblem with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    EvidenceProblem header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
