package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mimo.runtime.TestSteps.Sink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DynamicStepTest {

    @Test
    void aStreamBuiltFromNamesAndABodyRunsBetweenTypedSteps() {
        Workflow wf = new Workflow("dynamic");
        var source = wf.add(range("range", 0, 5));
        var twice = wf.add(DynamicStep.of("double", List.of("x"), List.of("y"), ports -> {
            for (Object o : ports.input("x")) {
                ports.output("y").push((Integer) o * 2);
            }
        }));
        var sink = wf.add(new Sink<Object>("sink"));
        source.out.pipe(twice.in("x"));
        twice.out("y").pipe(sink.in);

        wf.run();

        assertEquals(List.of(0, 2, 4, 6, 8), sink.items);
        assertEquals(List.of(twice.in("x")), twice.inputs());
        assertEquals(List.of(twice.out("y")), twice.outputs());
    }

    @Test
    void dynamicStepsWithSeveralPortsSplitAndJoin() {
        Workflow wf = new Workflow("dynamic");
        var source = wf.add(range("range", 0, 10));
        var fork = wf.add(DynamicStep.of("fork", List.of("input"), List.of("even", "odd"), ports -> {
            for (Object o : ports.input("input")) {
                ports.output((Integer) o % 2 == 0 ? "even" : "odd").push(o);
            }
        }));
        var pairs = wf.add(DynamicStep.of("pairs", List.of("a", "b"), List.of("out"), ports -> {
            for (Object a = ports.input("a").poll(), b = ports.input("b").poll();
                    a != null && b != null;
                    a = ports.input("a").poll(), b = ports.input("b").poll()) {
                ports.output("out").push(a + "+" + b);
            }
        }));
        var sink = wf.add(new Sink<Object>("sink"));
        source.out.pipe(fork.in("input"));
        fork.out("even").pipe(pairs.in("a"));
        fork.out("odd").pipe(pairs.in("b"));
        pairs.out("out").pipe(sink.in);

        wf.run();

        assertEquals(List.of("0+1", "2+3", "4+5", "6+7", "8+9"), sink.items);
    }

    @Test
    void anUnknownPortNameIsAnErrorListingTheNames() {
        var step = DynamicStep.of("double", List.of("x"), List.of("y", "z"), ports -> ports.input("w"));

        assertEquals(
                "step 'double' has no input 'q'; its inputs are: x",
                assertThrows(IllegalArgumentException.class, () -> step.in("q")).getMessage());
        assertEquals(
                "step 'double' has no output 'x'; its outputs are: y, z",
                assertThrows(IllegalArgumentException.class, () -> step.out("x"))
                        .getMessage());

        Workflow wf = new Workflow("unknown");
        wf.add(step);
        wf.add(range("range", 0, 1)).out.pipe(step.in("x"));
        step.out("y").discard();
        step.out("z").discard();
        WorkflowException e = assertThrows(WorkflowException.class, wf::run);
        assertEquals(
                "step 'double' has no input 'w'; its inputs are: x",
                assertInstanceOf(IllegalArgumentException.class, e.getCause()).getMessage());
    }

    @Test
    void portNamesAreCheckedAsForAnyStep() {
        assertThrows(IllegalArgumentException.class, () -> DynamicStep.of("dup", List.of("a"), List.of("a"), p -> {}));
    }
}
