package io.jointops.platform.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStoreConfigurationTest {

    /** Claims extended too seldom for their timeout would let another replica take live segments: refused at start. */
    @Test
    void aClaimExtensionIntervalTooLongForTheClaimTimeoutIsRefused() {
        assertThatThrownBy(() -> new EventStoreConfiguration().tokenStore(null, null, null, null, "case-service", 8081,
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jointops.processing.claim-extension-interval");
    }
}
