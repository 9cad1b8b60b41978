package io.jointops.platform.openapi;

import io.jointops.platform.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * What every service's OpenAPI document leaves out: the {@link Caller} argument of the controllers, which comes from
 * the validated token and never from the request (springdoc would list it as a query parameter). The internal command
 * bus endpoints are excluded by {@code springdoc.paths-to-exclude} in jointops-defaults.properties.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocuments {

    static {
        // springdoc's documented way to hide an argument type resolved by the application itself; global by design
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
