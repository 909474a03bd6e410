package io.mimo.processor.validation;

import io.mimo.processor.model.StepNames;
import io.mimo.processor.model.StreamAnnotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks that the {@code @Stream} methods of one class give distinct generated names that the
 * generated class can hold: one factory and one step class each.
 */
public final class StreamNameValidator {
    private final Reporter reporter;

    public StreamNameValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Reports each method whose names clash with an earlier one's or with the generated class,
     * and returns the others. As javac does for a method defined twice, the first keeps its names.
     */
    public List<ExecutableElement> distinct(TypeElement owner, List<ExecutableElement> methods) {
        String generatedClass = StepNames.generatedClass(owner);
        Map<String, ExecutableElement> byStepClass = new HashMap<>();
        List<ExecutableElement> distinct = new ArrayList<>();
        for (ExecutableElement method : methods) {
            String name = method.getSimpleName().toString();
            String stepClass = StepNames.stepClass(name);
            ExecutableElement earlier = byStepClass.putIfAbsent(stepClass, method);
            StreamAnnotation annotation = StreamAnnotation.of(method).orElseThrow();
            if (Names.OBJECT_METHODS.contains(name)) {
                reporter.error(
                        ErrorTag.STEP_NAME_CLASH,
                        method,
                        annotation.mirror(),
                        "@Stream method " + name
                                + " would generate a static factory " + name + " in " + generatedClass
                                + ", which clashes"
                                + " with Object." + name + "; rename the method");
            } else if (stepClass.equals(generatedClass)) {
                reporter.error(
                        ErrorTag.STEP_NAME_CLASH,
                        method,
                        annotation.mirror(),
                        "@Stream method " + name
                                + " would generate a step class " + stepClass
                                + " inside the generated class of the same name;"
                                + " rename the method");
            } else if (earlier != null) {
                String what = earlier.getSimpleName().contentEquals(name)
                        ? "the factory " + name + " and the step class " + stepClass + ", and @Stream methods cannot"
                                + " be overloaded"
                        : "the step class " + stepClass;
                reporter.error(
                        ErrorTag.DUPLICATE_STREAM,
                        method,
                        annotation.mirror(),
                        "@Stream method "
                                + signature(method) + " clashes with " + signature(earlier) + ": both would generate "
                                + what
                                + "; rename one of them");
            } else {
                distinct.add(method);
            }
        }
        return distinct;
    }

    private static String signature(ExecutableElement method) {
        List<String> parameters = new ArrayList<>();
        method.getParameters().forEach(p -> parameters.add(StreamValidator.display(p.asType())));
        return method.getSimpleName() + "(" + String.join(", ", parameters) + ")";
    }
}
