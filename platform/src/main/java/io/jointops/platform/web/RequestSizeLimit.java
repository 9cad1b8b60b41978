package io.jointops.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Neither Tomcat nor Jackson bounds a JSON body, so one request could fill the heap: a body above
 * {@code jointops.max-request-size} is answered 413 as a problem. A declared {@code Content-Length} above it is
 * refused before anything reads the body; a body of unknown length (chunked) is counted as it is read, and the read
 * that passes the limit fails ({@link TooLarge}, answered 413 by {@link ProblemResponses}), so nothing is buffered
 * beyond what the reader (Jackson) holds, and the answer does not wait for the body's end.
 * <p>
 * An evidence upload ({@code POST .../evidence}, a file streamed as the body, never held whole) is bounded by
 * {@code jointops.evidence.max-upload-size} instead, the largest file of any type; the evidence code holds each
 * file to its type's own limit as it streams.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long uploadMaxBytes;

    RequestSizeLimit(long maxBytes, long uploadMaxBytes) {
        this.maxBytes = maxBytes;
        this.uploadMaxBytes = Math.max(maxBytes, uploadMaxBytes);
    }

    /** An evidence upload: a POST to an item's {@code /evidence}. */
    static boolean isEvidenceUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/evidence");
    }

    /** A read that took the body past the limit; an I/O failure, as the reader of a stream expects one. */
    static final class TooLarge extends IOException {
        private final long maxBytes;

        TooLarge(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes.");
            this.maxBytes = maxBytes;
        }

        long maxBytes() {
            return maxBytes;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = isEvidenceUpload(request) ? uploadMaxBytes : this.maxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, new TooLarge(maxBytes));
            return;
        }
        Counted counted = new Counted(request, maxBytes);
        try {
            chain.doFilter(counted, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a reader outside Spring MVC, whose failure no exception handler answered
            if (counted.exceeded != null && !response.isCommitted()) {
                response.reset();
                refuse(request, response, counted.exceeded);
                return;
            }
            throw e;
        }
    }

    /** The 413 problem, written here: the request never reached (or already left) Spring MVC. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, TooLarge tooLarge) throws IOException {
        // Tomcat closes the connection after a 413 (it discards at most server.tomcat.max-swallow-size of the rest)
        ProblemResponses.write(request, response, problem(tooLarge));
    }

    static ProblemDetail problem(TooLarge tooLarge) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage()
                + " Send less at once (e.g. split an import into several reports).");
        problem.setTitle("Payload Too Large");
        problem.setProperty("maxBytes", tooLarge.maxBytes());
        return problem;
    }

    /** The request whose body fails to read beyond {@code maxBytes}. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream in;
        private BufferedReader reader;
        private volatile TooLarge exceeded;

        Counted(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new CountingStream(super.getInputStream());
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        private final class CountingStream extends ServletInputStream {
            private final ServletInputStream delegate;
            private long count;

            CountingStream(ServletInputStream delegate) {
                this.delegate = delegate;
            }

            @Override
            public int read() throws IOException {
                int b = delegate.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = delegate.read(buffer, offset, length);
                if (read > 0) {
                    counted(read);
                }
                return read;
            }

            private void counted(int bytes) throws TooLarge {
                count += bytes;
                if (count > maxBytes) {
                    exceeded = new TooLarge(maxBytes);
                    throw exceeded;
                }
            }

            @Override
            public boolean isFinished() {
                return delegate.isFinished();
            }

            @Override
            public boolean isReady() {
                return delegate.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                delegate.setReadListener(listener);
            }
        }
    }
}
