package io.jointops.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;

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
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request Netty cannot decode (a request line over {@code server.netty.max-initial-line-length}, headers over
 * {@code server.max-http-request-header-size}, or garbage) never reaches Spring: Netty answered it with a bare 414,
 * 431 or 400 without a body; nor does one whose target is no URI (a raw backslash, {@code |}, {@code "}, a broken
 * {@code %} escape): Spring answered it with an empty 400. This handler, placed in front of Reactor Netty's own,
 * answers each as an RFC 9457 problem like every other refusal, with a correlation id of its own, a length and
 * {@code Connection: close}, so a client reads it at once.
 */
@Component
class UndecodableRequests implements NettyServerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(UndecodableRequests.class);

    private final byte[] uriTooLong;
    private final byte[] headersTooLarge;
    private final byte[] malformed;
    private final byte[] notAUri;

    UndecodableRequests(ObjectMapper objectMapper,
                      @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxInitialLine,
                      @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders) {
        uriTooLong = problem(objectMapper, HttpResponseStatus.REQUEST_URI_TOO_LONG,
                "The request line is longer than the " + maxInitialLine.toBytes() + " bytes the platform"
                        + " accepts; send long values in a request body.");
        headersTooLarge = problem(objectMapper, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "The request headers are larger than the " + maxHeaders.toBytes() + " bytes the platform accepts.");
        malformed = problem(objectMapper, HttpResponseStatus.BAD_REQUEST, "The request is not valid HTTP.");
        notAUri = problem(objectMapper, HttpResponseStatus.BAD_REQUEST, "The request target is not a valid URI:"
                + " characters such as '\\', '|', '\"', '{' or a space must be percent-encoded, and '%' starts an"
                + " escape of two hex digits.");
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // present on HTTP/1.1 connections, the only protocol the gateway serves
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, "jointops.undecodableRequests", new Handler());
            }
        });
    }

    private final class Handler extends ChannelInboundHandlerAdapter {

        /** A request of this connection was refused: the rest of what it sends is dropped until it is closed. */
        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                DecoderResult result = request.decoderResult();
                ReferenceCountUtil.release(msg);
                if (result.cause() instanceof TooLongHttpLineException) {
                    refuse(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG, uriTooLong, result.cause().getMessage());
                } else if (result.cause() instanceof TooLongHttpHeaderException) {
                    refuse(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, headersTooLarge, result.cause().getMessage());
                } else {
                    refuse(ctx, HttpResponseStatus.BAD_REQUEST, malformed, result.cause().getMessage());
                }
                return;
            }
            if (msg instanceof HttpRequest request && !isUri(request.uri())) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, HttpResponseStatus.BAD_REQUEST, notAUri, "not a URI");
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] body, String why) {
            refused = true;
            String correlationId = UUID.randomUUID().toString();
            log.debug("Refused an undecodable request from {} with {} (correlation id {}): {}",
                    ctx.channel().remoteAddress(), status.code(), correlationId, why);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(CorrelationIdFilter.HEADER, correlationId)
                    // the rest of this request cannot be read: this connection is done
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * Whether Spring can make a {@link URI} of this request target, as it does for every request. A loop lets the
     * usual target through; only one with a character outside the plain ones is parsed.
     */
    static boolean isUri(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
            if (!plain) {
                try {
                    new URI(target);
                    return true;
                } catch (URISyntaxException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Written by the one problem writer, without an instance: the request's path could not be read. */
    private static byte[] problem(ObjectMapper objectMapper, HttpResponseStatus status, String detail) {
        return ProblemResponses.body(objectMapper, HttpStatusCode.valueOf(status.code()), detail, null, null);
    }
}
