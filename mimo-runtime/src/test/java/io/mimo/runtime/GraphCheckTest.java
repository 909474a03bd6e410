package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Join;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What wiring refuses at once, and what run()/start() refuse before any thread starts. */
@Timeout(30)
class GraphCheckTest {

    private static String refusal(Workflow wf) {
        return assertThrows(IllegalStateException.class, wf::run).getMessage();
    }

    @Test
    void anInputPipedFromNothingIsRefused() {
        Workflow wf = new Workflow("w");
        wf.add(new Sink<Integer>("print"));

        assertEquals(
                "workflow 'w' cannot run, 1 problem:\n"
                        + "  - step 'print': input 'in' is piped from nothing: pipe an output into it",
                refusal(wf));
    }

    @Test
    void anOutputPipedToNothingAndNotDiscardedIsRefused() {
        Workflow wf = new Workflow("w");
        wf.add(range("range", 0, 3));

        assertEquals(
                "workflow 'w' cannot run, 1 problem:\n"
                        + "  - step 'range': output 'out' is piped to nothing: pipe it to an input, or call discard() on it",
                refusal(wf));
    }

    @Test
    void aStepAddedTwiceIsRefused() {
        Workflow wf = new Workflow("w");
        var source = wf.add(range("range", 0, 3));
        source.out.discard();
        assertEquals(source, wf.add(source));

        assertEquals(
                "workflow 'w' cannot run, 1 problem:\n" + "  - step 'range' was added twice: add each step once",
                refusal(wf));
    }

    @Test
    void aStepOfAnotherWorkflowIsRefused() {
        Workflow other = new Workflow("other");
        var source = other.add(range("range", 0, 3));
        source.out.discard();
        Workflow wf = new Workflow("w");
        wf.add(source);

        assertTrue(refusal(wf).contains("step 'range' was added to this workflow but belongs to workflow 'other'"));
        other.run(); // still a valid workflow of its own
    }

    @Test
    void pipesAcrossWorkflowsOrToStepsOfNoWorkflowAreRefused() {
        Workflow wf = new Workflow("w");
        Workflow other = new Workflow("other");
        var source = wf.add(range("range", 0, 3));
        var foreign = other.add(new Sink<Integer>("foreign"));
        var loose = new Sink<Integer>("loose");
        var sink = wf.add(new Sink<Integer>("sink"));
        var outsider = other.add(range("outsider", 0, 3));
        source.pipe(foreign);
        source.pipe(loose);
        source.pipe(sink);
        outsider.pipe(sink);

        assertEquals(
                "workflow 'w' cannot run, 3 problems:\n"
                        + "  - step 'range': output 'out' is piped to 'foreign.in', whose step 'foreign' is in workflow"
                        + " 'other': pipes cannot cross workflows\n"
                        + "  - step 'range': output 'out' is piped to 'loose.in', whose step 'loose' is in no workflow:"
                        + " add it to workflow 'w'\n"
                        + "  - step 'sink': input 'in' is piped from 'outsider.out', whose step 'outsider' is in workflow"
                        + " 'other': pipes cannot cross workflows",
                refusal(wf));
    }

    @Test
    void aByteInputFedByTwoPipesIsRefusedNamingThePort() {
        Workflow wf = new Workflow("w");
        class Writer extends Step {
            final OutPort<ByteBuffer> bytes = byteOutput("bytes");

            Writer(String name) {
                super(name);
            }

            @Override
            protected void run(Context context) {}
        }
        var a = wf.add(new Writer("a"));
        var b = wf.add(new Writer("b"));
        var items = wf.add(new Source<ByteBuffer>("items", out -> {}));
        var reader = wf.add(new Step("parse") {
            final InPort<ByteBuffer> in = byteInput("in");

            @Override
            protected void run(Context context) {}
        });
        a.bytes.pipe(reader.in);
        b.bytes.pipe(reader.in);
        items.out.pipe(reader.in);

        assertEquals(
                "workflow 'w' cannot run, 1 problem:\n"
                        + "  - step 'parse': byte input 'in' is piped from 3 outputs ('a.bytes', 'b.bytes', 'items.out'):"
                        + " a byte input takes exactly one pipe, as the bytes of several writers would interleave"
                        + " meaninglessly; merge them upstream, or use an item input",
                refusal(wf));
    }

    @Test
    void everyProblemIsListedInOneExceptionAndNothingStarts() {
        AtomicBoolean ran = new AtomicBoolean();
        Workflow wf = new Workflow("w");
        var source = wf.add(new Source<Integer>("source", out -> ran.set(true)));
        var join = wf.add(new Join<Integer, Integer, Integer>("join", (l, r, o) -> ran.set(true)));
        source.out.pipe(join.left);
        wf.add(source);

        String message = refusal(wf);

        assertEquals(
                "workflow 'w' cannot run, 3 problems:\n"
                        + "  - step 'source' was added twice: add each step once\n"
                        + "  - step 'join': input 'right' is piped from nothing: pipe an output into it\n"
                        + "  - step 'join': output 'out' is piped to nothing: pipe it to an input, or call discard() on it",
                message);
        assertFalse(ran.get());
    }

    @Test
    void aRefusedWorkflowRunsOnceFixed() {
        Workflow wf = new Workflow("w");
        var source = wf.add(range("range", 0, 3));
        var sink = wf.add(new Sink<Integer>("sink"));
        refusal(wf);

        source.pipe(sink);
        wf.run();

        assertEquals(java.util.List.of(0, 1, 2), sink.items);
    }

    @Test
    void aWorkflowRunsOnce() {
        Workflow wf = new Workflow("w");
        wf.add(range("range", 0, 3)).out.discard();
        wf.run();

        assertEquals(
                "workflow 'w' cannot run, 1 problem:\n"
                        + "  - workflow 'w' has already run: a workflow runs once; build a new one",
                refusal(wf));
    }

    @Test
    void wiringMistakesAreRefusedAtOnce() {
        Workflow wf = new Workflow("w");
        var source = wf.add(range("range", 0, 3));
        var sink = wf.add(new Sink<Integer>("sink"));
        var other = wf.add(new Sink<Integer>("other"));

        assertEquals(
                "the capacity of pipe 'range.out -> sink.in' must be in [1, 1073741824] items, got 0",
                assertThrows(IllegalArgumentException.class, () -> source.out.pipe(sink.in, 0))
                        .getMessage());
        source.pipe(sink);
        assertEquals(
                "cannot pipe 'range.out' into 'sink.in' twice: one pipe per output and input",
                assertThrows(IllegalStateException.class, () -> source.pipe(sink))
                        .getMessage());
        assertEquals(
                "cannot discard 'range.out': it is already piped to 'sink.in'; an output is either piped or"
                        + " discarded",
                assertThrows(IllegalStateException.class, source.out::discard).getMessage());

        var discarding = wf.add(range("discarding", 0, 3));
        discarding.out.discard();
        assertEquals(
                "cannot pipe 'discarding.out' into 'other.in': 'discarding.out' was discarded; an output is"
                        + " either piped or discarded",
                assertThrows(IllegalStateException.class, () -> discarding.pipe(other))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Workflow("w", 0));
        assertThrows(IllegalArgumentException.class, () -> new Workflow(" "));
    }

    @Test
    void nothingChangesOnceTheWorkflowHasStarted() {
        Workflow wf = new Workflow("w");
        var source = wf.add(range("range", 0, 3));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(sink);
        var late = new Sink<Integer>("late");
        wf.run();

        assertEquals(
                "cannot pipe 'range.out' into 'late.in': workflow 'w' has already started",
                assertThrows(IllegalStateException.class, () -> source.pipe(late))
                        .getMessage());
        assertEquals(
                "cannot add step 'late': workflow 'w' has already started",
                assertThrows(IllegalStateException.class, () -> wf.add(late)).getMessage());
        assertThrows(IllegalStateException.class, () -> wf.growthLimit(10));
    }

    @Test
    void portNamesAreNonBlankAndUniquePerStep() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> new Step("bad") {
            final InPort<Integer> in = input(" ");

            @Override
            protected void run(Context context) {}
        });
        assertEquals(
                "step 'bad' declares a port with a blank name, got ' ': give every port a non-blank name",
                blank.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new Step("twice") {
            final InPort<Integer> in = input("x");
            final OutPort<Integer> out = output("x");

            @Override
            protected void run(Context context) {}
        });
        assertEquals(
                "step 'twice' declares port 'x' twice: port names must be unique across a step's inputs and"
                        + " outputs",
                twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sink<Integer>(""));
    }

    @Test
    void stepsWhoseNameIsTakenAreRenamedUniquely() {
        Workflow wf = new Workflow("w");
        var first = wf.add(new Sink<Integer>("print"));
        var second = wf.add(new Sink<Integer>("print"));
        var explicit = wf.add(new Sink<Integer>("print-3"));
        var third = wf.add(new Sink<Integer>("print"));

        assertEquals("print", first.name());
        assertEquals("print-2", second.name());
        assertEquals("print-3", explicit.name());
        assertEquals("print-4", third.name());
        assertEquals("print-2.in", second.in.toString());
    }

    @Test
    void aStepAddedUnderAGivenNameTakesThatNameAndStaysUnique() {
        Workflow wf = new Workflow("w");
        var orders = wf.add("parse orders", new Sink<Integer>("parse"));
        var again = wf.add("parse orders", new Sink<Integer>("parse"));

        assertEquals("parse orders", orders.name());
        assertEquals("parse orders-2", again.name());
        assertEquals("parse orders.in", orders.in.toString());
        assertThrows(IllegalArgumentException.class, () -> wf.add(" ", new Sink<Integer>("parse")));
    }
}
