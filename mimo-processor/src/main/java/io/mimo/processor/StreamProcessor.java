package io.mimo.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.mimo.processor.codegen.StreamsGenerator;
import io.mimo.processor.model.SignatureTypes;
import io.mimo.processor.model.StreamAnnotation;
import io.mimo.processor.model.StreamMethod;
import io.mimo.processor.model.StreamMethodFactory;
import io.mimo.processor.validation.ErrorTag;
import io.mimo.processor.validation.OwnerValidator;
import io.mimo.processor.validation.Reporter;
import io.mimo.processor.validation.StreamNameValidator;
import io.mimo.processor.validation.StreamValidator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaFileObject;

/**
 * The mimo annotation processor: checks {@code @Stream} methods and generates, for each class
 * that has some, a class {@code <Class>Streams} with a factory and a typed step class per method.
 *
 * <p>This class only orchestrates: {@link io.mimo.processor.validation} holds the rules,
 * {@link io.mimo.processor.model} what a valid declaration means, {@link io.mimo.processor.codegen}
 * the code. Its choices:
 *
 * <ul>
 *   <li>An invalid method gets its errors and no code; the valid methods of the same class are
 *       still generated, so that code using them keeps compiling and only the broken method's
 *       uses are reported. A class the generated code cannot reach (private, inner) gets nothing.
 *   <li>A class whose stream signatures mention types that do not exist yet, which another
 *       processor may generate, is deferred to the next round; types still unresolved when
 *       processing ends are reported then, and nothing is generated for that class.
 *   <li>The processor never throws: a failure of its own becomes one {@code [mimo/InternalError]}
 *       on the element being processed.
 *   <li>javac shows processors no member of a local or anonymous class, so {@code @Stream} there
 *       goes unseen: no code and no error of ours; uses of the missing factory fail instead.
 * </ul>
 */
@AutoService(Processor.class)
public final class StreamProcessor extends AbstractProcessor {
    private final Function<ProcessingEnvironment, BiFunction<TypeElement, List<StreamMethod>, JavaFile>> generators;
    /** Classes deferred to the next round, by qualified name: elements do not outlive their round. */
    private final Set<String> deferred = new LinkedHashSet<>();

    private final Set<String> processed = new HashSet<>();
    /** The classes written, by qualified name. */
    private final Set<String> written = new HashSet<>();

    private Reporter reporter;
    private OwnerValidator ownerValidator;
    private StreamValidator streamValidator;
    private StreamNameValidator streamNameValidator;
    private StreamMethodFactory factory;
    private BiFunction<TypeElement, List<StreamMethod>, JavaFile> generator;

    /** The processor as javac and build tools load it. */
    public StreamProcessor() {
        this(env -> new StreamsGenerator(env.getElementUtils(), env.getTypeUtils())::generate);
    }

    /** A processor that generates code with what {@code generators} makes of the environment. */
    StreamProcessor(Function<ProcessingEnvironment, BiFunction<TypeElement, List<StreamMethod>, JavaFile>> generators) {
        this.generators = generators;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reporter = new Reporter(env.getMessager());
        ownerValidator = new OwnerValidator(reporter);
        streamValidator = new StreamValidator(env.getElementUtils(), env.getTypeUtils(), reporter);
        streamNameValidator = new StreamNameValidator(reporter);
        factory = new StreamMethodFactory(env.getElementUtils(), env.getTypeUtils());
        generator = generators.apply(env);
    }

    /**
     * {@code @Stream}, and {@code @Generated} so that the classes written here can be claimed:
     * javac's {@code -Xlint:processing} warns of annotations no processor claims.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(StreamAnnotation.NAME, StreamsGenerator.GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<TypeElement> owners = new LinkedHashSet<>();
        for (String name : deferred) {
            Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name))
                    .ifPresent(owners::add);
        }
        deferred.clear();
        Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(StreamAnnotation.NAME))
                .map(round::getElementsAnnotatedWith)
                .ifPresent(elements -> ElementFilter.methodsIn(elements)
                        .forEach(method -> owners.add((TypeElement) method.getEnclosingElement())));
        for (TypeElement owner : owners) {
            try {
                process(owner, round.processingOver());
            } catch (RuntimeException | LinkageError e) {
                internalError(owner, e);
            }
        }
        return annotations.stream().allMatch(annotation -> claims(annotation, round));
    }

    /**
     * Claims {@code @Stream}, which is this processor's alone, and {@code @Generated} only when
     * every class carrying it is one written here: claiming others' would hide them from other
     * processors, and the answer is for all of a round's annotations at once.
     */
    private boolean claims(TypeElement annotation, RoundEnvironment round) {
        return annotation.getQualifiedName().contentEquals(StreamAnnotation.NAME)
                || round.getElementsAnnotatedWith(annotation).stream()
                        .allMatch(e -> e instanceof TypeElement type
                                && written.contains(type.getQualifiedName().toString()));
    }

    private void process(TypeElement owner, boolean lastRound) {
        String name = owner.getQualifiedName().toString();
        if (processed.contains(name)) {
            return;
        }
        List<ExecutableElement> methods = ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
                .filter(method -> StreamAnnotation.of(method).isPresent())
                .toList();
        if (methods.stream().anyMatch(StreamProcessor::hasUnresolved)) {
            if (!lastRound) {
                deferred.add(name);
                return;
            }
            methods.forEach(this::reportUnresolved);
            processed.add(name);
            return;
        }
        processed.add(name);
        boolean reachable = ownerValidator.validate(owner);
        List<StreamMethod> valid = new ArrayList<>();
        for (ExecutableElement method : streamNameValidator.distinct(owner, methods)) {
            try {
                StreamAnnotation annotation = StreamAnnotation.of(method).orElseThrow();
                if (streamValidator.validate(method, annotation)) {
                    valid.add(factory.create(method, annotation));
                }
            } catch (RuntimeException | LinkageError e) {
                internalError(method, e);
            }
        }
        if (reachable && !valid.isEmpty()) {
            write(owner, generator.apply(owner, valid));
        }
    }

    private static boolean hasUnresolved(ExecutableElement method) {
        return SignatureTypes.firstUnresolved(method).isPresent()
                || !StreamAnnotation.of(method).orElseThrow().unresolved().isEmpty();
    }

    private void reportUnresolved(ExecutableElement method) {
        String consequence = " could not be resolved, so no step was generated for "
                + method.getEnclosingElement().getSimpleName()
                + "; fix the reference, or make sure whatever generates ";
        SignatureTypes.firstUnresolved(method)
                .ifPresent(type -> reporter.error(
                        ErrorTag.UNRESOLVED_TYPE,
                        method,
                        "type " + type + " in the signature of @Stream method " + method.getSimpleName() + consequence
                                + simpleName(type) + " runs"));
        StreamAnnotation annotation = StreamAnnotation.of(method).orElseThrow();
        for (AnnotationValue value : annotation.unresolved()) {
            reporter.error(
                    ErrorTag.UNRESOLVED_TYPE,
                    method,
                    annotation.mirror(),
                    value,
                    "a port name of @Stream" + " method " + method.getSimpleName() + consequence + "it runs");
        }
    }

    private static String simpleName(TypeMirror type) {
        String name = type.toString().replaceAll("<.*", "");
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private void write(TypeElement owner, JavaFile file) {
        String name = file.packageName()
                + (file.packageName().isEmpty() ? "" : ".")
                + file.typeSpec().name();
        try {
            // rendered whole, then written at once: JavaPoet writes token by token
            String source = file.toString();
            JavaFileObject target = processingEnv
                    .getFiler()
                    .createSourceFile(
                            name, file.typeSpec().originatingElements().toArray(Element[]::new));
            try (Writer writer = target.openWriter()) {
                writer.write(source);
            }
            written.add(name);
        } catch (IOException e) {
            String reason =
                    e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            reporter.error(
                    ErrorTag.WRITE_FAILED,
                    owner,
                    "could not write " + name + ", the generated class of "
                            + owner.getSimpleName() + "'s @Stream methods: " + reason + "; if your sources or another"
                            + " processor already define a class " + name + ", rename that class (or "
                            + owner.getSimpleName() + "); otherwise make sure the directory of generated sources can be"
                            + " written");
        }
    }

    private void internalError(Element element, Throwable failure) {
        String trace = Arrays.stream(failure.getStackTrace())
                .limit(5)
                .map(frame -> "\n\tat " + frame)
                .collect(Collectors.joining());
        reporter.error(
                ErrorTag.INTERNAL_ERROR,
                element,
                "mimo failed while processing " + element.getSimpleName()
                        + ": " + failure + trace
                        + "\nThis is a bug in mimo, not in your code; please report it with the"
                        + " declaration that caused it");
    }
}
