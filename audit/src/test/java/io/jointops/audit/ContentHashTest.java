package io.jointops.audit;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical form as docs/audit-format.md specifies it. The expected hashes were computed independently from that
 * text (Python's hashlib over the byte layout), so the code, the document and the verifier agree.
 */
class ContentHashTest {

    static final StoredEvent FIRST = new StoredEvent("e-0", "case-1", 0, "JointCase",
            "io.jointops.api.cases.CaseOpenedEvent", "1", "2025-06-15T15:06:40Z",
            "{\"title\":\"Opération Nightjar\"}".getBytes(StandardCharsets.UTF_8),
            "{\"agency\":\"CN-NNCC\"}".getBytes(StandardCharsets.UTF_8));
    static final StoredEvent SECOND = new StoredEvent("e-1", "case-1", 1, null,
            "io.jointops.api.cases.PartnerAddedEvent", null, "2025-06-15T15:06:41.5Z", "{}".getBytes(), null);

    final ContentHash hash = new ContentHash();

    @Test
    void matchesTheDocumentedVectors() {
        byte[] first = hash.of(FIRST, ContentHash.GENESIS);
        assertThat(HexFormat.of().formatHex(first)).isEqualTo("4ce50c78579d0ba4d8a2214089df5adc2bfc3742c658ac412c39c2eb0ebfe615");
        assertThat(HexFormat.of().formatHex(hash.of(SECOND, first)))
                .isEqualTo("958129a69b91ab9e32e0ab2456b1fae5f6d22bae8681bc4548a29f0e2bfff3fa");
    }

    @Test
    void everyFieldAndThePreviousHashCount() {
        byte[] base = hash.of(FIRST, ContentHash.GENESIS);
        byte[] otherPrevious = new byte[32];
        otherPrevious[31] = 1;
        assertThat(hash.of(FIRST, otherPrevious)).isNotEqualTo(base);
        StoredEvent[] variants = {
                new StoredEvent("e-9", "case-1", 0, "JointCase", FIRST.payloadType(), "1", FIRST.timeStamp(), FIRST.payload(), FIRST.metaData()),
                new StoredEvent("e-0", "case-2", 0, "JointCase", FIRST.payloadType(), "1", FIRST.timeStamp(), FIRST.payload(), FIRST.metaData()),
                new StoredEvent("e-0", "case-1", 1, "JointCase", FIRST.payloadType(), "1", FIRST.timeStamp(), FIRST.payload(), FIRST.metaData()),
                new StoredEvent("e-0", "case-1", 0, null, FIRST.payloadType(), "1", FIRST.timeStamp(), FIRST.payload(), FIRST.metaData()),
                new StoredEvent("e-0", "case-1", 0, "JointCase", "x", "1", FIRST.timeStamp(), FIRST.payload(), FIRST.metaData()),
                new StoredEvent("e-0", "case-1", 0, "JointCase", FIRST.payloadType(), "2", FIRST.timeStamp(), FIRST.payload(), FIRST.metaData()),
                new StoredEvent("e-0", "case-1", 0, "JointCase", FIRST.payloadType(), "1", "2025-06-15T15:06:41Z", FIRST.payload(), FIRST.metaData()),
                new StoredEvent("e-0", "case-1", 0, "JointCase", FIRST.payloadType(), "1", FIRST.timeStamp(), "{}".getBytes(), FIRST.metaData()),
                new StoredEvent("e-0", "case-1", 0, "JointCase", FIRST.payloadType(), "1", FIRST.timeStamp(), FIRST.payload(), null),
        };
        for (StoredEvent variant : variants) {
            assertThat(hash.of(variant, ContentHash.GENESIS)).as(variant.toString()).isNotEqualTo(base);
        }
    }

    @Test
    void anEmptyValueIsNotAnAbsentOneAndFieldsDoNotRunTogether() {
        StoredEvent empty = new StoredEvent("e", "a", 0, "", "p", null, "t", new byte[0], new byte[0]);
        StoredEvent absent = new StoredEvent("e", "a", 0, null, "p", null, "t", new byte[0], null);
        assertThat(hash.of(empty, ContentHash.GENESIS)).isNotEqualTo(hash.of(absent, ContentHash.GENESIS));
        StoredEvent ab = new StoredEvent("ab", "c", 0, null, "p", null, "t", new byte[0], null);
        StoredEvent a = new StoredEvent("a", "bc", 0, null, "p", null, "t", new byte[0], null);
        assertThat(hash.of(ab, ContentHash.GENESIS)).isNotEqualTo(hash.of(a, ContentHash.GENESIS));
    }
}
