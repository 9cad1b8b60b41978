package io.jointops.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request Netty cannot decode (a request line over {@code server.netty.max-initial-line-length}, headers over
 * {@code server.max-http-request-header-size}, or garbage) never reaches Spring: Netty answered it with a bare 414,
 * 431 or 400 without a body. This handler, placed in front of Reactor Netty's own, answers it as an RFC 9457 problem
 * like every other refusal, with a length and {@code Connection: close}, so a client reads it at once.
 */
@Component
class OversizedRequests implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(OversizedRequests.class);

    private final byte[] uriTooLong;
    private final byte[] headersTooLarge;
    private final byte[] malformed;

    OversizedRequests(ObjectMapper objectMapper,
                      @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxInitialLine,
                      @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
        uriTooLong = problem(objectMapper, HttpResponseStatus.REQUEST_URI_TOO_LONG, "URI Too Long",
                "The request line is longer than the " + maxInitialLine.toBytes()
                        + " bytes the platform accepts; send long values in a request body.");
        headersTooLarge = problem(objectMapper, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "Request Header Fields Too Large",
                "The request headers are larger than the " + maxHeaders.toBytes() + " bytes the platform accepts.");
        malformed = problem(objectMapper, HttpResponseStatus.BAD_REQUEST, "Bad Request", "The request is not valid HTTP.");
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // present on HTTP/1.1 connections, the only protocol the gateway serves
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, "jointops.oversizedRequests", new Handler());
            }
        });
    }

    private final class Handler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                DecoderResult result = request.decoderResult();
                ReferenceCountUtil.release(msg);
                HttpResponseStatus status;
                byte[] body;
                if (result.cause() instanceof TooLongHttpLineException) {
                    status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                    body = uriTooLong;
                } else if (result.cause() instanceof TooLongHttpHeaderException) {
                    status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                    body = headersTooLarge;
                } else {
                    status = HttpResponseStatus.BAD_REQUEST;
                    body = malformed;
                }
                log.debug("Refused an undecodable request from {} with {}: {}", ctx.channel().remoteAddress(),
                        status.code(), result.cause().getMessage());
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                        Unpooled.wrappedBuffer(body));
                response.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        // the rest of this request cannot be read: this connection is done
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    private static byte[] problem(ObjectMapper objectMapper, HttpResponseStatus status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.code());
        problem.put("detail", detail);
        try {
            return objectMapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + status.code() + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
