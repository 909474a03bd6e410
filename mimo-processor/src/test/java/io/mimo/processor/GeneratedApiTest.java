package io.mimo.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mimo.processor.Compilations.compile;
import static io.mimo.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** User workflows written against the generated API: what must compile does, and miswiring does not. */
class GeneratedApiTest {

    @Test
    void designExampleWorkflowCompilesWithoutWarnings() {
        JavaFileObject workflow = workflow("""
                Workflow wf = new Workflow("even-odd");
                var range = wf.add(NumbersStreams.range(0, 100_000));
                var fork  = wf.add(NumbersStreams.fork());
                var evens = wf.add(NumbersStreams.<Integer>print(" is even"));
                var odds  = wf.add(NumbersStreams.<Integer>print(" is odd"));
                range.pipe(fork);
                fork.even().pipe(evens.value());
                fork.odd().pipe(odds);
                System.out.println(wf);
                wf.run();
                """);
        assertThat(compile(source("p.Numbers"), workflow)).succeededWithoutWarnings();
    }

    @Test
    void outputsFeedInputsOfASupertypeAndPipesChain() {
        JavaFileObject workflow = workflow("""
                Workflow wf = new Workflow("variance");
                var range = wf.add(NumbersStreams.range(0, 10));
                var numbers = wf.add(NumbersStreams.<Number>print(" is a number"));
                var objects = wf.add(NumbersStreams.<Object>print(" is an object"));
                var count = wf.add(StatsStreams.count());
                var multiply = wf.add(NumbersStreams.multiply());
                var fork = wf.add(NumbersStreams.fork());
                InPort<Number> value = range.pipe(fork).even().pipe(numbers.value());
                fork.odd().pipe(count).pipe(wf.add(NumbersStreams.<Long>print(" counted")));
                wf.pipe(multiply.product(), objects.value(), 16);
                wf.add(NumbersStreams.range(0, 5)).onlyOutput().pipe(multiply.multiplicand());
                wf.add(NumbersStreams.range(5, 10)).onlyOutput().pipe(multiply.multiplier(), 4);
                Step step = value.step();
                System.out.println(step.name());
                """);
        assertThat(compile(source("p.Numbers"), source("p.Stats"), workflow)).succeededWithoutWarnings();
    }

    @Test
    void integerOutputPipedToStringInputDoesNotCompile() {
        JavaFileObject workflow = workflow("""
                Workflow wf = new Workflow("miswired");
                var fork = wf.add(NumbersStreams.fork());
                var strings = wf.add(NumbersStreams.<String>print(""));
                fork.even().pipe(strings.value());
                """);
        Compilation compilation = compile(source("p.Numbers"), workflow);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("no suitable method found for pipe(io.mimo.runtime.InPort<java.lang.String>)")
                .inFile(workflow)
                .onLine(10);
    }

    @Test
    void integerStepPipedToStringStepDoesNotCompile() {
        JavaFileObject workflow = workflow("""
                Workflow wf = new Workflow("miswired");
                var range = wf.add(NumbersStreams.range(0, 10));
                range.pipe(wf.add(NumbersStreams.<String>print("")));
                """);
        Compilation compilation = compile(source("p.Numbers"), workflow);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("no suitable method found for pipe(p.NumbersStreams.Print<java.lang.String>)")
                .inFile(workflow)
                .onLine(9);
    }

    @Test
    void misspeltPortIsAMissingMethod() {
        JavaFileObject workflow = workflow("""
                Workflow wf = new Workflow("misspelt");
                var fork = wf.add(NumbersStreams.fork());
                fork.evn().discard();
                """);
        Compilation compilation = compile(source("p.Numbers"), workflow);
        assertThat(compilation)
                .hadErrorContaining("cannot find symbol")
                .inFile(workflow)
                .onLine(9);
        assertThat(compilation)
                .hadErrorContaining("method evn()")
                .inFile(workflow)
                .onLine(9);
    }

    @Test
    void stepWithTwoOutputsHasNoStepToStepPipe() {
        JavaFileObject workflow = workflow("""
                Workflow wf = new Workflow("ambiguous");
                var fork = wf.add(NumbersStreams.fork());
                fork.pipe(wf.add(NumbersStreams.<Integer>print("")));
                """);
        assertThat(compile(source("p.Numbers"), workflow))
                .hadErrorContaining("cannot find symbol")
                .inFile(workflow)
                .onLine(9);
    }

    /** A class in package {@code p} whose method body is {@code body}, starting on line 7. */
    private static JavaFileObject workflow(String body) {
        return JavaFileObjects.forSourceString("p.Wiring", """
                package p;

                import io.mimo.runtime.*;

                final class Wiring {
                    static void wire() {
                """ + body.indent(8) + """
                    }
                }
                """);
    }
}
