package io.jointops.platform.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.platform.feed.FeedConfiguration;
import io.jointops.platform.feed.FeedKind;
import io.jointops.platform.feed.PartnerFeed;
import io.jointops.platform.history.EventHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

/**
 * Webhooks in a service that has a partner feed ({@link FeedKind} beans): its copy of the agencies' webhooks, the
 * deliveries the feed's processor writes for them, their dispatcher and the service's part of the deliveries' list.
 * Every service needs the deployment's signing key, {@code jointops.webhooks.signing-key} (the launcher makes one,
 * Kubernetes takes it from the Secret {@code jointops-webhooks}); a service without it does not start.
 */
@AutoConfiguration(after = FeedConfiguration.class)
@ConditionalOnBean(FeedKind.class)
@Import(WebhookDeliveriesController.class)
public class WebhookConfiguration {

    @Bean
    WebhookSigning webhookSigning(@Value("${jointops.webhooks.signing-key:}") String key) {
        return new WebhookSigning(key);
    }

    /** @param allowLoopback let webhooks reach this machine's loopback addresses: tests, never a deployment */
    @Bean
    WebhookTargets webhookTargets(@Value("${jointops.webhooks.allow-loopback:false}") boolean allowLoopback) {
        return new WebhookTargets(allowLoopback);
    }

    @Bean
    WebhookRetries webhookRetries(@Value("${jointops.webhooks.retry.first:10s}") Duration first,
                                  @Value("${jointops.webhooks.retry.longest:1h}") Duration longest,
                                  @Value("${jointops.webhooks.retry.attempts:12}") int attempts) {
        return new WebhookRetries(first, longest, attempts);
    }

    @Bean
    WebhookSubscriptions webhookSubscriptions(DataSource dataSource, ObjectMapper json) {
        return new WebhookSubscriptions(JdbcClient.create(dataSource), json);
    }

    @Bean
    WebhookSubscriptionProjector webhookSubscriptionProjector(WebhookSubscriptions subscriptions) {
        return new WebhookSubscriptionProjector(subscriptions);
    }

    @Bean
    WebhookDeliveryTable webhookDeliveryTable(DataSource dataSource, ObjectMapper json,
                                              @Value("${jointops.schema}") String context) {
        return new WebhookDeliveryTable(JdbcClient.create(dataSource), json, context);
    }

    /** The dispatcher is looked up when deliveries commit: it needs the feed, whose processor needs this listener. */
    @Bean
    WebhookDeliveries webhookDeliveries(WebhookSubscriptions subscriptions, WebhookDeliveryTable deliveries,
                                        EventHistory history, ObjectProvider<WebhookDispatcher> dispatcher) {
        return new WebhookDeliveries(subscriptions, deliveries, history, () -> dispatcher.getObject().wake());
    }

    /**
     * @param trustStore the trust store receivers' certificates are checked against (PKCS12 unless
     *                   {@code trust-store-type} says otherwise); the JDK's when none is given
     */
    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(WebhookTargets targets,
                                @Value("${jointops.webhooks.trust-store:}") String trustStore,
                                @Value("${jointops.webhooks.trust-store-password:}") String trustStorePassword,
                                @Value("${jointops.webhooks.trust-store-type:PKCS12}") String trustStoreType,
                                @Value("${jointops.webhooks.connect-timeout:5s}") Duration connectTimeout,
                                @Value("${jointops.webhooks.response-timeout:10s}") Duration responseTimeout,
                                @Value("${jointops.webhooks.threads:4}") int threads) {
        return new WebhookSender(targets, tls(trustStore, trustStorePassword, trustStoreType), connectTimeout,
                responseTimeout, threads);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(WebhookDeliveryTable deliveries, WebhookSubscriptions subscriptions,
                                        PartnerFeed feed, WebhookSigning signing, WebhookTargets targets,
                                        WebhookSender sender, WebhookRetries retries, ObjectMapper json,
                                        @Value("${jointops.webhooks.threads:4}") int threads,
                                        @Value("${jointops.webhooks.idle-check:30s}") Duration idleCheck,
                                        @Value("${jointops.webhooks.keep:30d}") Duration keep) {
        return new WebhookDispatcher(deliveries, subscriptions, feed, signing, targets, sender, retries, json,
                threads, idleCheck, keep);
    }

    static SSLContext tls(String trustStore, String password, String type) {
        try {
            if (trustStore == null || trustStore.isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(type);
            try (InputStream in = Files.newInputStream(Path.of(trustStore))) {
                store.load(in, password.isEmpty() ? null : password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("jointops.webhooks.trust-store " + trustStore + " cannot be read: " + e, e);
        }
    }
}
