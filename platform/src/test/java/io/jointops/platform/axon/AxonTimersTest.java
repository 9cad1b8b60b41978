package io.jointops.platform.axon;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's message timers keep count, sum and max, without the client-side percentiles they ask for. */
class AxonTimersTest {

    @Test
    void axonsMessageTimersRecordNoPercentilesAndOtherTimersKeepTheirs() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new EventStoreConfiguration().axonTimersWithoutPercentiles());
        // as Axon's MessageTimerMonitor builds them
        Timer axon = Timer.builder("eventProcessor.allTimer").publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999)
                .tag("processorName", "case-view").register(registry);
        Timer other = Timer.builder("jointops.other").publishPercentiles(0.5, 0.99).register(registry);
        axon.record(Duration.ofMillis(3));
        other.record(Duration.ofMillis(3));

        assertThat(axon.takeSnapshot().percentileValues()).isEmpty();
        assertThat(axon.count()).isEqualTo(1);
        assertThat(axon.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(3.0);
        assertThat(other.takeSnapshot().percentileValues()).hasSize(2);
    }
}
