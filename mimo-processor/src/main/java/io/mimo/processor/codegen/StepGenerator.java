package io.mimo.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.mimo.processor.model.Argument;
import io.mimo.processor.model.Argument.ConfigArgument;
import io.mimo.processor.model.Port;
import io.mimo.processor.model.PortKind;
import io.mimo.processor.model.StepNames;
import io.mimo.processor.model.StreamMethod;
import io.mimo.processor.model.Style;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/** Generates the factory and the step class of one stream method. */
final class StepGenerator {
    /** The tag under which the receiver's field is allocated; no port or parameter can take it. */
    static final Object RECEIVER = new Object();

    private final StreamMethod method;
    private final Types types;
    private final ClassName owner;
    private final ClassName stepClass;
    private final List<TypeVariableName> typeVariables = new ArrayList<>();
    private final TypeName stepType;
    /**
     * Names of the step's fields, which are also its constructor's and factory's parameters. The
     * names a call {@code Owner.method(…)} starts with are taken first: a field of that name would
     * hide the class.
     */
    private final NameAllocator fields;

    StepGenerator(StreamMethod method, ClassName generatedClass, Types types) {
        this.method = method;
        this.types = types;
        this.owner = ClassName.get(method.owner());
        this.stepClass = generatedClass.nestedClass(StepNames.stepClass(method.name()));
        method.typeParameters().forEach(p -> typeVariables.add(TypeVariableName.get(p)));
        this.stepType = typeVariables.isEmpty()
                ? stepClass
                : ParameterizedTypeName.get(stepClass, typeVariables.toArray(TypeName[]::new));
        this.fields = qualifierNames();
        method.inputs().forEach(p -> fields.newName(p.name(), p));
        method.outputs().forEach(p -> fields.newName(p.name(), p));
        if (!method.isStatic()) {
            fields.newName("receiver", RECEIVER);
        }
        configArguments().forEach(c -> fields.newName(c.name(), c));
    }

    private NameAllocator qualifierNames() {
        NameAllocator names = new NameAllocator();
        names.newName(owner.topLevelClassName().simpleName());
        if (!owner.packageName().isEmpty()) {
            names.newName(owner.packageName().split("\\.")[0]);
        }
        return names;
    }

    /** {@code public static Fork fork(…)}: a new step, given the receiver and the configuration. */
    MethodSpec factory() {
        List<ParameterSpec> parameters = constructorParameters();
        return MethodSpec.methodBuilder(method.name())
                .addJavadoc("Returns a new step that runs $L.\n", link())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addTypeVariables(typeVariables)
                .returns(stepType)
                .addParameters(parameters)
                .varargs(method.element().isVarArgs() && isReifiable(lastParameterComponent()))
                .addStatement(
                        "return new $T($L)",
                        stepType,
                        parameters.stream().map(p -> CodeBlock.of("$N", p)).collect(CodeBlock.joining(", ")))
                .build();
    }

    /**
     * Whether the step is an {@code ElementStep}: element style with one input, called once per
     * item, which the runtime may fuse onto the thread that feeds it. Element style with several
     * inputs zips them in a {@code Step} of its own.
     */
    static boolean isElementStep(StreamMethod method) {
        return method.style() == Style.ELEMENT && method.inputs().size() == 1;
    }

    /**
     * {@code public static final class Fork extends Step implements …}, or for an element step
     * {@code public static final class Square extends ElementStep<Integer> implements …}, whose
     * input port the superclass declares. Each port records the class of its items where the
     * model knows it ({@code this.<Integer>input("x", Integer.class)}, {@code super("square", "x",
     * Integer.class)}), for runners that must know at run time what crosses a pipe.
     *
     * <p>Generated code calls the runtime's generic methods with explicit type arguments
     * ({@code this.<Integer>input("x", Integer.class)}, {@code context.<Integer>input(this.x)})
     * and instantiates generic steps without the diamond: javac then infers nothing there, and
     * inference took a fifth of the memory javac allocated compiling generated code.
     */
    TypeSpec stepClass() {
        boolean element = isElementStep(method);
        TypeSpec.Builder step = TypeSpec.classBuilder(stepClass)
                .addJavadoc("The stream of $L.\n", link())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addTypeVariables(typeVariables)
                .superclass(
                        element
                                ? ParameterizedTypeName.get(
                                        RuntimeNames.ELEMENT_STEP,
                                        itemType(method.inputs().get(0)))
                                : RuntimeNames.STEP);
        if (method.inputs().size() == 1 && !element) {
            step.addSuperinterface(ParameterizedTypeName.get(
                    RuntimeNames.ONE_INPUT, itemType(method.inputs().get(0))));
        }
        if (method.outputs().size() == 1) {
            step.addSuperinterface(ParameterizedTypeName.get(
                    RuntimeNames.ONE_OUTPUT, itemType(method.outputs().get(0))));
        }
        for (Port port : element ? method.outputs() : ports()) {
            step.addField(FieldSpec.builder(portType(port), fields.get(port), Modifier.PRIVATE, Modifier.FINAL)
                    .initializer(declaration(port))
                    .build());
        }
        for (ParameterSpec parameter : constructorParameters()) {
            step.addField(parameter.type(), parameter.name(), Modifier.PRIVATE, Modifier.FINAL);
        }
        step.addMethod(constructor());
        for (Port port : ports()) {
            step.addMethod(MethodSpec.methodBuilder(port.name())
                    .addJavadoc(
                            "The $L port {@code $L}.\n", port.kind() == PortKind.IN ? "input" : "output", port.name())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(portType(port))
                    .addCode(
                            element && port.kind() == PortKind.IN
                                    ? CodeBlock.builder()
                                            .addStatement("return onlyInput()")
                                            .build()
                                    : CodeBlock.builder()
                                            .addStatement("return $N", fields.get(port))
                                            .build())
                    .build());
        }
        if (method.inputs().size() == 1 && !element) {
            step.addMethod(onlyPort("onlyInput", method.inputs().get(0)));
        }
        if (method.outputs().size() == 1) {
            step.addMethod(onlyPort("onlyOutput", method.outputs().get(0)));
        }
        RunGenerator body = new RunGenerator(method, owner, fields, qualifierNames());
        step.addMethod(element ? body.open() : body.run());
        return step.build();
    }

    private MethodSpec constructor() {
        MethodSpec.Builder constructor =
                MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameters(constructorParameters());
        if (isElementStep(method)) {
            Port input = method.inputs().get(0);
            constructor.addStatement("super($S, $S$L)", method.name(), input.name(), itemClassArgument(input));
        } else {
            constructor.addStatement("super($S)", method.name());
        }
        constructorParameters().forEach(p -> constructor.addStatement("this.$N = $N", p, p));
        return constructor.build();
    }

    /** The receiver, if any, then the configuration parameters, named as the step's fields. */
    private List<ParameterSpec> constructorParameters() {
        List<ParameterSpec> parameters = new ArrayList<>();
        if (!method.isStatic()) {
            parameters.add(ParameterSpec.builder(TypeName.get(method.owner().asType()), fields.get(RECEIVER))
                    .build());
        }
        for (ConfigArgument config : configArguments()) {
            parameters.add(ParameterSpec.builder(TypeName.get(config.type()), fields.get(config))
                    .build());
        }
        return parameters;
    }

    private List<ConfigArgument> configArguments() {
        List<ConfigArgument> configs = new ArrayList<>();
        for (Argument argument : method.arguments()) {
            if (argument instanceof ConfigArgument config) {
                configs.add(config);
            }
        }
        return configs;
    }

    private List<Port> ports() {
        List<Port> ports = new ArrayList<>(method.inputs());
        ports.addAll(method.outputs());
        return ports;
    }

    private MethodSpec onlyPort(String name, Port port) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(portType(port))
                .addStatement("return $N", fields.get(port))
                .build();
    }

    /** {@code {@link Numbers#fork(Input, Output, Output)}}, with erased parameter types as javadoc wants. */
    private CodeBlock link() {
        CodeBlock parameters = method.element().getParameters().stream()
                .map(VariableElement::asType)
                .map(t -> CodeBlock.of("$T", TypeName.get(types.erasure(t))))
                .collect(CodeBlock.joining(", "));
        return CodeBlock.of("{@link $T#$L($L)}", owner, method.name(), parameters);
    }

    /**
     * {@code this.<Integer>input("x", Integer.class)}, {@code this.<T>output("y")} when the item
     * class is unknown, {@code byteInput("raw")} for a byte port, which records its items itself.
     */
    private static CodeBlock declaration(Port port) {
        if (port.bytes()) {
            return CodeBlock.of("$L($S)", declarer(port), port.name());
        }
        return CodeBlock.of("this.<$T>$L($S$L)", itemType(port), declarer(port), port.name(), itemClassArgument(port));
    }

    /**
     * {@code , Integer.class}: the argument that records the erasure of the port's item type
     * ({@code List.class} for {@code List<String>}: a raw class literal is a {@code Class<? super
     * List<String>>} without warning), or nothing when it is unknown.
     */
    private static CodeBlock itemClassArgument(Port port) {
        return port.itemClass()
                .map(type -> CodeBlock.of(", $T.class", TypeName.get(type)))
                .orElse(CodeBlock.of(""));
    }

    /** The method of {@code Step} that declares {@code port}, which is also the one of {@code Context} that opens it. */
    static String declarer(Port port) {
        if (port.bytes()) {
            return port.kind() == PortKind.IN ? "byteInput" : "byteOutput";
        }
        return port.kind() == PortKind.IN ? "input" : "output";
    }

    static TypeName itemType(Port port) {
        return TypeName.get(port.type());
    }

    static TypeName portType(Port port) {
        return ParameterizedTypeName.get(
                port.kind() == PortKind.IN ? RuntimeNames.IN_PORT : RuntimeNames.OUT_PORT, itemType(port));
    }

    private TypeMirror lastParameterComponent() {
        List<? extends VariableElement> parameters = method.element().getParameters();
        TypeMirror last = parameters.get(parameters.size() - 1).asType();
        return last instanceof ArrayType array ? array.getComponentType() : last;
    }

    /**
     * Whether a varargs factory may take {@code T...} without javac warning of heap pollution;
     * otherwise the factory takes the array.
     */
    private static boolean isReifiable(TypeMirror type) {
        return switch (type.getKind()) {
            case ARRAY -> isReifiable(((ArrayType) type).getComponentType());
            case DECLARED ->
                ((DeclaredType) type)
                        .getTypeArguments().stream()
                                .allMatch(a -> a instanceof WildcardType w
                                        && w.getExtendsBound() == null
                                        && w.getSuperBound() == null);
            case TYPEVAR -> false;
            default -> type.getKind().isPrimitive();
        };
    }
}
