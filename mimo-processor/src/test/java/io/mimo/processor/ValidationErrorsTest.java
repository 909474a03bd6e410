package io.mimo.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mimo.processor.Compilations.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import io.mimo.processor.codegen.StreamsGenerator;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the method contract: a declaration that breaks it fails with exactly the expected
 * tagged message, on the line of the element or annotation value at fault, and nothing else.
 */
class ValidationErrorsTest {

    @Test
    void portNameThatIsNotAnIdentifier() {
        assertOnlyError(
                """
                @Stream(in = {"input",
                              "not-a-name"})
                static void f(Input<Integer> input) {}
                """,
                9,
                "[mimo/InvalidPortName] in name \"not-a-name\" is not a valid port name; a port is named"
                        + " after its parameter and gets an accessor of that name, so it must be a Java identifier and not"
                        + " a keyword");
    }

    @Test
    void keywordAsTheReturnPortNameIsInvalidButStillNamesTheReturnValue() {
        assertOnlyError("""
                @Stream(in = "x", out = "class")
                static int f(int x) { return x; }
                """, 8, "[mimo/InvalidPortName] out name \"class\" is not a valid port name;");
    }

    @Test
    void nameRepeatedInIn() {
        assertOnlyError(
                """
                @Stream(in = {"a",
                              "a"})
                static void f(Input<Integer> a) {}
                """,
                9,
                "[mimo/DuplicatePort] port \"a\" is already named in in; each port has one name, unique"
                        + " across in and out");
    }

    @Test
    void nameInBothInAndOut() {
        assertOnlyError("""
                @Stream(in = "x",
                        out = "x")
                static void f(Input<Integer> x) {}
                """, 9, "[mimo/DuplicatePort] port \"x\" is already named in in;");
    }

    @Test
    void misspeltInNameSuggestsTheParameter() {
        assertOnlyError(
                """
                @Stream(in = "inptu")
                static void fork(Input<Integer> input) {}
                """, 8, "[mimo/UnknownPort] in name \"inptu\" matches no parameter of fork; did you mean \"input\"?");
    }

    @Test
    void misspeltOutNameOfAVoidMethodSuggestsTheOutputAndIsTheOnlyError() {
        assertOnlyError(
                """
                @Stream(in = "input",
                        out = {"evn", "odd"})
                static void fork(Input<Integer> input, Output<Integer> even, Output<Integer> odd) {}
                """,
                9,
                "[mimo/UnknownPort] out name \"evn\" matches no parameter of fork, which returns void; did"
                        + " you mean \"even\"?");
    }

    @Test
    void inNameFarFromEveryParameterSaysHowToFix() {
        assertOnlyError(
                """
                @Stream(in = {"input", "zebra"})
                static void f(Input<Integer> input) {}
                """,
                8,
                "[mimo/UnknownPort] in name \"zebra\" matches no parameter of f; name a parameter zebra, or"
                        + " remove \"zebra\" from in");
    }

    @Test
    void outputParameterNotNamedInOut() {
        assertOnlyError(
                """
                @Stream(in = "input", out = "even")
                static void fork(Input<Integer> input, Output<Integer> even,
                                 Output<Integer> odd) {}
                """,
                10,
                "[mimo/UnnamedPort] parameter odd is an Output but is not named in @Stream(out = …); add"
                        + " \"odd\" to out");
    }

    @Test
    void byteInputParameterNotNamedInIn() {
        assertOnlyError(
                """
                @Stream(out = "lines")
                static void decode(ByteInput raw, Output<String> lines) {}
                """,
                9,
                "[mimo/UnnamedPort] parameter raw is a ByteInput but is not named in @Stream(in = …); add"
                        + " \"raw\" to in");
    }

    @Test
    void inNameOnAnOutputParameter() {
        assertOnlyError(
                """
                @Stream(in = {"input", "even"})
                static void fork(Input<Integer> input, Output<Integer> even) {}
                """,
                8,
                "[mimo/WrongDirection] in name \"even\" names parameter even, which is an Output; move"
                        + " \"even\" to out");
    }

    @Test
    void outNameOnAnInputParameter() {
        assertOnlyError(
                """
                @Stream(out = "input")
                static void f(Input<Integer> input) {}
                """,
                8,
                "[mimo/WrongDirection] out name \"input\" names parameter input, which is an Input; move"
                        + " \"input\" to in");
    }

    @Test
    void outNameOnAPlainParameter() {
        assertOnlyError(
                """
                @Stream(in = "input", out = "count")
                static void f(Input<Integer> input, int count) {}
                """,
                8,
                "[mimo/NotAnOutput] out name \"count\" names parameter count of type int, but an output"
                        + " parameter must be an Output or a ByteOutput; declare it as Output<Integer>, or remove \"count\""
                        + " from out to make it configuration");
    }

    @Test
    void processAndElementInputsMixed() {
        assertOnlyError(
                """
                @Stream(in = {"input", "factor"}, out = "scaled")
                static void scale(Input<Integer> input, int factor, Output<Integer> scaled) {}
                """,
                8,
                "[mimo/MixedStyle] scale mixes process style (input is an Input) and element style (factor"
                        + " is a plain int); make every input an Input<T> to pull items as it likes, or every input a plain"
                        + " value to be called once per item");
    }

    @Test
    void byteInputBesideAnElementInputIsMixedStyle() {
        assertOnlyError(
                """
                @Stream(in = {"raw", "line"})
                static void f(ByteInput raw, String line) {}
                """,
                8,
                "[mimo/MixedStyle] f mixes process style (raw is a ByteInput) and element style (line is a"
                        + " plain String);");
    }

    @Test
    void rawInput() {
        assertOnlyError(
                """
                @Stream(in = "input")
                @SuppressWarnings("rawtypes")
                static void f(Input input) {}
                """,
                10,
                "[mimo/RawPortType] parameter input has the raw type Input; declare its item type, as in"
                        + " Input<String>");
    }

    @Test
    void rawOptionalReturn() {
        assertOnlyError(
                """
                @Stream(in = "x", out = "y")
                @SuppressWarnings("rawtypes")
                static Optional f(int x) { return Optional.empty(); }
                """,
                10,
                "[mimo/RawPortType] f returns the raw type Optional; declare its item type, as in"
                        + " Optional<String>");
    }

    @Test
    void unboundedWildcardInput() {
        assertOnlyError(
                """
                @Stream(in = "input")
                static void f(Input<?> input) {}
                """,
                9,
                "[mimo/WildcardPortType] parameter input has the wildcard type Input<?>; declare Input<Object>"
                        + " instead: a port has one item type, and pipes already accept subtypes (an OutPort<Integer> feeds"
                        + " an InPort<Number>)");
    }

    @Test
    void boundedWildcardOutput() {
        assertOnlyError(
                """
                @Stream(out = "numbers")
                static void f(Output<? extends Number> numbers) {}
                """,
                9,
                "[mimo/WildcardPortType] parameter numbers has the wildcard type Output<? extends Number>;"
                        + " declare Output<Number> instead");
    }

    @Test
    void privateMethod() {
        assertOnlyError(
                """
                @Stream(in = "input")
                private static void f(Input<Integer> input) {}
                """,
                9,
                "[mimo/PrivateMethod] @Stream method f is private, so the generated BadStreams cannot call"
                        + " it; make it package-private or wider");
    }

    @Test
    void methodOfAPrivateClassReportedOnceOnTheClass() {
        assertOnlyError(
                """
                private static class Hidden {
                    @Stream(in = "input")
                    static void f(Input<Integer> input) {}

                    @Stream(in = "input")
                    static void g(Input<Integer> input) {}
                }
                """,
                8,
                "[mimo/PrivateClass] class Hidden is private, so the generated Bad_HiddenStreams cannot call"
                        + " its @Stream methods; make Hidden package-private or wider");
    }

    @Test
    void methodOfAClassNestedInAPrivateClass() {
        assertOnlyError(
                """
                private static class Hidden {
                    static class Visible {
                        @Stream(in = "input")
                        static void f(Input<Integer> input) {}
                    }
                }
                """,
                9,
                "[mimo/PrivateClass] class Visible is nested in the private class Hidden, so the generated"
                        + " Bad_Hidden_VisibleStreams cannot call its @Stream methods; make Hidden package-private or wider");
    }

    @Test
    void methodOfAnInnerClass() {
        assertOnlyError(
                """
                class Inner {
                    @Stream(in = "input")
                    void f(Input<Integer> input) {}
                }
                """,
                8,
                "[mimo/InnerClass] @Stream methods belong in a top-level or static nested class, and Inner is"
                        + " an inner class, whose instances need an enclosing instance; make it static");
    }

    @Test
    void abstractMethod() {
        assertOnlyError(
                """
                abstract static class Base {
                    @Stream(in = "input")
                    abstract void f(Input<Integer> input);
                }
                """,
                10,
                "[mimo/AbstractMethod] @Stream method f is abstract, but a stream needs a body to run;"
                        + " implement it, or move @Stream to a concrete method");
    }

    @Test
    void returnValueWithoutAnyOutName() {
        assertOnlyError(
                """
                @Stream(in = "x")
                static int square(int x) { return x * x; }
                """,
                8,
                "[mimo/MissingReturnPort] square returns int but has no out name for it; add an out name for"
                        + " the return value, or return void");
    }

    @Test
    void returnValueWhenEveryOutNameIsTaken() {
        assertOnlyError(
                """
                @Stream(in = "x",
                        out = "echo")
                static int f(int x, Output<Integer> echo) { return x; }
                """,
                9,
                "[mimo/MissingReturnPort] f returns int but every out name names a parameter; add an out"
                        + " name for the return value, or return void");
    }

    @Test
    void twoFreeOutNamesForOneReturnValue() {
        assertOnlyError(
                """
                @Stream(in = "x",
                        out = {"square", "cube"})
                static int f(int x) { return x * x; }
                """,
                9,
                "[mimo/AmbiguousReturn] f returns int and out names \"square\", \"cube\" match no"
                        + " parameter; only one can name the return value, so the others must name Output parameters");
    }

    @Test
    void returningAPort() {
        assertOnlyError(
                """
                @Stream(in = "x", out = "y")
                static Output<Integer> f(int x) { return null; }
                """,
                9,
                "[mimo/ReturnsPort] f returns an Output, but ports are parameters; declare it as a parameter"
                        + " named in @Stream, and return void (or return the items themselves)");
    }

    @Test
    void portNamedLikeAMethodEveryStepHas() {
        assertOnlyError(
                """
                @Stream(in = "input",
                        out = "name")
                static void f(Input<Integer> input, Output<Integer> name) {}
                """,
                9,
                "[mimo/ReservedPortName] port name \"name\" is reserved: the accessor name() of step F would"
                        + " clash with a method every step has; rename the port and its parameter");
    }

    @Test
    void overloadedStreamMethods() {
        assertOnlyError(
                """
                @Stream(in = "x", out = "y")
                static int f(int x) { return x; }

                @Stream(in = "x", out = "y")
                static String f(String x) { return x; }
                """,
                11,
                "[mimo/DuplicateStream] @Stream method f(String) clashes with f(int): both would generate"
                        + " the factory f and the step class F, and @Stream methods cannot be overloaded; rename one of them");
    }

    @Test
    void methodNamesThatDifferOnlyInTheirFirstLetterCase() {
        assertOnlyError(
                """
                @Stream(in = "x", out = "y")
                static int fork(int x) { return x; }

                @Stream(in = "x", out = "y")
                static int Fork(int x) { return x; }
                """,
                11,
                "[mimo/DuplicateStream] @Stream method Fork(int) clashes with fork(int): both would generate"
                        + " the step class Fork; rename one of them");
    }

    @Test
    void stepClassNamedLikeTheGeneratedClass() {
        assertOnlyError(
                """
                @Stream(in = "x", out = "y")
                static int badStreams(int x) { return x; }
                """,
                8,
                "[mimo/StepNameClash] @Stream method badStreams would generate a step class BadStreams inside"
                        + " the generated class of the same name; rename the method");
    }

    @Test
    void methodNamedLikeAnObjectMethod() {
        assertOnlyError(
                """
                @Stream(in = "x", out = "text")
                static String toString(int x) { return "" + x; }
                """,
                8,
                "[mimo/StepNameClash] @Stream method toString would generate a static factory toString in"
                        + " BadStreams, which clashes with Object.toString; rename the method");
    }

    @Test
    void methodWithoutPorts() {
        assertOnlyError(
                """
                @Stream
                static void tick(int times) {}
                """,
                8,
                "[mimo/NoPorts] @Stream method tick has no ports; name its inputs in @Stream(in = …) and its"
                        + " outputs in @Stream(out = …)");
    }

    @Test
    void varargsPort() {
        assertOnlyError(
                """
                @Stream(in = "xs", out = "sum")
                static int sum(int... xs) { return xs.length; }
                """,
                9,
                "[mimo/VarargsPort] varargs parameter xs cannot be a port; declare it as one value (or an"
                        + " Input) for items one by one, or remove \"xs\" from in to make it configuration");
    }

    @Test
    void methodTypeVariableHidingTheClassTypeVariable() {
        assertOnlyError(
                """
                static class Box<T> {
                    @Stream(in = "x", out = "y")
                    <T> T f(T x) { return x; }
                }
                """,
                10,
                "[mimo/ShadowedTypeVariable] type variable T of f hides type variable T of Box, and the step"
                        + " of an instance method declares both; rename one of them");
    }

    @Test
    void privateTypeInTheSignature() {
        assertOnlyError(
                """
                private static final class Secret {}

                @Stream(in = "input")
                static void f(Input<Secret> input) {}
                """,
                11,
                "[mimo/InaccessibleType] parameter input refers to p.Bad.Secret, which the generated"
                        + " BadStreams cannot access; make Secret (and the classes it is nested in) package-private or wider");
    }

    @Test
    void everyProblemOfOneMethodIsReportedOnce() {
        JavaFileObject source = bad("""
                @Stream(in = {"inptu", "input"},
                        out = "even")
                private static void fork(Input<Integer> input, Output<? extends Integer> even, Output<Integer> odd) {}
                """);
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation)
                .hadErrorContaining("[mimo/PrivateMethod]")
                .inFile(source)
                .onLine(10);
        assertThat(compilation)
                .hadErrorContaining("[mimo/UnknownPort] in name \"inptu\" matches no parameter of fork;"
                        + " name a parameter inptu")
                .inFile(source)
                .onLine(8);
        assertThat(compilation)
                .hadErrorContaining("[mimo/WildcardPortType] parameter even")
                .inFile(source)
                .onLine(10);
        assertThat(compilation)
                .hadErrorContaining("[mimo/UnnamedPort] parameter odd")
                .inFile(source)
                .onLine(10);
    }

    @Test
    void invalidMethodGetsNoCodeButItsValidNeighboursDo() {
        JavaFileObject source = bad("""
                @Stream(in = "input")
                static void good(Input<Integer> input) {}

                @Stream(in = "inptu")
                static void broken(Input<Integer> input) {}
                """);
        List<String> generated = new ArrayList<>();
        Compilation compilation = compile(
                new StreamProcessor(env -> {
                    StreamsGenerator generator = new StreamsGenerator(env.getElementUtils(), env.getTypeUtils());
                    return (owner, methods) -> {
                        JavaFile file = generator.generate(owner, methods);
                        generated.add(file.toString());
                        return file;
                    };
                }),
                source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[mimo/UnknownPort]")
                .inFile(source)
                .onLine(11);
        assertEquals(1, generated.size());
        assertTrue(generated.get(0).contains("public static Good good()"), generated.get(0));
        assertFalse(generated.get(0).contains("broken"), generated.get(0));
    }

    @Test
    void unreachableClassGetsNoGeneratedClass() {
        RecordingProcessor processor = new RecordingProcessor(new StreamProcessor());
        Compilation compilation = compile(processor, bad("""
                private static class Hidden {
                    @Stream(in = "input")
                    static void f(Input<Integer> input) {}
                }
                """));
        assertThat(compilation).hadErrorCount(1);
        assertEquals(List.of(), processor.createdNames());
    }

    private static void assertOnlyError(String members, int line, String message) {
        JavaFileObject source = bad(members);
        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line);
        assertThat(compilation).hadErrorCount(1);
    }

    /** Class {@code p.Bad} with {@code members}, the first of them on line 8. */
    static JavaFileObject bad(String members) {
        return JavaFileObjects.forSourceString("p.Bad", """
                package p;

                import io.mimo.Stream;
                import io.mimo.runtime.*;
                import java.util.*;

                class Bad {
                """ + members.indent(4) + "}\n");
    }
}
