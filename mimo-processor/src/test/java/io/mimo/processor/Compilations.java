package io.mimo.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiling test sources with the processor, as a user's build would. */
final class Compilations {
    private Compilations() {}

    /** Compiles with every lint warning on, so that tests can demand none. */
    static Compilation compile(JavaFileObject... sources) {
        return compile(new StreamProcessor(), sources);
    }

    /** As {@link #compile(JavaFileObject...)}, with {@code processor}. */
    static Compilation compile(Processor processor, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(processor).withOptions("-Xlint:all").compile(sources);
    }

    /** As {@link #compile(JavaFileObject...)}, with {@code other} running before the mimo processor. */
    static Compilation compile(Processor other, StreamProcessor mimo, JavaFileObject... sources) {
        return Compiler.javac().withProcessors(other, mimo).withOptions("-Xlint:all").compile(sources);
    }

    /** A source file from {@code src/test/resources/sources}, named by its class: {@code "p.Numbers"}. */
    static JavaFileObject source(String className) {
        return JavaFileObjects.forResource("sources/" + className.replace('.', '/') + ".java");
    }

    /** The text of the source file the compilation generated for {@code className}. */
    static String generated(Compilation compilation, String className) {
        try {
            return compilation.generatedSourceFile(className)
                    .orElseThrow(() -> new AssertionError("no generated source " + className + " in "
                            + compilation.generatedSourceFiles()))
                    .getCharContent(true)
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
