package io.mimo.samples.join;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Flink serializer of one of the join's item types ({@link RowBatchSerializer}, {@link
 * CsvChunkSerializer}): it writes the used part of an item's arrays only, keeps no state (one
 * instance serves every thread), and copies an item whole, for Flink hands an item to the next
 * chained operator through {@link #copy(Object)}. The item types name {@link Factory} in Flink's
 * {@code @TypeInfo}, which only Flink reads: the local runner loads none of these classes.
 *
 * <p>Public, as are {@link Factory} and {@link Snapshot}, because Flink makes those two by
 * reflection; the serializers live in the join's package because the items and their state are
 * package-private.
 */
public abstract class FlinkItemSerializer<T> extends TypeSerializerSingleton<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final int version;

    /**
     * A serializer of {@code type} whose wire format is version {@code version}: raise it with every
     * change to what {@link #serialize} writes.
     */
    FlinkItemSerializer(Class<T> type, int version) {
        this.type = type;
        this.version = version;
    }

    /** Every serializer of this kind, one an item type. A method, not a field: see the class init order. */
    private static List<FlinkItemSerializer<?>> all() {
        // a static field here would read a subclass's INSTANCE while that subclass is being initialized
        return List.of(RowBatchSerializer.INSTANCE, CsvChunkSerializer.INSTANCE);
    }

    @Override
    public final boolean isImmutableType() {
        return false;
    }

    @Override
    public final T copy(T from, T reuse) {
        return copy(from); // the items are made whole or not at all: nothing to reuse
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public final TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(this, version);
    }

    /** Writes {@code values[0, count)}, as Flink's own {@code int[]} serializer does, without the count. */
    static void writeInts(DataOutputView target, int[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            target.writeInt(values[i]);
        }
    }

    /** Reads {@code count} ints written by {@link #writeInts}. */
    static int[] readInts(DataInputView source, int count) throws IOException {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = source.readInt();
        }
        return values;
    }

    /** Reads {@code count} bytes. */
    static byte[] readBytes(DataInputView source, int count) throws IOException {
        byte[] bytes = new byte[count];
        source.readFully(bytes);
        return bytes;
    }

    /**
     * Reads a count written before an array, failing with what was being read rather than with a
     * {@code NegativeArraySizeException} or a huge allocation when the input is not such an item.
     */
    static int readCount(DataInputView source, String what, int max) throws IOException {
        int count = source.readInt();
        if (count < 0 || count > max) {
            throw new IOException("not a serialized join item: " + what + " is " + count + " (at most " + max
                    + " expected); was it written by another version of the job, or by another serializer?");
        }
        return count;
    }

    /**
     * The serializer of the item type named {@code name}: a {@link Class#getName()}, which a snapshot
     * records.
     */
    @SuppressWarnings("unchecked") // the serializer of type T is a FlinkItemSerializer<T>
    private static <T> FlinkItemSerializer<T> of(String name) throws IOException {
        for (FlinkItemSerializer<?> serializer : all()) {
            if (serializer.type.getName().equals(name)) {
                return (FlinkItemSerializer<T>) serializer;
            }
        }
        throw new IOException("no join item serializer for " + name + " (there are for "
                + all().stream().map(s -> s.type.getName()).toList() + ")");
    }

    /**
     * Gives each join item type that names it in Flink's {@code @TypeInfo} its serializer: an atomic
     * type to Flink, no key, no fields of its own.
     */
    public static final class Factory<T> extends TypeInfoFactory<T> {
        /** Made by Flink when it first meets a type that names this factory. */
        public Factory() {}

        @Override
        public TypeInformation<T> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
            if (!(type instanceof Class<?> item)) {
                throw new IllegalArgumentException("join items are not generic: " + type);
            }
            try {
                return new Info<>(of(item.getName()));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        item + " names " + Factory.class.getName() + " in its @TypeInfo but has no serializer here", e);
            }
        }
    }

    /**
     * What a serializer was: its item type and its wire format's version. Data written in another
     * version cannot be read, and Flink is told so ({@link
     * TypeSerializerSchemaCompatibility#incompatible()}) rather than reading it wrongly: the items
     * only cross a job's edges and are kept in no state, so no older format needs reading.
     */
    public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
        /** The version of what {@link #writeSnapshot} writes (not of the items' format). */
        private static final int SNAPSHOT_VERSION = 1;

        private FlinkItemSerializer<T> serializer;
        private int version;

        /** Made by Flink before it reads a snapshot back with {@link #readSnapshot}. */
        public Snapshot() {}

        Snapshot(FlinkItemSerializer<T> serializer, int version) {
            this.serializer = serializer;
            this.version = version;
        }

        @Override
        public int getCurrentVersion() {
            return SNAPSHOT_VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(serializer.type.getName());
            out.writeInt(version);
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
                throws IOException {
            if (readVersion != SNAPSHOT_VERSION) {
                throw new IOException("a join item serializer's snapshot of version " + readVersion
                        + ", this build reads version " + SNAPSHOT_VERSION);
            }
            serializer = of(in.readUTF());
            version = in.readInt();
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            if (version != serializer.version) {
                throw new IllegalStateException(serializer.type.getName() + " items were written in format version "
                        + version + ", this build reads version " + serializer.version
                        + " only; join items are not meant to be kept in state or savepoints: run the job afresh");
            }
            return serializer;
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
            return oldSnapshot instanceof Snapshot<T> old && old.serializer.equals(serializer) && old.version == version
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }

    /** Flink's description of a join item type: its serializer. */
    private static final class Info<T> extends TypeInformation<T> {
        private static final long serialVersionUID = 1L;

        private final FlinkItemSerializer<T> serializer;

        Info(FlinkItemSerializer<T> serializer) {
            this.serializer = serializer;
        }

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<T> getTypeClass() {
            return serializer.type;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<T> createSerializer(SerializerConfig config) {
            return serializer;
        }

        @Override
        public String toString() {
            return serializer.type.getSimpleName() + " ("
                    + serializer.getClass().getSimpleName() + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Info<?> info && info.serializer.type == serializer.type;
        }

        @Override
        public int hashCode() {
            return serializer.type.hashCode();
        }

        @Override
        public boolean canEqual(Object other) {
            return other instanceof Info;
        }
    }
}
