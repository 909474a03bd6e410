package io.mimo.runtime;

/**
 * A step with exactly one output port: it pipes straight into a one-input step or an input port.
 * Generated step classes implement it where it applies.
 */
public interface OneOutput<T> {

    /** The step's only output port. */
    OutPort<T> onlyOutput();

    /** Pipes the only output into {@code next}'s only input and returns {@code next}, so pipes chain. */
    default <S extends OneInput<? super T>> S pipe(S next) {
        onlyOutput().pipe(next.onlyInput());
        return next;
    }

    /** As {@link #pipe(OneInput)}, with a pipe of {@code capacity} items instead of the workflow's default. */
    default <S extends OneInput<? super T>> S pipe(S next, int capacity) {
        onlyOutput().pipe(next.onlyInput(), capacity);
        return next;
    }

    /** Pipes the only output into {@code input} and returns it. */
    default <I extends InPort<? super T>> I pipe(I input) {
        return onlyOutput().pipe(input);
    }

    /** As {@link #pipe(InPort)}, through a pipe of {@code capacity} instead of the workflow's default. */
    default <I extends InPort<? super T>> I pipe(I input, int capacity) {
        return onlyOutput().pipe(input, capacity);
    }
}
