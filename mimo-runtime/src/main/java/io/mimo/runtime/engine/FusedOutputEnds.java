package io.mimo.runtime.engine;

import io.mimo.runtime.ElementStep;
import io.mimo.runtime.Output;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Makes {@link FusedOutputEnd}s, each of the copy of that class for its handler's class. */
final class FusedOutputEnds {
    private static final MethodType CONSTRUCTOR = MethodType.methodType(
            void.class, RunningStream.class, String.class, FusedStep.class, ElementStep.ItemHandler.class);
    private static final byte[] TEMPLATE = template();

    /** The constructor of the copy of {@link FusedOutputEnd} for each class of handler, counting items. */
    private static final ClassValue<MethodHandle> COUNTING = copies(true);

    /** The same, of copies that do not count. */
    private static final ClassValue<MethodHandle> QUIET = copies(false);

    private static ClassValue<MethodHandle> copies(boolean counting) {
        return new ClassValue<>() {
            @Override
            protected MethodHandle computeValue(Class<?> handlerClass) {
                try {
                    if (TEMPLATE != null) {
                        MethodHandles.Lookup copy =
                                MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, counting, true);
                        return copy.findConstructor(copy.lookupClass(), CONSTRUCTOR);
                    }
                } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
                    // the original class serves
                }
                return original();
            }
        };
    }

    private FusedOutputEnds() {}

    /** A {@link FusedOutputEnd} (of any copy) as its step sees it, to cut it when the step ends. */
    interface Cut {
        /** Host's thread: the step has ended; what is pushed from now on is dropped. */
        void cut();

        /** Items pushed to the output so far, for snapshots (from another thread, about that); -1 if not counted. */
        long pushed();

        /** Items the step's handler was called with so far (none after {@link #cut()}); as {@link #pushed()}. */
        long delivered();
    }

    /**
     * The end of {@code writer}'s output {@code name}, whose only reader is {@code step}, fused,
     * with {@code handler}: an instance of the copy of {@link FusedOutputEnd} for the handler's class,
     * one that counts items if {@code counting}.
     */
    @SuppressWarnings("unchecked")
    static <T> Output<T> of(
            RunningStream writer,
            String name,
            FusedStep step,
            ElementStep.ItemHandler<Object> handler,
            boolean counting) {
        try {
            return (Output<T>)
                    (counting ? COUNTING : QUIET).get(handler.getClass()).invoke(writer, name, step, handler);
        } catch (Throwable e) {
            return new FusedOutputEnd<>(writer, name, step, handler);
        }
    }

    private static MethodHandle original() {
        try {
            return MethodHandles.lookup().findConstructor(FusedOutputEnd.class, CONSTRUCTOR);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FusedOutputEnd has no constructor of " + CONSTRUCTOR, e);
        }
    }

    private static byte[] template() {
        try (InputStream in = FusedOutputEnd.class.getResourceAsStream("FusedOutputEnd.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
