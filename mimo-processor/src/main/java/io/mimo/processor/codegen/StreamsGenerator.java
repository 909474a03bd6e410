package io.mimo.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.mimo.processor.model.SignatureTypes;
import io.mimo.processor.model.StepNames;
import io.mimo.processor.model.StreamMethod;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Generates {@code <Class>Streams}: for each stream method of a class, a static factory and a
 * nested step class with one accessor per port.
 */
public final class StreamsGenerator {
    /** The annotation that marks generated classes. */
    public static final String GENERATED = "javax.annotation.processing.Generated";

    private static final String PROCESSOR = "io.mimo.processor.StreamProcessor";

    private final Elements elements;
    private final Types types;
    private final Optional<ClassName> generated;
    /** The simple names of the classes of {@code java.lang}, listed when first needed. */
    private Set<String> javaLangNames;

    public StreamsGenerator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        // the annotation lives in java.compiler, which a modular build need not read
        this.generated = Optional.ofNullable(elements.getTypeElement(GENERATED)).map(ClassName::get);
    }

    /** The source of {@code owner}'s generated class, for its valid stream methods. */
    public JavaFile generate(TypeElement owner, List<StreamMethod> methods) {
        String packageName = elements.getPackageOf(owner).getQualifiedName().toString();
        ClassName generatedClass = ClassName.get(packageName, StepNames.generatedClass(owner));
        TypeSpec.Builder type = TypeSpec.classBuilder(generatedClass)
                .addOriginatingElement(owner)
                .addJavadoc(
                        "The streams of {@link $T}: a factory and a step class for each {@code @Stream} method.\n",
                        ClassName.get(owner))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        generated.ifPresent(annotation -> type.addAnnotation(AnnotationSpec.builder(annotation)
                .addMember("value", "$S", PROCESSOR)
                .build()));
        if (usesDeprecated(owner, methods)) {
            // calling deprecated code is the user's choice, made in their source; not ours to warn about
            type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "{$S, $S}", "deprecation", "removal")
                    .build());
        }
        for (StreamMethod method : methods) {
            StepGenerator step = new StepGenerator(method, generatedClass, types);
            type.addMethod(step.factory());
            type.addType(step.stepClass());
        }
        return JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(!shadowsJavaLang(packageName))
                .indent("    ")
                .build();
    }

    /**
     * Whether a class of {@code packageName} has the name of a {@code java.lang} class, which would
     * win over an unimported {@code java.lang} name; then those are imported explicitly.
     */
    private boolean shadowsJavaLang(String packageName) {
        PackageElement pkg = elements.getPackageElement(packageName);
        if (pkg == null) {
            return false;
        }
        if (javaLangNames == null) {
            // one listing of java.lang, instead of a failing class lookup per class of the package
            javaLangNames = elements.getPackageElement("java.lang").getEnclosedElements().stream()
                    .map(e -> e.getSimpleName().toString())
                    .collect(Collectors.toUnmodifiableSet());
        }
        return pkg.getEnclosedElements().stream()
                .anyMatch(e -> javaLangNames.contains(e.getSimpleName().toString()));
    }

    private boolean usesDeprecated(TypeElement owner, List<StreamMethod> methods) {
        for (Element e = owner; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (elements.isDeprecated(e)) {
                return true;
            }
        }
        return methods.stream()
                .anyMatch(method -> elements.isDeprecated(method.element())
                        || SignatureTypes.of(method.element()).stream()
                                .anyMatch(type -> type.getKind() == TypeKind.DECLARED
                                        && elements.isDeprecated(((DeclaredType) type).asElement())));
    }
}
