package io.mimo.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mimo.processor.Compilations.compile;
import static io.mimo.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.mimo.runtime.InPort;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Step;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The item type each port of a generated step records at run time, read from the compiled
 * steps of {@code p.Items}: the erasure of the port's item type, and nothing for a type variable
 * that erases to {@code Object}. ({@code GoldenSourcesTest} shows the code that records them.)
 */
class ItemTypesTest {
    private static ClassLoader classes;

    @BeforeAll
    static void compileItems() {
        Compilation compilation = compile(source("p.Items"), workflow());
        assertThat(compilation).succeededWithoutWarnings();
        classes = Compilations.classLoader(compilation);
    }

    @Test
    void primitiveElementInputRecordsItsBoxAndOptionalReturnItsValue() {
        assertEquals("x Integer | half Integer", recorded(step("half")));
    }

    @Test
    void arraysRecordTheirArrayClass() {
        assertEquals("line String | words String[], lengths int[]", recorded(step("split")));
    }

    @Test
    void boundedTypeVariableRecordsItsBoundAndParameterisedTypeItsClass() {
        assertEquals("numbers Number | batches List", recorded(step("batch", 2)));
    }

    @Test
    void typeVariableBoundByATypeOfItselfRecordsThatTypesClass() {
        assertEquals("left Comparable, right Comparable | larger Comparable", recorded(step("larger")));
    }

    @Test
    void unboundedTypeVariableRecordsNothingButTypesMadeOfItDo() {
        assertEquals("item ? | same ?, labelled Map", recorded(step("label", "key")));
    }

    @Test
    void arrayOfUnboundedTypeVariableIsAnObjectArrayAndObjectIsObject() {
        assertEquals("pair Object[] | swapped Object[], first Object", recorded(step("swap")));
    }

    @Test
    void workflowOfStepsThatRecordTheirTypesRuns() throws ReflectiveOperationException {
        Object result = classes.loadClass("p.Run").getMethod("run").invoke(null);
        assertEquals(List.of(List.of(1, 2), List.of(3)), result);
    }

    @Test
    void boundsOfEveryShapeRecordTheirErasureWithoutWarnings() throws ReflectiveOperationException {
        JavaFileObject shapes = JavaFileObjects.forSourceString("q.Shapes", """
                package q;

                import io.mimo.Stream;
                import io.mimo.runtime.*;
                import java.io.Serializable;
                import java.util.*;

                public class Shapes<E> {
                    public final class Inner {}

                    @Stream(in = "x", out = "y")
                    <N extends Number, M extends N> M widen(M x) { return x; }

                    @Stream(in = {"x", "z"}, out = "y")
                    static <R extends Runnable & Serializable, O extends Object & Comparable<? super O>> O both(R x, O z) {
                        return z;
                    }

                    @Stream(in = "x", out = "y")
                    static List<String>[] lists(List<String>[] x) { return x; }

                    @Stream(in = "x", out = "y")
                    Map.Entry<String, Shapes<E>.Inner> inner(Shapes<E>.Inner x) { return Map.entry("x", x); }
                }
                """);
        Compilation compilation = compile(shapes);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = Compilations.classLoader(compilation);
        Class<?> streams = loader.loadClass("q.ShapesStreams");
        Object receiver = loader.loadClass("q.Shapes").getConstructor().newInstance();
        assertEquals("x Number | y Number", recorded(step(streams, "widen", receiver)));
        assertEquals("x Runnable, z ? | y ?", recorded(step(streams, "both")));
        assertEquals("x List[] | y List[]", recorded(step(streams, "lists")));
        assertEquals("x Inner | y Entry", recorded(step(streams, "inner", receiver)));
    }

    /** Halves the even numbers of 1 to 6, batched in twos: a workflow of steps built from p.Items. */
    private static JavaFileObject workflow() {
        return JavaFileObjects.forSourceString("p.Run", """
                package p;

                import io.mimo.Stream;
                import io.mimo.runtime.*;
                import java.util.*;

                public final class Run {
                    private Run() {}

                    @Stream(out = "numbers")
                    static void count(int to, Output<Integer> numbers) {
                        for (int i = 1; i <= to; i++) numbers.push(i);
                    }

                    @Stream(in = "items")
                    static <T> void collect(List<T> into, Input<T> items) {
                        for (T item : items) into.add(item);
                    }

                    public static List<List<Integer>> run() {
                        List<List<Integer>> batches = new ArrayList<>();
                        Workflow wf = new Workflow("items");
                        wf.add(RunStreams.count(6))
                                .pipe(wf.add(ItemsStreams.half()))
                                .pipe(wf.add(ItemsStreams.<Integer>batch(2)))
                                .pipe(wf.add(RunStreams.<List<Integer>>collect(batches)));
                        wf.run();
                        return batches;
                    }
                }
                """);
    }

    /** The step {@code ItemsStreams.name(arguments)}. */
    private static Step step(String name, Object... arguments) {
        try {
            return step(classes.loadClass("p.ItemsStreams"), name, arguments);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The step {@code streams.name(arguments)}. */
    private static Step step(Class<?> streams, String name, Object... arguments) {
        try {
            for (Method factory : streams.getMethods()) {
                if (factory.getName().equals(name)) {
                    return (Step) factory.invoke(null, arguments);
                }
            }
            throw new AssertionError("no factory " + streams.getSimpleName() + "." + name);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code "x Integer | half Integer"}: inputs, then outputs, each with its recorded type, {@code ?} for none. */
    private static String recorded(Step step) {
        List<String> inputs = new ArrayList<>();
        step.inputs().forEach(port -> inputs.add(port.name() + " " + simpleName(itemType(InPort.class, port))));
        List<String> outputs = new ArrayList<>();
        step.outputs().forEach(port -> outputs.add(port.name() + " " + simpleName(itemType(OutPort.class, port))));
        return String.join(", ", inputs) + " | " + String.join(", ", outputs);
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "?" : type.getSimpleName();
    }

    /** The item type a port recorded, which only the runtime's own package reads. */
    private static Class<?> itemType(Class<?> portClass, Object port) {
        try {
            Method itemType = portClass.getDeclaredMethod("itemType");
            itemType.setAccessible(true);
            return (Class<?>) itemType.invoke(port);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
