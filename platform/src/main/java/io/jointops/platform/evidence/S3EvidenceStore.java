package io.jointops.platform.evidence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Evidence bytes in an S3-compatible object store ({@code jointops.evidence.store=s3}): one object per content, at
 * {@code <prefix>sha256/<hash>}, written only once the platform has hashed every byte it received. An upload streams:
 * it holds one part ({@code part-size}) at most. A content that fits one part goes straight to its address once
 * hashed; a larger one is a multipart upload to {@code <prefix>uploads/<upload id>}, then copied to its address and
 * deleted. Deduplicated by an existence check of the address (an object there of another size is replaced). A read
 * is one ranged GET of the chunks it covers. Nothing else writes these keys; no object is ever deleted from its
 * address. A store that cannot be reached, or answers 5xx, is a 503 problem with {@code Retry-After}, as a database
 * outage is; what an upload stored until then is aborted as for any refused upload.
 */
final class S3EvidenceStore extends EvidenceStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3EvidenceStore.class);
    private static final String BYTES = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;

    S3EvidenceStore(JdbcClient jdbc, S3Client s3, String bucket, String prefix, int partSize) {
        super(jdbc);
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.partSize = partSize;
    }

    /**
     * The store of {@code jointops.evidence.s3}, its bucket checked: a service whose bucket is missing or refuses it
     * does not start. Its credentials are never logged.
     */
    static S3EvidenceStore connect(JdbcClient jdbc, EvidenceProperties.S3 config) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)).build())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .credentialsProvider(credentials(config))
                // only the checksums an operation requires: S3-compatible stores do not all take the trailing
                // checksums the SDK sends by default; the platform checks every chunk's SHA-256 itself
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (config.endpoint() != null) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        S3Client s3 = builder.build();
        String where = "bucket '" + config.bucket() + "' at " + (config.endpoint() == null ? "AWS S3 "
                + config.region() : config.endpoint());
        try {
            s3.headBucket(request -> request.bucket(config.bucket()));
        } catch (SdkException e) {
            s3.close();
            throw new IllegalStateException("jointops.evidence.store is s3, but " + where + " cannot be used: "
                    + e.getMessage(), e);
        }
        log.info("Evidence files are stored in {} (keys under '{}sha256/', parts of {} bytes)", where,
                config.keyPrefix(), config.partSize().toBytes());
        return new S3EvidenceStore(jdbc, s3, config.bucket(), config.keyPrefix(), (int) config.partSize().toBytes());
    }

    private static AwsCredentialsProvider credentials(EvidenceProperties.S3 config) {
        return config.accessKey() == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
    }

    /** Where the content of {@code sha256} is stored. */
    String key(String sha256) {
        return prefix + "sha256/" + sha256;
    }

    @Override
    Writer begin() {
        return new Upload(UUID.randomUUID());
    }

    /** Runs a call to the store, a passing outage of it (no answer, or a 5xx) answered as a 503 problem. */
    private static <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkClientException e) {
            throw unavailable(e);
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    private static EvidenceProblem unavailable(Exception e) {
        log.warn("Answered 503, the evidence object store is not reachable: {}", e.getMessage());
        return EvidenceProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "Evidence store unavailable", null,
                        "The service cannot reach its evidence object store right now; retry in a few seconds.")
                .header(HttpHeaders.RETRY_AFTER, "5");
    }

    @Override
    Chunks read(Blob blob, int first, int last) {
        long from = (long) first * blob.chunkSize();
        long to = Math.min(blob.size(), (long) (last + 1) * blob.chunkSize()) - 1;
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = call(() -> s3.getObject(request -> request.bucket(bucket).key(key(blob.sha256()))
                    .range("bytes=" + from + "-" + to)));
        } catch (S3Exception e) {
            if (e.statusCode() != 404 && e.statusCode() != 416) {
                throw e;
            }
            body = null; // gone, or shorter than its blob: every chunk reads empty and fails its hash
        }
        InputStream in = body == null ? InputStream.nullInputStream() : body;
        return new Chunks() {
            private int seq = first;

            @Override
            public byte[] next() {
                long start = (long) seq * blob.chunkSize();
                int length = (int) Math.min(blob.chunkSize(), blob.size() - start);
                seq++;
                try {
                    // a shorter object reads short (or empty) chunks, which fail their hashes
                    return in.readNBytes(length);
                } catch (IOException | SdkClientException e) {
                    throw unavailable(e); // the store went away while sending
                }
            }

            @Override
            public void close() {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** Never needed: {@link Writer#commit} puts a content whose object is missing (or of another size) back. */
    @Override
    boolean restores(Writer upload, String sha256, int chunkSize) {
        return false;
    }

    /** The object's chunks are read and hashed here: an object store hashes nothing for us that we could trust. */
    @Override
    OptionalInt firstAltered(Blob blob, int first, int last) {
        return firstAlteredAsRead(blob, first, last);
    }

    @Override
    public void close() {
        s3.close();
    }

    private OptionalLong size(String key) {
        try {
            return OptionalLong.of(call(() -> s3.headObject(request -> request.bucket(bucket).key(key)))
                    .contentLength());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    private static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, BYTES);
    }

    /** One upload: its first part in memory; past it, a multipart upload to a key of its own. */
    private final class Upload implements Writer {

        private final UUID id;
        private final String temporary;
        private final byte[] part = new byte[partSize];
        private int filled;
        private String multipart;
        private final List<CompletedPart> parts = new ArrayList<>();
        private boolean uploaded;

        Upload(UUID id) {
            this.id = id;
            this.temporary = prefix + "uploads/" + id;
        }

        @Override
        public UUID id() {
            return id;
        }

        @Override
        public void write(byte[] data, int length) {
            int offset = 0;
            while (offset < length) {
                if (filled == part.length) {
                    sendPart();
                }
                int n = Math.min(length - offset, part.length - filled);
                System.arraycopy(data, offset, part, filled, n);
                filled += n;
                offset += n;
            }
        }

        private void sendPart() {
            if (multipart == null) {
                multipart = call(() -> s3.createMultipartUpload(request -> request.bucket(bucket).key(temporary)
                        .contentType(BYTES))).uploadId();
            }
            int number = parts.size() + 1;
            String etag = call(() -> s3.uploadPart(request -> request.bucket(bucket).key(temporary).uploadId(multipart)
                    .partNumber(number).contentLength((long) filled), body(part, filled))).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        }

        @Override
        public void commit(String sha256, long size) {
            String key = key(sha256);
            OptionalLong stored = size(key);
            if (stored.isPresent() && stored.getAsLong() == size) {
                abort(); // stored already: this upload's bytes are not needed
                return;
            }
            if (multipart == null) {
                call(() -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(BYTES)
                        .contentLength((long) filled), body(part, filled)));
                return;
            }
            if (filled > 0) {
                sendPart();
            }
            call(() -> s3.completeMultipartUpload(request -> request.bucket(bucket).key(temporary).uploadId(multipart)
                    .multipartUpload(upload -> upload.parts(parts))));
            uploaded = true;
            call(() -> s3.copyObject(request -> request.sourceBucket(bucket).sourceKey(temporary)
                    .destinationBucket(bucket).destinationKey(key)));
            abort();
        }

        @Override
        public void abort() {
            try {
                if (uploaded) {
                    s3.deleteObject(request -> request.bucket(bucket).key(temporary));
                } else if (multipart != null) {
                    s3.abortMultipartUpload(request -> request.bucket(bucket).key(temporary).uploadId(multipart));
                }
                multipart = null;
                uploaded = false;
            } catch (SdkException e) {
                // what is left under uploads/ is never read; a bucket lifecycle rule removes it
                log.warn("Evidence upload {}: its temporary object {} could not be removed: {}", id, temporary,
                        e.getMessage());
            }
        }
    }
}
