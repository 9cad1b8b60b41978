package io.jointops.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The feed's cursor: opens only for the agency and key it was sealed for, and shows nothing of its positions. */
class FeedCursorTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final FeedCursor cursors = new FeedCursor(KEY);

    @Test
    void opensToThePositionsSealedForTheAgency() throws Exception {
        long[] positions = {17, 0, 123_456_789_012L, 4};
        String cursor = cursors.seal("US-DEA", positions);

        assertThat(cursors.open("US-DEA", cursor)).containsExactly(positions);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void twoCursorsAtTheSamePlaceDoNotLookAlikeAndShowNoPosition() {
        long[] positions = {1000, 2000, 3000, 4000};
        String first = cursors.seal("US-DEA", positions);
        String second = cursors.seal("US-DEA", positions);

        assertThat(first).isNotEqualTo(second);
        byte[] raw = Base64.getUrlDecoder().decode(first);
        for (long position : positions) {
            byte[] plain = java.nio.ByteBuffer.allocate(Long.BYTES).putLong(position).array();
            assertThat(indexOf(raw, plain)).as("position %d in the clear", position).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anotherAgencysTamperedForgedOrForeignCursorDoesNotOpen() {
        String cursor = cursors.seal("CN-NNCC", new long[]{5, 6, 7, 8});

        assertThatThrownBy(() -> cursors.open("US-DEA", cursor)).isInstanceOf(FeedCursor.Invalid.class);
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        for (int index : new int[]{1, 14, 20, raw.length - 1}) {
            byte[] tampered = raw.clone();
            tampered[index] ^= 0x01;
            String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertThatThrownBy(() -> cursors.open("CN-NNCC", altered)).isInstanceOf(FeedCursor.Invalid.class);
        }
        for (String forged : new String[]{"", "abc", "not a cursor!", cursor + "AA", cursor.substring(2)}) {
            assertThatThrownBy(() -> cursors.open("CN-NNCC", forged)).isInstanceOf(FeedCursor.Invalid.class);
        }
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        FeedCursor other = new FeedCursor(Base64.getEncoder().encodeToString(otherKey));
        assertThatThrownBy(() -> other.open("CN-NNCC", cursor)).isInstanceOf(FeedCursor.Invalid.class);
    }

    @Test
    void aKeyOfAnotherLengthOrNoneStopsTheGatewayAtStart() {
        assertThatThrownBy(() -> new FeedCursor("")).hasMessageContaining("jointops.feed.cursor-key");
        assertThatThrownBy(() -> new FeedCursor(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 random bytes");
    }
}
