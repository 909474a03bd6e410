package io.mimo.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiling test sources with the processor, as a user's build would. */
final class Compilations {
    private Compilations() {}

    /** Compiles with every lint warning on, so that tests can demand none. */
    static Compilation compile(JavaFileObject... sources) {
        return compile(new StreamProcessor(), sources);
    }

    /** As {@link #compile(JavaFileObject...)}, with {@code processor}. */
    static Compilation compile(Processor processor, JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(processor)
                .withOptions("-Xlint:all")
                .compile(sources);
    }

    /** As {@link #compile(JavaFileObject...)}, with {@code other} running before the mimo processor. */
    static Compilation compile(Processor other, StreamProcessor mimo, JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(other, mimo)
                .withOptions("-Xlint:all")
                .compile(sources);
    }

    /** A source file from {@code src/test/resources/sources}, named by its class: {@code "p.Numbers"}. */
    static JavaFileObject source(String className) {
        return JavaFileObjects.forResource("sources/" + className.replace('.', '/') + ".java");
    }

    /**
     * A class loader of the classes {@code compilation} wrote, generated ones included, over this
     * test's class path, on which the runtime is.
     */
    static ClassLoader classLoader(Compilation compilation) {
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                // compile-testing names them mem:///CLASS_OUTPUT/p/NumbersStreams$Fork.class
                String path = file.toUri().getPath();
                String output = "/" + StandardLocation.CLASS_OUTPUT.getName() + "/";
                String name = path.substring(
                        path.indexOf(output) + output.length(),
                        path.length() - JavaFileObject.Kind.CLASS.extension.length());
                try (InputStream in = file.openInputStream()) {
                    classes.put(name.replace('/', '.'), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ClassLoader(Compilations.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /** The text of the source file the compilation generated for {@code className}. */
    static String generated(Compilation compilation, String className) {
        try {
            return compilation
                    .generatedSourceFile(className)
                    .orElseThrow(() -> new AssertionError(
                            "no generated source " + className + " in " + compilation.generatedSourceFiles()))
                    .getCharContent(true)
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
