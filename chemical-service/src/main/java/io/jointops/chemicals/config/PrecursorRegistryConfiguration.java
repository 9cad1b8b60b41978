package io.jointops.chemicals.config;

import io.jointops.chemicals.command.ControlledPrecursors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

@Configuration(proxyBeanMethods = false)
class PrecursorRegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrecursorRegistryConfiguration.class);

    /**
     * Read once at start, so a broken registry stops the service instead of refusing notifications one by one.
     * The seed is the CSV beside {@code precursors.SOURCES.md}, which says where each row comes from.
     */
    @Bean
    ControlledPrecursors controlledPrecursors(
            @Value("${jointops.chemicals.precursor-registry:classpath:precursors/precursors.csv}") Resource registry) {
        try (InputStream csv = registry.getInputStream()) {
            ControlledPrecursors precursors = ControlledPrecursors.fromCsv(csv);
            log.info("Controlled precursor registry {}: {} substances, {} with a CAS RN", registry.getDescription(),
                    precursors.all().size(),
                    precursors.all().stream().filter(precursor -> precursor.casNumber() != null).count());
            return precursors;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the precursor registry " + registry.getDescription(), e);
        }
    }
}
