package io.jointops.platform.evidence;

import io.jointops.platform.test.TestDatabase;
import io.jointops.platform.test.TestObjectStore;
import io.jointops.platform.test.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both stores of evidence bytes on what they are for, at the level of the store: PostgreSQL and a real S3-compatible
 * server (S3Proxy, {@link TestObjectStore}), each with a real PostgreSQL holding {@code evidence_blob}. A file larger
 * than an S3 part (a multipart upload, copied to its content's key), deduplication, ranges, a refused upload leaving
 * nothing, stored bytes changed or gone. The service-level round (upload, download, Range, 409) runs on both stores in
 * case-service's {@code EvidenceApiIT} and {@code S3EvidenceApiIT}.
 */
class EvidenceStoresIT {

    private static final String BUCKET = "evidence-stores-it";
    private static final String PREFIX = "it/";
    private static final int CHUNK = 256 * 1024;

    private static JdbcClient jdbc;
    private static S3EvidenceStore s3Store;
    private static PostgresEvidenceStore postgresStore;

    @BeforeAll
    static void stores() throws Exception {
        DriverManagerDataSource database = TestDatabase.ownDatabase("evidence_stores", false);
        jdbc = JdbcClient.create(database);
        String migration = new String(EvidenceStoresIT.class.getResourceAsStream(
                "/db/processing/V0_3__evidence_files.sql").readAllBytes(), StandardCharsets.UTF_8);
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute(migration);
        }
        try (S3Client s3 = TestObjectStore.client()) {
            s3.createBucket(request -> request.bucket(BUCKET));
        }
        s3Store = S3EvidenceStore.connect(jdbc, s3Config(BUCKET));
        postgresStore = new PostgresEvidenceStore(jdbc);
    }

    @AfterAll
    static void close() {
        if (s3Store != null) {
            s3Store.close();
        }
    }

    private static EvidenceProperties.S3 s3Config(String bucket) {
        return new EvidenceProperties.S3(TestObjectStore.endpoint(), TestObjectStore.REGION, bucket, true,
                TestObjectStore.ACCESS_KEY, TestObjectStore.SECRET_KEY, PREFIX, DataSize.ofMegabytes(5));
    }

    private static EvidenceStore store(String which) {
        return which.equals("s3") ? s3Store : postgresStore;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "s3"})
    void aLargeFileIsStoredOnceUnderItsHashAndReadBackWholeOrInPart(String which) {
        EvidenceStore store = store(which);
        byte[] content = random(12 * 1024 * 1024 + 1000, which.hashCode()); // three parts of 5 MB in S3, 49 chunks
        EvidenceStore.Blob blob = upload(store, content);
        assertThat(blob.size()).isEqualTo(content.length);
        assertThat(blob.chunks()).isEqualTo(49);
        assertThat(read(store, blob, 0, blob.chunks() - 1)).isEqualTo(content);
        assertThat(read(store, blob, 20, 21)).isEqualTo(Arrays.copyOfRange(content, 20 * CHUNK, 22 * CHUNK));
        assertThat(read(store, blob, 48, 48)).isEqualTo(Arrays.copyOfRange(content, 48 * CHUNK, content.length));
        assertThat(store.firstAltered(blob, 0, blob.chunks() - 1)).isEmpty();

        // the same content again: the blob of the first upload, stored once
        EvidenceStore.Blob again = upload(store, content);
        assertThat(again.uploadId()).isEqualTo(blob.uploadId());
        if (store == s3Store) {
            assertThat(TestObjectStore.keys(BUCKET, PREFIX)).containsOnlyOnce(PREFIX + "sha256/" + blob.sha256())
                    .noneMatch(key -> key.startsWith(PREFIX + "uploads/"));
            assertThat(multipartUploadsInProgress()).isZero();
        } else {
            assertThat(jdbc.sql("SELECT count(*) FROM evidence_chunk WHERE upload_id = :first")
                    .param("first", blob.uploadId()).query(Long.class).single()).isEqualTo(49);
            assertThat(unheldChunks()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "s3"})
    void aRefusedUploadLeavesNothingStored(String which) {
        EvidenceStore store = store(which);
        byte[] content = random(11 * 1024 * 1024, 7 + which.hashCode());
        EvidenceStore.Writer upload = store.begin();
        for (int offset = 0; offset < content.length; offset += CHUNK) {
            upload.write(Arrays.copyOfRange(content, offset, Math.min(content.length, offset + CHUNK)),
                    Math.min(CHUNK, content.length - offset));
        }
        upload.abort(); // e.g. the upload passed its limit
        if (store == s3Store) {
            assertThat(TestObjectStore.keys(BUCKET, PREFIX + "uploads/")).isEmpty();
            assertThat(multipartUploadsInProgress()).isZero();
            assertThat(TestObjectStore.keys(BUCKET, PREFIX + "sha256/" + sha256(content))).isEmpty();
        } else {
            assertThat(jdbc.sql("SELECT count(*) FROM evidence_chunk WHERE upload_id = :id")
                    .param("id", upload.id()).query(Long.class).single()).isZero();
        }
    }

    @Test
    void storedBytesChangedOrGoneFromTheBucketAreFound() {
        byte[] content = random(3 * CHUNK + 10, 99);
        EvidenceStore.Blob blob = upload(s3Store, content);
        String key = PREFIX + "sha256/" + blob.sha256();
        byte[] altered = content.clone();
        altered[2 * CHUNK + 5] ^= 1;
        try (S3Client s3 = TestObjectStore.client()) {
            // someone with write access to the bucket replaces the object
            s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(altered));
            assertThat(s3Store.firstAltered(blob, 0, 3)).isEqualTo(OptionalInt.of(2));
            assertThat(s3Store.firstAltered(blob, 0, 1)).isEmpty(); // a range before the change reads intact
            // a shorter object: its last chunk is short
            s3.putObject(request -> request.bucket(BUCKET).key(key),
                    RequestBody.fromBytes(Arrays.copyOf(content, content.length - 1)));
            assertThat(s3Store.firstAltered(blob, 2, 3)).isEqualTo(OptionalInt.of(3));
            // uploaded again, the content replaces the object of another size at its key
            upload(s3Store, content);
            assertThat(s3Store.firstAltered(blob, 0, 3)).isEmpty();
            // gone
            s3.deleteObject(request -> request.bucket(BUCKET).key(key));
            assertThat(s3Store.firstAltered(blob, 1, 3)).isEqualTo(OptionalInt.of(1));
            assertThat(read(s3Store, blob, 0, 0)).isEmpty();
            // uploaded again, the content is put back under its key (the object there was missing)
            upload(s3Store, content);
            assertThat(s3Store.firstAltered(blob, 0, 3)).isEmpty();
        }
    }

    @Test
    void aContentWhoseBytesTheStoreLacksHasThemBackFromItsNextUpload() {
        // stored while the service used S3; the service now uses PostgreSQL, which holds none of its chunks
        byte[] content = random(2 * CHUNK + 77, 1234);
        EvidenceStore.Blob inS3 = upload(s3Store, content);
        assertThat(postgresStore.firstAltered(inS3, 0, 2)).isEqualTo(OptionalInt.of(0));
        EvidenceStore.Blob restored = upload(postgresStore, content);
        assertThat(restored.uploadId()).isNotEqualTo(inS3.uploadId());
        assertThat(postgresStore.firstAltered(restored, 0, 2)).isEmpty();
        assertThat(read(postgresStore, restored, 0, 2)).isEqualTo(content);
        // one chunk lost in PostgreSQL: the next upload's chunks replace the blob's, whose others are deleted
        jdbc.sql("DELETE FROM evidence_chunk WHERE upload_id = :id AND seq = 1").param("id", restored.uploadId())
                .update();
        EvidenceStore.Blob again = upload(postgresStore, content);
        assertThat(again.uploadId()).isNotIn(restored.uploadId(), inS3.uploadId());
        assertThat(read(postgresStore, again, 0, 2)).isEqualTo(content);
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_chunk WHERE upload_id = :id")
                .param("id", restored.uploadId()).query(Long.class).single()).isZero();
        // intact, a further upload changes nothing and leaves nothing
        EvidenceStore.Blob intact = upload(postgresStore, content);
        assertThat(intact.uploadId()).isEqualTo(again.uploadId());
        assertThat(unheldChunks()).isZero();
        // and back to S3, whose object is still there: stored once
        assertThat(upload(s3Store, content).uploadId()).isEqualTo(again.uploadId());
        assertThat(s3Store.firstAltered(intact, 0, 2)).isEmpty();
    }

    @Test
    void aStoreThatCannotBeReachedIsA503Problem() {
        try (S3Client unreachable = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(TestObjectStore.REGION)).forcePathStyle(true)
                .endpointOverride(URI.create("http://127.0.0.1:" + TestService.freePort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            S3EvidenceStore store = new S3EvidenceStore(jdbc, unreachable, BUCKET, PREFIX, 5 * 1024 * 1024);
            assertThatThrownBy(() -> upload(store, random(1000, 5))).isInstanceOfSatisfying(EvidenceProblem.class,
                    problem -> {
                        assertThat(problem.getStatusCode().value()).isEqualTo(503);
                        assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                    });
            EvidenceStore.Blob blob = new EvidenceStore.Blob(sha256(new byte[1]), 1, "text/plain", CHUNK, new byte[32],
                    java.util.UUID.randomUUID());
            assertThatThrownBy(() -> store.firstAltered(blob, 0, 0)).isInstanceOf(EvidenceProblem.class);
        }
    }

    @Test
    void aMissingBucketStopsTheStartAndTheSecretIsNeverShown() {
        assertThatThrownBy(() -> S3EvidenceStore.connect(jdbc, s3Config("no-such-bucket")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-bucket").hasMessageContaining(TestObjectStore.endpoint())
                .hasMessageNotContaining(TestObjectStore.SECRET_KEY);
        EvidenceProperties.S3 config = s3Config(BUCKET);
        assertThat(config.toString()).doesNotContain(TestObjectStore.SECRET_KEY)
                .doesNotContain(TestObjectStore.ACCESS_KEY);
        assertThatThrownBy(() -> new EvidenceProperties(null, null, null, null, EvidenceProperties.Store.S3,
                new EvidenceProperties.S3(null, null, null, true, null, null, null, null)))
                .hasMessageContaining("jointops.evidence.s3.bucket");
        assertThatThrownBy(() -> new EvidenceProperties(null, null, null, null, EvidenceProperties.Store.S3,
                new EvidenceProperties.S3(null, null, "b", true, "only-the-access-key", null, null, null)))
                .hasMessageContaining("jointops.evidence.s3.secret-key");
        assertThatThrownBy(() -> new EvidenceProperties(null, null, null, null, EvidenceProperties.Store.S3,
                new EvidenceProperties.S3(null, null, "b", true, null, null, null, DataSize.ofMegabytes(1))))
                .hasMessageContaining("jointops.evidence.s3.part-size");
    }

    /** Streams {@code content} in as {@link Upload} does: one chunk at a time, hashed on the way. */
    private static EvidenceStore.Blob upload(EvidenceStore store, byte[] content) {
        EvidenceStore.Writer upload = store.begin();
        byte[] chunk = new byte[CHUNK];
        ByteArrayOutputStream hashes = new ByteArrayOutputStream();
        for (int offset = 0; offset < content.length; offset += CHUNK) {
            int length = Math.min(CHUNK, content.length - offset);
            System.arraycopy(content, offset, chunk, 0, length);
            upload.write(chunk, length);
            MessageDigest digest = Hashes.sha256();
            digest.update(content, offset, length);
            hashes.writeBytes(digest.digest());
        }
        return store.finish(upload, sha256(content), content.length, "application/octet-stream", CHUNK,
                hashes.toByteArray());
    }

    private static byte[] read(EvidenceStore store, EvidenceStore.Blob blob, int first, int last) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EvidenceStore.Chunks chunks = store.read(blob, first, last)) {
            for (int seq = first; seq <= last; seq++) {
                bytes.writeBytes(chunks.next());
            }
        }
        return bytes.toByteArray();
    }

    /** Chunks in PostgreSQL of an upload that no blob holds. */
    private static long unheldChunks() {
        return jdbc.sql("""
                        SELECT count(*) FROM evidence_chunk c
                         WHERE NOT EXISTS (SELECT 1 FROM evidence_blob b WHERE b.upload_id = c.upload_id)""")
                .query(Long.class).single();
    }

    private static int multipartUploadsInProgress() {
        try (S3Client s3 = TestObjectStore.client()) {
            return s3.listMultipartUploads(request -> request.bucket(BUCKET)).uploads().size();
        }
    }

    private static String sha256(byte[] content) {
        return Hashes.hex(Hashes.sha256().digest(content));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
