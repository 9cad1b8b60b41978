package io.jointops.platform.webhook;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one delivery: an HTTPS {@code POST} of the signed body, TLS 1.2 or 1.3 with the host name verified against the
 * configured trust store (the JDK's by default), no redirects followed, no retries of its own (the dispatcher retries),
 * no proxy, no cookies. It connects only to addresses {@link WebhookTargets} allows: the name is resolved by its own
 * resolver, which refuses the whole host if any address it resolves to is refused, and the connection goes to those
 * very addresses (a name cannot resolve to a public address for the check and a private one for the connection).
 */
final class WebhookSender implements AutoCloseable {

    /** The receiver's answer, or why there was none ({@code status} 0). */
    record Outcome(int status, String error) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    /** A target address the deliveries may not connect to. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    private final CloseableHttpClient client;
    private final Duration deadline;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(WebhookTargets targets, SSLContext tls, Duration connectTimeout, Duration responseTimeout,
                  int connections) {
        this.deadline = connectTimeout.plus(responseTimeout).multipliedBy(2);
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
                for (InetAddress address : addresses) {
                    String why = targets.refusal(address);
                    if (why != null) {
                        throw new RefusedAddress(host + " resolves to " + why + " (" + address.getHostAddress()
                                + "), which webhooks may not reach");
                    }
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls)
                                .setTlsVersions(TLS.V_1_3, TLS.V_1_2).buildClassic())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(responseTimeout))
                                .build())
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout))
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("JointOps-Webhooks/1")
                .build();
    }

    /** The longest an attempt takes: it is cut off then. */
    Duration deadline() {
        return deadline;
    }

    /** Posts {@code body} to {@code url} with {@code headers}; the answer's status, or why there was none. */
    Outcome post(URI url, Map<String, String> headers, byte[] body) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        // the status is all that counts; the attempt as a whole is cut off after its deadline, so that a receiver that
        // answers byte by byte (each within the socket timeout) or never stops sending holds no thread for long
        ScheduledFuture<?> abort = deadlines.schedule(post::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            int status = response.getCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "answered HTTP " + status);
        } catch (RefusedAddress refused) {
            return new Outcome(0, refused.getMessage());
        } catch (IOException e) {
            return new Outcome(0, post.isCancelled() ? "no answer within " + deadline.toSeconds() + " s"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            abort.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
