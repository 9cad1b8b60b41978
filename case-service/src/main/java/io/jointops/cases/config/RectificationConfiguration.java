package io.jointops.cases.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.cases.command.StoredEvents;
import io.jointops.platform.privacy.PersonalData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a rectification order reads of the event store ({@link StoredEvents}): the stored event's metadata for its
 * agency, its envelopes' key ids ({@link PersonalData#MARK}) and those keys' subjects. Nothing is decrypted.
 */
@Configuration(proxyBeanMethods = false)
class RectificationConfiguration {

    @Bean
    StoredEvents storedEvents(DataSource dataSource, ObjectMapper json) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return (itemId, sequence) -> jdbc.sql("""
                        SELECT payload, meta_data FROM eventstore.domain_event_entry
                         WHERE aggregate_identifier = :item AND sequence_number = :sequence""")
                .param("item", itemId).param("sequence", sequence)
                .query((row, n) -> new byte[][]{row.getBytes("payload"), row.getBytes("meta_data")})
                .optional()
                .map(stored -> {
                    List<UUID> keys = new ArrayList<>();
                    envelopes(read(json, stored[0]), keys);
                    Set<String> subjects = keys.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("""
                                    SELECT DISTINCT subject_ref FROM eventstore.personal_data_key
                                     WHERE key_id IN (:keys)""")
                            .param("keys", keys).query(String.class).list());
                    JsonNode agency = stored[1] == null ? null : read(json, stored[1]).get("agency");
                    return new StoredEvents.StoredEvent(agency == null ? null : agency.asText(), subjects);
                });
    }

    private static void envelopes(JsonNode node, List<UUID> keys) {
        if (node.isObject() && node.has(PersonalData.MARK)) {
            keys.add(UUID.fromString(node.get(PersonalData.MARK).asText()));
            return;
        }
        node.forEach(child -> envelopes(child, keys));
    }

    private static JsonNode read(ObjectMapper json, byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
