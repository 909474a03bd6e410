package io.mimo.processor.validation;

import io.mimo.processor.model.StepNames;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks the class that declares {@code @Stream} methods: the generated class, a separate class
 * in its package, must be able to reach it. Reported once on the class, not on each method.
 */
public final class OwnerValidator {
    private final Reporter reporter;

    public OwnerValidator(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Reports what makes {@code owner}'s streams unreachable; returns whether nothing does. */
    public boolean validate(TypeElement owner) {
        boolean valid = true;
        for (Element e = owner; e instanceof TypeElement type; e = e.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                String where = type.equals(owner)
                        ? "class " + owner.getSimpleName() + " is private"
                        : "class " + owner.getSimpleName() + " is nested in the private class " + type.getSimpleName();
                reporter.error(
                        ErrorTag.PRIVATE_CLASS,
                        owner,
                        where + ", so the generated "
                                + StepNames.generatedClass(owner) + " cannot call its @Stream methods; make "
                                + type.getSimpleName() + " package-private or wider");
                valid = false;
                break;
            }
        }
        if (owner.getNestingKind() == NestingKind.MEMBER
                && owner.getKind() == ElementKind.CLASS
                && !owner.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(
                    ErrorTag.INNER_CLASS,
                    owner,
                    "@Stream methods belong in a top-level or static nested class,"
                            + " and " + owner.getSimpleName() + " is an inner class, whose instances need an enclosing"
                            + " instance; make it static");
            valid = false;
        }
        return valid;
    }
}
