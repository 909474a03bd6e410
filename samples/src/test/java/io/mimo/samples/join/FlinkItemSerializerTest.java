package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the join items' serializers share: the snapshot, and that naming them in Flink's
 * {@code @TypeInfo} asks nothing of the local runner.
 */
class FlinkItemSerializerTest {
    @TempDir
    Path dir;

    /** A snapshot written by {@code serializer}, read back as Flink reads one. */
    private static <T> TypeSerializerSnapshot<T> snapshotReadBack(FlinkItemSerializer<T> serializer, int version)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        new FlinkItemSerializer.Snapshot<>(serializer, version).writeSnapshot(out);
        FlinkItemSerializer.Snapshot<T> read = new FlinkItemSerializer.Snapshot<>();
        read.readSnapshot(
                1, new DataInputDeserializer(out.getCopyOfBuffer()), FlinkItemSerializerTest.class.getClassLoader());
        return read;
    }

    @Test
    void aSnapshotRestoresTheSerializerOfItsItemTypeAndFormat() throws IOException {
        TypeSerializerSnapshot<CsvChunk> chunks =
                snapshotReadBack(CsvChunkSerializer.INSTANCE, CsvChunkSerializer.VERSION);
        assertSame(CsvChunkSerializer.INSTANCE, chunks.restoreSerializer());
        assertTrue(CsvChunkSerializer.INSTANCE
                .snapshotConfiguration()
                .resolveSchemaCompatibility(chunks)
                .isCompatibleAsIs());
        TypeSerializerSnapshot<RowBatch> batches =
                snapshotReadBack(RowBatchSerializer.INSTANCE, RowBatchSerializer.VERSION);
        assertSame(RowBatchSerializer.INSTANCE, batches.restoreSerializer());
    }

    @Test
    void dataOfAnotherFormatVersionIsIncompatibleAndNotRestored() throws IOException {
        TypeSerializerSnapshot<CsvChunk> other = snapshotReadBack(CsvChunkSerializer.INSTANCE, 7);
        assertTrue(CsvChunkSerializer.INSTANCE
                .snapshotConfiguration()
                .resolveSchemaCompatibility(other)
                .isIncompatible());
        IllegalStateException e = assertThrows(IllegalStateException.class, other::restoreSerializer);
        assertTrue(
                e.getMessage().contains(CsvChunk.class.getName() + " items were written in format version 7"),
                e.getMessage());
    }

    private Path embedded(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = FlinkItemSerializerTest.class.getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    /** Whether a class path entry is Flink's (from a Maven repository) or mimo-flink's. */
    private static boolean isFlinks(Path entry) {
        for (int i = 0; i < entry.getNameCount(); i++) {
            String name = entry.getName(i).toString();
            if (name.startsWith("mimo-flink")
                    || (name.equals("flink")
                            && i > 0
                            && entry.getName(i - 1).toString().equals("apache"))) {
                return true;
            }
        }
        return false;
    }

    /** As {@code samples/run} starts the local runner: Flink's jars (and mimo-flink) left off the class path. */
    @Test
    @Timeout(120)
    void theLocalRunnerJoinsWithoutFlinksClassesOnTheClassPath() throws Exception {
        List<String> entries = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !isFlinks(Path.of(entry)))
                .toList();
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(entries.get(i)).toUri().toURL();
        }
        try (URLClassLoader left = new URLClassLoader(urls, null)) {
            assertNull(left.getResource("org/apache/flink/api/common/typeinfo/TypeInfo.class"), "Flink left on");
            assertNotNull(left.getResource("io/mimo/samples/join/RowBatch.class"), "the join left off");
        }
        String classPath = String.join(File.pathSeparator, entries);
        String output = JoinMemoryTest.joinInAJvm(
                List.of("-cp", classPath),
                embedded("customers.csv").toString(),
                embedded("orders.csv").toString(),
                "--key",
                "customer_id",
                "--out",
                dir.resolve("out").toString());
        assertTrue(output.contains("matched "), output);
        assertTrue(Files.size(dir.resolve("out/matched.csv")) > 0);
    }
}
