package io.mimo.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import io.mimo.processor.model.Argument;
import io.mimo.processor.model.Argument.ConfigArgument;
import io.mimo.processor.model.Argument.PortArgument;
import io.mimo.processor.model.Port;
import io.mimo.processor.model.StreamMethod;
import io.mimo.processor.model.Style;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Generates a step's body: {@code run(Context)} with one call of the method in process style, or
 * a loop of calls, one per zipped tuple of items, in element style with several inputs; in element
 * style with one input, the {@code ElementStep}'s {@code open(Context)}, returning a handler that
 * calls the method once per item.
 */
final class RunGenerator {
    private final StreamMethod method;
    private final ClassName owner;
    private final NameAllocator fields;
    /** Local names: ports' items and handles are named after the ports; fields are read as {@code this.x}. */
    private final NameAllocator locals;

    private final String context;

    /**
     * @param fields the names of the step's fields, by port, configuration argument and receiver
     * @param locals an allocator that already holds the names a call {@code Owner.method(…)} starts with
     */
    RunGenerator(StreamMethod method, ClassName owner, NameAllocator fields, NameAllocator locals) {
        this.method = method;
        this.owner = owner;
        this.fields = fields;
        this.locals = locals;
        method.inputs().forEach(p -> locals.newName(p.name(), p));
        method.outputs().forEach(p -> locals.newName(p.name(), p));
        this.context = locals.newName("context");
    }

    MethodSpec run() {
        MethodSpec.Builder run = MethodSpec.methodBuilder("run")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .addParameter(RuntimeNames.CONTEXT, context);
        if (method.throwsExceptions()) {
            run.addException(Exception.class);
        }
        return run.addCode(method.style() == Style.PROCESS ? processBody() : elementBody())
                .build();
    }

    /**
     * {@code open(Context)} of an element step: opens the outputs, and returns a lambda that calls
     * the method with the item, pushing what it returns.
     */
    MethodSpec open() {
        Port input = method.inputs().get(0);
        CodeBlock.Builder body = CodeBlock.builder();
        for (Port output : method.outputs()) {
            body.addStatement("$T $N = $L", handleType(output), locals.get(output), open(output));
        }
        CodeBlock call = call(port -> CodeBlock.of("$N", locals.get(port)));
        switch (method.returnHandling()) {
            case NONE -> body.addStatement("return $N -> $L", locals.get(input), call);
            case VALUE ->
                body.addStatement("return $N -> $N.push($L)", locals.get(input), locals.get(returnPort()), call);
            case OPTIONAL ->
                body.add("return $N -> {\n$>", locals.get(input))
                        .add(pushIfPresent(call))
                        .add("$<};\n");
        }
        return MethodSpec.methodBuilder("open")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(ParameterizedTypeName.get(RuntimeNames.ITEM_HANDLER, StepGenerator.itemType(input)))
                .addParameter(RuntimeNames.CONTEXT, context)
                .addCode(body.build())
                .build();
    }

    /**
     * Pushes what an {@code Optional}-returning {@code call} returns, if anything. Spelled out rather
     * than {@code ifPresent(out::push)}: on the per-item path that would add two calls for the JIT
     * to inline in every step of a fused chain, whose depth it bounds.
     */
    private CodeBlock pushIfPresent(CodeBlock call) {
        Port out = returnPort();
        String value = locals.newName(out.name() + "Value");
        return CodeBlock.builder()
                .addStatement(
                        "$T $N = $L",
                        ParameterizedTypeName.get(ClassName.get(Optional.class), StepGenerator.itemType(out)),
                        value,
                        call)
                .addStatement("if ($N.isPresent()) $N.push($N.get())", value, locals.get(out), value)
                .build();
    }

    private static TypeName handleType(Port output) {
        return output.bytes()
                ? RuntimeNames.BYTE_OUTPUT
                : ParameterizedTypeName.get(RuntimeNames.OUTPUT, StepGenerator.itemType(output));
    }

    /** One call with the ports themselves; a return value goes out once, at the end. */
    private CodeBlock processBody() {
        CodeBlock call = call(port -> open(port));
        return switch (method.returnHandling()) {
            case NONE -> CodeBlock.builder().addStatement("$L", call).build();
            case VALUE ->
                CodeBlock.builder()
                        .addStatement("$L.push($L)", open(returnPort()), call)
                        .build();
            case OPTIONAL ->
                CodeBlock.builder()
                        .addStatement("$L.ifPresent($L::push)", call, open(returnPort()))
                        .build();
        };
    }

    /**
     * One call per zipped tuple of items of several element inputs (one element input makes an
     * element step: {@link #open()}); the loop ends as soon as one of them has ended, without
     * waiting on the others.
     */
    private CodeBlock elementBody() {
        CodeBlock.Builder body = CodeBlock.builder();
        List<Port> inputs = method.inputs();
        Map<Port, String> handles = new HashMap<>();
        for (Port input : inputs) {
            String handle = locals.newName(input.name() + "Input");
            handles.put(input, handle);
            body.addStatement(
                    "$T $N = $L",
                    ParameterizedTypeName.get(RuntimeNames.INPUT, StepGenerator.itemType(input)),
                    handle,
                    open(input));
        }
        for (Port output : method.outputs()) {
            body.addStatement("$T $N = $L", handleType(output), locals.get(output), open(output));
        }
        body.beginControlFlow("for (;;)");
        for (Port input : inputs) {
            body.addStatement(
                    "$T $N = $N.poll()", StepGenerator.itemType(input), locals.get(input), handles.get(input));
            body.addStatement("if ($N == null) break", locals.get(input));
        }
        CodeBlock call = call(port -> CodeBlock.of("$N", locals.get(port)));
        switch (method.returnHandling()) {
            case NONE -> body.addStatement("$L", call);
            case VALUE -> body.addStatement("$N.push($L)", locals.get(returnPort()), call);
            case OPTIONAL -> body.add(pushIfPresent(call));
        }
        return body.endControlFlow().build();
    }

    /**
     * {@code context.<Integer>input(this.input)}: the running end of one of the step's ports. The
     * explicit type argument spares javac an inference per call (see {@link StepGenerator#stepClass()}).
     */
    private CodeBlock open(Port port) {
        return CodeBlock.of(
                "$N.$L$L(this.$N)",
                context,
                port.bytes() ? "" : CodeBlock.of("<$T>", StepGenerator.itemType(port)),
                StepGenerator.declarer(port),
                fields.get(port));
    }

    /** The call of the method, with {@code port} giving the argument for each port parameter. */
    private CodeBlock call(Function<Port, CodeBlock> port) {
        CodeBlock arguments = method.arguments().stream()
                .map(argument -> argument(argument, port))
                .collect(CodeBlock.joining(", "));
        CodeBlock target = method.isStatic()
                ? CodeBlock.of("$T", owner)
                : CodeBlock.of("this.$N", fields.get(StepGenerator.RECEIVER));
        if (method.element().getTypeParameters().isEmpty()) {
            return CodeBlock.of("$L.$L($L)", target, method.name(), arguments);
        }
        // explicit type arguments: the step's type variables are exactly the method's
        CodeBlock typeArguments = method.element().getTypeParameters().stream()
                .map(p -> CodeBlock.of(
                        "$T", TypeVariableName.get(p.getSimpleName().toString())))
                .collect(CodeBlock.joining(", "));
        return CodeBlock.of("$L.<$L>$L($L)", target, typeArguments, method.name(), arguments);
    }

    private CodeBlock argument(Argument argument, Function<Port, CodeBlock> port) {
        return switch (argument) {
            case PortArgument p -> port.apply(p.port());
            case ConfigArgument c -> CodeBlock.of("this.$N", fields.get(c));
        };
    }

    private Port returnPort() {
        return method.returnPort().orElseThrow();
    }
}
