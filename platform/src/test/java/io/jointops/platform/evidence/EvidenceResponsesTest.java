package io.jointops.platform.evidence;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ranges as RFC 9110 has them (one range served, the rest ignored), hashes, and a header no file name can break. */
class EvidenceResponsesTest {

    @Test
    void oneRangeIsServedAndWhatIsNotServedIsIgnored() {
        assertThat(EvidenceResponses.range("bytes=0-99", 1000)).containsExactly(0, 99);
        assertThat(EvidenceResponses.range("bytes=900-", 1000)).containsExactly(900, 999);
        assertThat(EvidenceResponses.range("bytes=-10", 1000)).containsExactly(990, 999);
        assertThat(EvidenceResponses.range("bytes=-5000", 1000)).containsExactly(0, 999);
        assertThat(EvidenceResponses.range("bytes=990-5000", 1000)).containsExactly(990, 999);
        assertThat(EvidenceResponses.range("bytes=0-1,5-6", 1000)).isNull();
        assertThat(EvidenceResponses.range("items=0-1", 1000)).isNull();
        assertThat(EvidenceResponses.range("bytes=9-1", 1000)).isNull();
        assertThat(EvidenceResponses.range("bytes=-", 1000)).isNull();
    }

    @Test
    void aRangePastTheEndIsUnsatisfiable() {
        assertThatThrownBy(() -> EvidenceResponses.range("bytes=1000-", 1000))
                .isInstanceOfSatisfying(EvidenceProblem.class, problem -> {
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
                    assertThat(problem.getHeaders().getFirst("Content-Range")).isEqualTo("bytes */1000");
                });
        assertThatThrownBy(() -> EvidenceResponses.range("bytes=-0", 1000)).isInstanceOf(EvidenceProblem.class);
    }

    @Test
    void noFileNameCanEndTheHeaderOrAddParameters() {
        String header = EvidenceResponses.contentDisposition("a\"; filename=evil.exe\r\nSet-Cookie: x=1\\%.pdf");
        assertThat(header).doesNotContain("\r", "\n").startsWith("attachment; filename=\"");
        assertThat(header).isEqualTo("attachment; filename=\"a_; filename=evil.exe__Set-Cookie: x=1__.pdf\"; "
                + "filename*=UTF-8''a%22%3B%20filename%3Devil.exe%0D%0ASet-Cookie%3A%20x%3D1%5C%25.pdf");
        assertThat(EvidenceResponses.contentDisposition("缉毒报告.pdf")).isEqualTo("attachment; "
                + "filename=\"____.pdf\"; filename*=UTF-8''%E7%BC%89%E6%AF%92%E6%8A%A5%E5%91%8A.pdf");
    }

    @Test
    void theChunkListHashIsTheHashOfTheChunksHashesInOrder() {
        // SHA-256("abc"), the FIPS 180-2 example
        assertThat(Hashes.hex(Hashes.sha256().digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        byte[] first = Hashes.sha256().digest("ab".getBytes(StandardCharsets.US_ASCII));
        byte[] second = Hashes.sha256().digest("c".getBytes(StandardCharsets.US_ASCII));
        byte[] list = new byte[64];
        System.arraycopy(first, 0, list, 0, 32);
        System.arraycopy(second, 0, list, 32, 32);
        assertThat(Hashes.chunk(list, 1)).isEqualTo(second);
        assertThat(Hashes.chunkList(list)).isEqualTo(Hashes.hex(Hashes.sha256().digest(list)))
                .isNotEqualTo(Hashes.chunkList(new byte[64]));
    }
}
