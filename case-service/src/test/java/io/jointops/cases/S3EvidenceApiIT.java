package io.jointops.cases;

import io.jointops.platform.test.TestObjectStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EvidenceApiIT}, every test of it, with the files' bytes in a real S3-compatible server (S3Proxy,
 * {@link TestObjectStore}) instead of PostgreSQL ({@code jointops.evidence.store=s3}): what the API answers does not
 * depend on the store. Only how the test looks at the stored bytes, and changes one, is the bucket's. Both run on one
 * database, in either order: the contents {@link EvidenceApiIT} stored in PostgreSQL are put in the bucket when
 * uploaded again here, and the other way round, as when a service changes its store.
 */
class S3EvidenceApiIT extends EvidenceApiIT {

    private static final String BUCKET = "case-evidence";
    /** By default each service's objects are under its schema's name. */
    private static final String PREFIX = "cases/";

    @DynamicPropertySource
    static void objectStore(DynamicPropertyRegistry registry) {
        TestObjectStore.register(registry, BUCKET);
    }

    /** One object at the content's address, and none left of the uploads. */
    @Override
    void assertStoredOnce(String sha256, int chunks) {
        assertThat(TestObjectStore.keys(BUCKET, PREFIX + "sha256/" + sha256)).containsExactly(PREFIX + "sha256/" + sha256);
        assertThat(TestObjectStore.keys(BUCKET, PREFIX + "uploads/")).isEmpty();
    }

    /** Someone with write access to the bucket replaces the object with one byte changed. */
    @Override
    void alterStoredByte(String sha256, long offset, byte value) {
        try (S3Client s3 = TestObjectStore.client()) {
            String key = PREFIX + "sha256/" + sha256;
            byte[] bytes = s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asByteArray();
            bytes[(int) offset] = value;
            s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
        }
    }
}
