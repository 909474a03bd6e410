package io.mimo.runtime.bytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Misbehaving-but-legal I/O ends for tests: short reads, short and zero writes. */
final class TestIo {
    private TestIo() {}

    /**
     * A gathering channel that writes a random part of what it is offered (sometimes nothing, as a
     * full non-blocking channel does) and records how many views each call got.
     */
    static class ShortWriteChannel implements GatheringByteChannel {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final List<Integer> viewsPerCall = new ArrayList<>();
        private final Random random;
        private final double zeroChance;
        private final int maxViews;

        /** @param maxViews the most views a call may get before it fails the test (like IOV_MAX) */
        ShortWriteChannel(Random random, double zeroChance, int maxViews) {
            this.random = random;
            this.zeroChance = zeroChance;
            this.maxViews = maxViews;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            if (length > maxViews)
                throw new AssertionError("gathering write got " + length + " views, more than " + maxViews);
            viewsPerCall.add(length);
            long offered = 0;
            for (int i = offset; i < offset + length; i++) offered += srcs[i].remaining();
            long budget = random.nextDouble() < zeroChance ? 0 : 1 + (long) (random.nextDouble() * offered);
            budget = Math.min(budget, offered);
            long done = 0;
            for (int i = offset; i < offset + length && done < budget; i++) {
                ByteBuffer src = srcs[i];
                int n = (int) Math.min(src.remaining(), budget - done);
                for (int k = 0; k < n; k++) written.write(src.get());
                done += n;
            }
            return done;
        }

        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return (int) write(new ByteBuffer[] {src}, 0, 1);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** An InputStream over {@code bytes} whose reads return a random 1..len bytes. */
    static InputStream shortReads(byte[] bytes, Random random) {
        return new InputStream() {
            int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) return 0;
                if (at == bytes.length) return -1;
                int n = 1 + random.nextInt(Math.min(len, bytes.length - at));
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    /** A readable channel over {@code bytes} that returns random short reads, and 0 (nothing ready) now and then. */
    static ReadableByteChannel shortReadChannel(byte[] bytes, Random random) {
        return new ReadableByteChannel() {
            int at;

            @Override
            public int read(ByteBuffer dst) {
                if (at == bytes.length) return -1;
                if (random.nextInt(4) == 0 || !dst.hasRemaining()) return 0;
                int n = 1 + random.nextInt(Math.min(dst.remaining(), bytes.length - at));
                dst.put(bytes, at, n);
                at += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {}
        };
    }
}
