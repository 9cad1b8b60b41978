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
 * @param store         where the bytes are: {@code postgresql} (the default, the service's own schema) or {@code s3}
 * @param s3            the S3-compatible object store, when {@code store} is {@code s3}
 */
@ConfigurationProperties("jointops.evidence")
public record EvidenceProperties(List<String> itemTypes, Map<String, DataSize> maxSize, DataSize maxUploadSize,
                                 DataSize chunkSize, Store store, S3 s3) {

    /** Where the bytes of evidence files are stored (what is stored of each stays in PostgreSQL either way). */
    public enum Store { POSTGRESQL, S3 }

    /**
     * {@code jointops.evidence.s3.*}: the bucket of an S3-compatible object store.
     *
     * @param endpoint  the store's URL (MinIO, Ceph, S3Proxy, ...); none: AWS S3 of {@code region}
     * @param region    the region requests are signed for ({@code us-east-1} unless told: most other stores take any)
     * @param bucket    the bucket, made beforehand (the service checks it at start and makes none)
     * @param pathStyle {@code true}: {@code endpoint/bucket/key} (most stores but AWS's); else the bucket's host name
     * @param accessKey with {@code secretKey}, the credentials; neither: the SDK's default chain (environment
     *                  {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, web identity token, instance profile)
     * @param secretKey never logged nor shown ({@link #toString()} leaves both keys out)
     * @param keyPrefix put before every key, e.g. {@code cases/} for services that share a bucket
     * @param partSize  the parts of a multipart upload, 5 MB at least (S3's limit); a file up to one part is one
     *                  request. An upload holds one part in memory at most, never the whole file
     */
    public record S3(String endpoint, String region, String bucket, boolean pathStyle, String accessKey,
                     String secretKey, String keyPrefix, DataSize partSize) {

        public S3 {
            endpoint = blankToNull(endpoint);
            region = blankToNull(region) == null ? "us-east-1" : region.strip();
            bucket = blankToNull(bucket);
            accessKey = blankToNull(accessKey);
            secretKey = blankToNull(secretKey);
            keyPrefix = keyPrefix == null ? "" : keyPrefix.strip();
            partSize = partSize == null ? DataSize.ofMegabytes(8) : partSize;
        }

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                    + ", credentials=" + (accessKey == null ? "the SDK's default chain" : "configured")
                    + ", keyPrefix=" + keyPrefix + ", partSize=" + partSize + "]";
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    public EvidenceProperties {
        itemTypes = itemTypes == null ? List.of() : List.copyOf(itemTypes);
        maxSize = maxSize == null ? Map.of() : lowerCaseKeys(maxSize);
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(50) : maxUploadSize;
        chunkSize = chunkSize == null ? DataSize.ofKilobytes(256) : chunkSize;
        store = store == null ? Store.POSTGRESQL : store;
        s3 = s3 == null ? new S3(null, null, null, false, null, null, null, null) : s3;
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
        if (store == Store.S3) {
            if (s3.bucket() == null) {
                throw new IllegalArgumentException("jointops.evidence.s3.bucket must name the bucket when "
                        + "jointops.evidence.store is s3");
            }
            if (s3.accessKey() == null != (s3.secretKey() == null)) {
                throw new IllegalArgumentException("jointops.evidence.s3.access-key and jointops.evidence.s3.secret-key "
                        + "go together: both, or neither for the SDK's default credentials");
            }
            if (s3.partSize().toBytes() < DataSize.ofMegabytes(5).toBytes()
                    || s3.partSize().toBytes() > DataSize.ofGigabytes(5).toBytes()) {
                throw new IllegalArgumentException("jointops.evidence.s3.part-size must be 5MB to 5GB (S3's limits)");
            }
            // a large file is uploaded to a temporary key and copied to its content's key in one request: up to 5 GB
            if (maxUploadSize.toBytes() > DataSize.ofGigabytes(5).toBytes()
                    || maxUploadSize.toBytes() / s3.partSize().toBytes() >= 10_000) {
                throw new IllegalArgumentException("jointops.evidence.max-upload-size (" + maxUploadSize + ") must be "
                        + "at most 5GB and fewer than 10,000 parts of jointops.evidence.s3.part-size with store s3");
            }
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
