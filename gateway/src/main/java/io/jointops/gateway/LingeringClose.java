package io.jointops.gateway;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Closes a connection whose request is still arriving (a 413 for a body too large, a 414 or 431 before a body) the
 * way nginx's {@code lingering_close} does: the answer is sent, the gateway's side shut down, and what the client
 * still sends read and dropped for up to {@link #LINGER_MILLIS} ms or {@link #LINGER_BYTES} bytes before the socket is
 * closed. Closing at once, with the client's bytes unread, makes the kernel reset the connection, and a reset
 * discards the answer the client had not read yet: the client saw "connection reset" instead of the problem, about one
 * time in four for a chunked body (GatewayTest).
 */
@Component
class LingeringClose implements NettyServerCustomizer {

    static final long LINGER_MILLIS = 2_000;
    static final long LINGER_BYTES = 64L * 1024 * 1024;

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // present on HTTP/1.1 connections, the only protocol the gateway serves; ahead of every other handler
            // of the request, so it sees each request start and end
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null
                    && channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "jointops.lingeringClose", new Handler());
            }
        });
    }

    private static final class Handler extends ChannelDuplexHandler {

        /** A request started and its last content has not come yet. */
        private boolean requestUnfinished;
        private boolean lingering;
        private long dropped;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (lingering) {
                if (msg instanceof ByteBufHolder content) {
                    dropped += content.content().readableBytes();
                }
                ReferenceCountUtil.release(msg);
                if (dropped > LINGER_BYTES) {
                    ctx.close();
                }
                return;
            }
            if (msg instanceof HttpRequest) {
                requestUnfinished = true;
            }
            if (msg instanceof LastHttpContent) {
                requestUnfinished = false;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
            if (lingering || !requestUnfinished || !ctx.channel().isActive()
                    || !(ctx.channel() instanceof DuplexChannel duplex)) {
                super.close(ctx, promise);
                return;
            }
            lingering = true;
            duplex.shutdownOutput().addListener(shutdown -> {
                ctx.channel().config().setAutoRead(true);
                ctx.read();
                ctx.executor().schedule(() -> ctx.close(promise), LINGER_MILLIS, TimeUnit.MILLISECONDS);
            });
        }
    }
}
