package io.mimo.samples.join;

/**
 * Checks that bytes are well-formed UTF-8 without decoding them, accepting exactly what the JDK's
 * UTF-8 decoder accepts when it reports errors: no overlong forms, no surrogates (U+D800 – U+DFFF),
 * nothing above U+10FFFF, no truncated sequence.
 */
final class Utf8 {
    private Utf8() {}

    /** Whether {@code bytes[from, to)} is well-formed UTF-8. */
    static boolean valid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int need;
            int min2 = 0x80; // the range the second byte must lie in (Unicode Table 3-7)
            int max2 = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    min2 = 0xA0; // overlong below
                } else if (b == 0xED) {
                    max2 = 0x9F; // surrogates above
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    min2 = 0x90;
                } else if (b == 0xF4) {
                    max2 = 0x8F; // past U+10FFFF above
                }
            } else {
                return false;
            }
            if (i + need >= to) { // truncated
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
