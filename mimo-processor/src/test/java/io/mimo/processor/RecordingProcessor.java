package io.mimo.processor;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Runs a processor and records the source files it creates with their originating elements,
 * which compile-testing does not show once a compilation has failed; or makes its {@link Filer}
 * fail.
 */
final class RecordingProcessor implements Processor {
    /** A source file created through the {@link Filer}. */
    record Created(String name, List<String> originatingElements) {}

    private final Processor delegate;
    /** What every {@code createSourceFile} throws, or {@code null}. */
    private final IOException failure;

    private final List<Created> created = new ArrayList<>();

    RecordingProcessor(Processor delegate) {
        this(delegate, null);
    }

    private RecordingProcessor(Processor delegate, IOException failure) {
        this.delegate = delegate;
        this.failure = failure;
    }

    /** Runs {@code delegate} with a {@link Filer} whose {@code createSourceFile} throws {@code failure}. */
    static RecordingProcessor failingWrites(Processor delegate, IOException failure) {
        return new RecordingProcessor(delegate, failure);
    }

    /** The source files created so far, in order. */
    List<Created> created() {
        return List.copyOf(created);
    }

    /** The names of the source files created so far. */
    List<String> createdNames() {
        return created.stream().map(Created::name).toList();
    }

    @Override
    public void init(ProcessingEnvironment env) {
        Filer filer = forward(Filer.class, env.getFiler(), (method, args) -> {
            if (method.getName().equals("createSourceFile")) {
                if (failure != null) {
                    throw failure;
                }
                created.add(new Created(
                        args[0].toString(),
                        Arrays.stream((Element[]) args[1]).map(Object::toString).toList()));
            }
            return null;
        });
        delegate.init(forward(
                ProcessingEnvironment.class,
                env,
                (method, args) -> method.getName().equals("getFiler") ? filer : null));
    }

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
            Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }

    /** What to answer instead of {@code target}, or {@code null} to let it answer. */
    private interface Answer {
        Object answer(java.lang.reflect.Method method, Object[] args) throws IOException;
    }

    private static <T> T forward(Class<T> type, T target, Answer override) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object answer = override.answer(method, args);
            if (answer != null) {
                return answer;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
