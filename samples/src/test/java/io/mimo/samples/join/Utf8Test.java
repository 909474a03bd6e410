package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static final CharsetDecoder JDK = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private static boolean jdkAccepts(byte[] bytes) {
        try {
            JDK.reset().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void acceptsExactlyWhatTheJdkDecoderAcceptsForEveryOneAndTwoByteSequence() {
        for (int n = 1; n <= 2; n++) {
            byte[] bytes = new byte[n];
            for (int v = 0; v < 1 << (8 * n); v++) {
                for (int k = 0; k < n; k++) {
                    bytes[k] = (byte) (v >>> (8 * k));
                }
                assertEquals(
                        jdkAccepts(bytes),
                        Utf8.valid(bytes, 0, n),
                        HexFormat.of().formatHex(bytes));
            }
        }
    }

    @Test
    void acceptsExactlyWhatTheJdkDecoderAcceptsForThreeByteSequencesAtEveryEdge() {
        int[] thirds = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE0, 0xFF};
        byte[] bytes = new byte[3];
        for (int lead = 0x80; lead <= 0xFF; lead++) {
            for (int second = 0; second <= 0xFF; second++) {
                for (int third : thirds) {
                    bytes[0] = (byte) lead;
                    bytes[1] = (byte) second;
                    bytes[2] = (byte) third;
                    assertEquals(
                            jdkAccepts(bytes),
                            Utf8.valid(bytes, 0, 3),
                            HexFormat.of().formatHex(bytes));
                }
            }
        }
    }

    @Test
    void acceptsExactlyWhatTheJdkDecoderAcceptsForRandomFourByteSequences() {
        SplittableRandom random = new SplittableRandom(4);
        byte[] bytes = new byte[4];
        for (int i = 0; i < 200_000; i++) {
            int v = random.nextInt();
            // mostly sequences that start like a four-byte form, where the edge cases are
            bytes[0] = (byte) (i % 2 == 0 ? 0xF0 + (v & 0x7) : v);
            bytes[1] = (byte) (v >>> 8);
            bytes[2] = (byte) (v >>> 16);
            bytes[3] = (byte) (v >>> 24);
            assertEquals(
                    jdkAccepts(bytes), Utf8.valid(bytes, 0, 4), HexFormat.of().formatHex(bytes));
        }
    }

    @Test
    void checksOnlyTheRangeAsked() {
        byte[] bytes = "xé😀y".getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8.valid(bytes, 0, bytes.length));
        assertFalse(Utf8.valid(bytes, 0, 2), "é cut in half");
        assertFalse(Utf8.valid(bytes, 2, bytes.length), "starts inside é");
        assertTrue(Utf8.valid(bytes, 3, 7), "the emoji alone");
    }
}
