package io.jointops.platform.bus;

import org.springframework.cloud.client.serviceregistry.Registration;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** This instance as a command bus member; the router writes its routing information into the mutable metadata. */
final class BusRegistration implements Registration {

    private final String serviceId;
    private final URI uri;
    private final Map<String, String> metadata = new HashMap<>();

    BusRegistration(String serviceId, URI uri) {
        this.serviceId = serviceId;
        this.uri = uri;
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    @Override
    public String getHost() {
        return uri.getHost();
    }

    @Override
    public int getPort() {
        return uri.getPort();
    }

    @Override
    public boolean isSecure() {
        return "https".equals(uri.getScheme());
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public Map<String, String> getMetadata() {
        return metadata;
    }
}
