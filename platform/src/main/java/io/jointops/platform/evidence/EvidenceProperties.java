package io.jointops.platform.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code jointops.evidence.*}: which of the service's items hold files, and how large a file of each type may be.
 *
 * @param itemTypes     the service's aggregate types that hold files (e.g. {@code JointCase}); none: no evidence
 * @param maxSize       per accepted type ({@code jointops.evidence.max-size.[application/pdf]=50MB}); key
 *                      {@code default} for the others
 * @param maxUploadSize the largest of them: what the body limits let through on an upload route (the services'
 *                      {@code web.RequestSizeLimit}, the gateway's, Tomcat's swallow size)
 * @param chunkSize     the size of the stored chunks of a new blob
 */
@ConfigurationProperties("jointops.evidence")
public record EvidenceProperties(List<String> itemTypes, Map<String, DataSize> maxSize, DataSize maxUploadSize,
                                 DataSize chunkSize) {

    public EvidenceProperties {
        itemTypes = itemTypes == null ? List.of() : List.copyOf(itemTypes);
        maxSize = maxSize == null ? Map.of() : lowerCaseKeys(maxSize);
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(50) : maxUploadSize;
        chunkSize = chunkSize == null ? DataSize.ofKilobytes(256) : chunkSize;
        for (Map.Entry<String, DataSize> limit : maxSize.entrySet()) {
            if (limit.getValue().toBytes() > maxUploadSize.toBytes()) {
                throw new IllegalArgumentException("jointops.evidence.max-size." + limit.getKey() + " ("
                        + limit.getValue() + ") is above jointops.evidence.max-upload-size (" + maxUploadSize
                        + "): the body limits would refuse such a file first");
            }
        }
        if (chunkSize.toBytes() < 4096 || chunkSize.toBytes() > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("jointops.evidence.chunk-size must be 4KB to 16MB");
        }
    }

    /** The largest file of {@code type} (an accepted type) taken. */
    public long limitFor(String type) {
        DataSize limit = maxSize.getOrDefault(type, maxSize.getOrDefault("default", maxUploadSize));
        return Math.min(limit.toBytes(), maxUploadSize.toBytes());
    }

    private static Map<String, DataSize> lowerCaseKeys(Map<String, DataSize> limits) {
        Map<String, DataSize> copy = new HashMap<>();
        limits.forEach((type, size) -> copy.put(type.toLowerCase(Locale.ROOT), size));
        return Map.copyOf(copy);
    }
}
