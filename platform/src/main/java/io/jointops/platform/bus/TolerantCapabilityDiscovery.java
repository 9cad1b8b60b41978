package io.jointops.platform.bus;

import org.axonframework.commandhandling.distributed.CommandMessageFilter;
import org.axonframework.extensions.springcloud.commandhandling.mode.CapabilityDiscoveryMode;
import org.axonframework.extensions.springcloud.commandhandling.mode.MemberCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.ServiceInstance;

import java.util.Optional;

/**
 * A peer that cannot be asked for its capabilities (not up yet, restarting) is left out of routing until the next
 * heartbeat, instead of failing the membership update or being ignored for good.
 */
final class TolerantCapabilityDiscovery implements CapabilityDiscoveryMode {

    private static final Logger log = LoggerFactory.getLogger(TolerantCapabilityDiscovery.class);

    private final CapabilityDiscoveryMode delegate;

    TolerantCapabilityDiscovery(CapabilityDiscoveryMode delegate) {
        this.delegate = delegate;
    }

    @Override
    public void updateLocalCapabilities(ServiceInstance localInstance, int loadFactor, CommandMessageFilter commandFilter) {
        delegate.updateLocalCapabilities(localInstance, loadFactor, commandFilter);
    }

    @Override
    public Optional<MemberCapabilities> capabilities(ServiceInstance instance) {
        try {
            return delegate.capabilities(instance);
        } catch (Exception e) {
            log.info("Command bus peer {} at {} not reachable yet; retrying at the next heartbeat: {}",
                    instance.getServiceId(), instance.getUri(), e.getMessage());
            return Optional.empty();
        }
    }
}
