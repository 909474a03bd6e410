package p;

import io.mimo.Stream;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import java.util.List;
import java.util.function.Predicate;

/** Instance methods: state lives in the receiver, which the generated factory takes first. */
class Counter {
    private long seen;

    @Stream(in = "items", out = "total")
    long count(Input<String> items) {
        for (String ignored : items) seen++;
        return seen;
    }

    /** A generic class: the step of an instance method declares the class's type variables too. */
    static final class Filter<E> {
        private final Predicate<? super E> keep;

        Filter(Predicate<? super E> keep) {
            this.keep = keep;
        }

        @Stream(in = "item", out = {"kept", "dropped"})
        <K extends List<E>> void sort(E item, K batch, Output<E> kept, Output<E> dropped) {
            (keep.test(item) ? kept : dropped).push(item);
        }
    }
}
