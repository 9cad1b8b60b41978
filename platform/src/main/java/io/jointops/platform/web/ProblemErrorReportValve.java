package io.jointops.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers as problems: what Tomcat refuses before any servlet runs (a request it cannot parse, a
 * header too large, an invalid request target or percent-encoding, a path above the root or with a NUL) got its HTML
 * error page; this valve, in that page's place on the host, writes an RFC 9457 problem instead, as
 * {@link ProblemResponses} writes every other. Only the status is taken from Tomcat, never its message (which quotes
 * the request) or an exception.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's: nothing for a success, for an answer already (partly) written, or for an error reported already
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is gone: nobody would read the problem
        }
        try {
            String problem = ProblemResponses.json(problem(status));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(problem);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; as Tomcat's own report, nothing more to do
        }
    }

    static ProblemDetail problem(int status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), status == 400
                ? "The request is malformed (its request line, a header, or its path's characters or encoding) and was "
                        + "refused before it reached the service."
                : status == 404 ? "Nothing is found at this path."
                : status >= 500 ? "The request could not be completed." : "The request was refused.");
        HttpStatus known = HttpStatus.resolve(status);
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        return problem;
    }
}
