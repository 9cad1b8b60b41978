package io.jointops.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.lang.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * Spring's JSON converter with the body's length: Spring's own flushes the body once written, which commits the
 * response as chunked, so every JSON response cost Tomcat a second write (the last chunk) and the gateway a second
 * read, a hand-over between its event loops and a second write of its own (strace of one get). Written whole first,
 * the body goes out with its {@code Content-Length}, headers and body in one write. Only answers: a request this
 * converter writes for a client (the command bus's) is written as Spring writes it.
 */
final class SizedJsonConverter extends MappingJackson2HttpMessageConverter {

    SizedJsonConverter(ObjectMapper objectMapper) {
        super(objectMapper);
    }

    @Override
    protected void writeInternal(Object object, @Nullable Type type, HttpOutputMessage outputMessage) throws IOException {
        if (!(outputMessage instanceof ServerHttpResponse)) {
            super.writeInternal(object, type, outputMessage);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        super.writeInternal(object, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return outputMessage.getHeaders();
            }
        });
        outputMessage.getHeaders().setContentLength(body.size());
        body.writeTo(outputMessage.getBody());
    }
}
