package io.mimo.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mimo.processor.Compilations.compile;
import static io.mimo.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the processor behaves as a processor: rounds, failures, registration, names it must not trip on. */
class ProcessorBehaviourTest {

    @Test
    void classUsingATypeAndConstantAnotherProcessorGeneratesIsDeferredUntilTheyExist() {
        JavaFileObject source = JavaFileObjects.forSourceString("p.Uses", """
                package p;

                import io.mimo.Stream;
                import io.mimo.runtime.Input;

                class Uses {
                    @Stream(in = Later.PORT)
                    static void consume(Input<Later> later) {}
                }
                """);
        Compilation compilation = Compilations.compile(new GeneratesLater(), new StreamProcessor(), source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("p.UsesStreams")
                .contentsAsUtf8String()
                .contains("private final InPort<Later> later = this.<Later>input(\"later\", Later.class);");
    }

    @Test
    void typeStillUnresolvedWhenProcessingEndsIsReportedAndNothingGenerated() {
        JavaFileObject source = JavaFileObjects.forSourceString("p.Uses", """
                package p;

                import io.mimo.Stream;
                import io.mimo.runtime.Input;

                class Uses {
                    @Stream(in = "missing")
                    static void consume(Input<Missing> missing) {}
                }
                """);
        RecordingProcessor processor = new RecordingProcessor(new StreamProcessor());
        Compilation compilation = compile(processor, source);
        assertThat(compilation)
                .hadErrorContaining("[mimo/UnresolvedType] type Missing in the signature of @Stream"
                        + " method consume could not be resolved, so no step was generated for Uses; fix the reference, or"
                        + " make sure whatever generates Missing runs")
                .inFile(source)
                .onLine(8);
        assertThat(compilation)
                .hadErrorContaining("cannot find symbol")
                .inFile(source)
                .onLine(8);
        assertEquals(List.of(), processor.createdNames());
    }

    @Test
    void constantStillUnresolvedWhenProcessingEndsIsReportedOnTheValue() {
        JavaFileObject source = JavaFileObjects.forSourceString("p.Uses", """
                package p;

                import io.mimo.Stream;
                import io.mimo.runtime.Input;

                class Uses {
                    @Stream(in = {"input",
                                  Missing.PORT})
                    static void consume(Input<String> input) {}
                }
                """);
        Compilation compilation = compile(source);
        assertThat(compilation)
                .hadErrorContaining("[mimo/UnresolvedType] a port name of @Stream method consume could"
                        + " not be resolved, so no step was generated for Uses;")
                .inFile(source)
                .onLine(8);
        assertThat(compilation)
                .hadErrorContaining("cannot find symbol")
                .inFile(source)
                .onLine(8);
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void internalFailureBecomesOneErrorOnTheClassInsteadOfACrash() {
        JavaFileObject source = source("p.Numbers");
        Compilation compilation = compile(
                new StreamProcessor(env -> (owner, methods) -> {
                    throw new IllegalStateException("generator exploded");
                }),
                source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[mimo/InternalError] mimo failed while processing Numbers:"
                        + " java.lang.IllegalStateException: generator exploded")
                .inFile(source)
                .onLine(7);
        assertThat(compilation).hadErrorContaining("This is a bug in mimo, not in your code; please report it");
    }

    @Test
    void classOfTheGeneratedNameInTheSourcesIsAWriteFailureNamingItAndTheFix() {
        JavaFileObject source = source("p.Numbers");
        JavaFileObject handWritten = JavaFileObjects.forSourceString("p.NumbersStreams", """
                package p;

                final class NumbersStreams {}
                """);
        Compilation compilation = compile(source, handWritten);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[mimo/WriteFailed] could not write p.NumbersStreams, the generated"
                        + " class of Numbers's @Stream methods: Attempt to recreate a file for type p.NumbersStreams; if your"
                        + " sources or another processor already define a class p.NumbersStreams, rename that class (or"
                        + " Numbers); otherwise make sure the directory of generated sources can be written")
                .inFile(source)
                .onLine(7);
    }

    @Test
    void filerThatCannotWriteIsAWriteFailureOnTheClass() {
        JavaFileObject source = source("p.Numbers");
        RecordingProcessor processor =
                RecordingProcessor.failingWrites(new StreamProcessor(), new IOException("No space left on device"));
        Compilation compilation = compile(processor, source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[mimo/WriteFailed] could not write p.NumbersStreams, the generated"
                        + " class of Numbers's @Stream methods: No space left on device;")
                .inFile(source)
                .onLine(7);
        assertEquals(List.of(), processor.createdNames());
    }

    @Test
    void generatedClassHasTheAnnotatedClassAsItsOnlyOriginatingElement() {
        RecordingProcessor processor = new RecordingProcessor(new StreamProcessor());
        assertThat(compile(processor, source("p.Numbers"), source("p.Outer"))).succeededWithoutWarnings();
        assertEquals(
                List.of(
                        new RecordingProcessor.Created("p.NumbersStreams", List.of("p.Numbers")),
                        new RecordingProcessor.Created("p.Outer_InnerStreams", List.of("p.Outer.Inner"))),
                processor.created());
    }

    @Test
    void registeredAsAProcessorAndDeclaredIsolatingForGradle() {
        assertEquals(
                "io.mimo.processor.StreamProcessor",
                resource("META-INF/services/javax.annotation.processing.Processor")
                        .strip());
        assertEquals(
                "io.mimo.processor.StreamProcessor,isolating",
                resource("META-INF/gradle/incremental.annotation.processors").strip());
        StreamProcessor processor = new StreamProcessor();
        assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
        assertTrue(processor.getSupportedAnnotationTypes().contains("io.mimo.Stream"));
    }

    @Test
    void namesThatCollideWithGeneratedCodeStillCompileWithoutWarnings() {
        // step classes named like runtime types, ports named like locals and the class they call,
        // and a class of the package that shadows java.lang.Exception
        JavaFileObject exception = JavaFileObjects.forSourceString("q.Exception", """
                package q;

                public class Exception extends java.lang.Exception {
                    private static final long serialVersionUID = 1L;
                }
                """);
        JavaFileObject clashes = JavaFileObjects.forSourceString("q.Clashes", """
                package q;

                import io.mimo.Stream;
                import io.mimo.runtime.*;

                class Clashes {
                    @Stream(in = "context", out = "Clashes")
                    static void step(Input<String> context, Output<String> Clashes) throws Exception {}

                    @Stream(in = {"q", "contextInput"}, out = "receiver")
                    int context(int q, int contextInput, String input) { return q; }

                    @Stream(in = "input", out = "output")
                    static String input(String input, long receiver) { return input; }

                    @Stream(in = "inPort", out = "generated")
                    static <Step> Step output(Step inPort) { return inPort; }

                    @Stream(in = "value", out = "onlyOutputs")
                    static Object clashes(Object value) { return value; }
                }
                """);
        Compilation compilation = compile(exception, clashes);
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void ownersOfEveryKindAndPackageCompileWithoutWarnings() {
        JavaFileObject kinds = JavaFileObjects.forSourceString("Kinds", """
                import io.mimo.Stream;
                import io.mimo.runtime.*;

                interface Kinds {
                    @Stream(in = "x", out = "y")
                    static int twice(int x) { return 2 * x; }

                    @Stream(in = "x", out = "y")
                    default int thrice(int x) { return 3 * x; }

                    enum Sign {
                        PLUS, MINUS;

                        @Stream(in = "x", out = "y")
                        int apply(int x) { return this == PLUS ? x : -x; }
                    }

                    record Scale(int factor) {
                        @Stream(in = "x", out = "y")
                        int apply(int x) { return factor * x; }
                    }
                }
                """);
        assertThat(compile(kinds)).succeededWithoutWarnings();
    }

    @Test
    void deprecatedMethodsAndTypesCompileWithoutWarnings() {
        JavaFileObject old = JavaFileObjects.forSourceString("p.Old", """
                package p;

                import io.mimo.Stream;
                import io.mimo.runtime.*;

                class Old {
                    @Deprecated
                    static final class Item {}

                    @Deprecated(forRemoval = true)
                    @Stream(in = "item", out = "copy")
                    static void copy(Input<Item> item, Output<Item> copy) {}
                }
                """);
        assertThat(compile(old)).succeededWithoutWarnings();
    }

    private static String resource(String name) {
        try (InputStream in = StreamProcessor.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, "no resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates {@code p.Later}, with a constant, in its first round, as some other processor might. */
    private static final class GeneratesLater extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("io.mimo.Stream");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                try (Writer writer =
                        processingEnv.getFiler().createSourceFile("p.Later").openWriter()) {
                    writer.write("package p;\n\npublic final class Later {\n"
                            + "    public static final String PORT = \"later\";\n}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }
}
