package io.mimo.bench;

import java.util.SplittableRandom;

/**
 * The text for the line-splitting workload: a block of ASCII lines (0 to 160 characters, average
 * about 80, each ending in {@code '\n'}) cut into fragments of 1 byte to 16 KiB, the way reads
 * from a socket or pipe arrive: lines span fragments. The block is repeated to make the total.
 */
public final class LineData {
    /** Bytes in the repeated block (about 4 MiB, ends with a whole line). */
    public final byte[] block;
    /** Fragment boundaries within the block: fragment {@code i} is {@code [cuts[i], cuts[i+1])}. */
    public final int[] cuts;
    /** How many times the block is repeated. */
    public final int repeats;
    /** Lines in the block, and the bytes of those lines without their {@code '\n'}. */
    public final long blockLines;

    public final long blockLineBytes;

    private static final int BLOCK_TARGET = 4 << 20;

    private LineData(byte[] block, int[] cuts, int repeats, long blockLines, long blockLineBytes) {
        this.block = block;
        this.cuts = cuts;
        this.repeats = repeats;
        this.blockLines = blockLines;
        this.blockLineBytes = blockLineBytes;
    }

    /** The data for about {@code totalBytes} bytes of text (a whole number of blocks, at least one). */
    public static LineData of(long totalBytes) {
        SplittableRandom random = new SplittableRandom(7);
        byte[] buf = new byte[BLOCK_TARGET + 200];
        int len = 0;
        long lines = 0;
        long lineBytes = 0;
        while (len < BLOCK_TARGET) {
            int n = random.nextInt(161);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) (' ' + random.nextInt(95)); // printable ASCII
            }
            buf[len++] = '\n';
            lines++;
            lineBytes += n;
        }
        byte[] block = java.util.Arrays.copyOf(buf, len);
        int[] tmp = new int[len + 1];
        int count = 0;
        int at = 0;
        tmp[count++] = 0;
        while (at < len) {
            at = Math.min(len, at + 1 + random.nextInt(16 * 1024));
            tmp[count++] = at;
        }
        int[] cuts = java.util.Arrays.copyOf(tmp, count);
        int repeats = (int) Math.max(1, totalBytes / len);
        return new LineData(block, cuts, repeats, lines, lineBytes);
    }

    /** Lines in the whole text. */
    public long lines() {
        return blockLines * repeats;
    }

    /** Bytes of all lines, without their line ends. */
    public long lineBytes() {
        return blockLineBytes * repeats;
    }

    /** Bytes of the whole text. */
    public long bytes() {
        return (long) block.length * repeats;
    }
}
