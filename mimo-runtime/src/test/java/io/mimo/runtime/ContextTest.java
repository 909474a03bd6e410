package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mimo.runtime.TestSteps.Sink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ContextTest {

    /** A step with an item input, an item output and a byte input, whose body is {@code probe}. */
    static final class Probe extends Step {
        final InPort<Integer> in = input("in");
        final OutPort<Integer> out = output("out");
        final InPort<ByteBuffer> bytes = byteInput("bytes");
        private final BiConsumer<Probe, Context> probe;

        Probe(BiConsumer<Probe, Context> probe) {
            super("probe");
            this.probe = probe;
        }

        @Override
        protected void run(Context context) {
            probe.accept(this, context);
        }
    }

    /** Runs a probe fed by an item source and a byte source. */
    private static void runProbe(BiConsumer<Probe, Context> body) {
        Workflow wf = new Workflow("context");
        var probe = wf.add(new Probe(body));
        wf.add(range("range", 0, 1)).pipe(probe.in);
        var reader = wf.add(new Step("read") {
            final OutPort<ByteBuffer> data = byteOutput("data");

            @Override
            protected void run(Context context) {}
        });
        reader.data.pipe(probe.bytes);
        probe.out.discard();
        wf.run();
    }

    @Test
    void aByteInputIsHandedOutOnceAndReadsToItsEnd() {
        List<Object> seen = new ArrayList<>();

        runProbe((p, c) -> {
            seen.add(c.byteInput(p.bytes) == c.byteInput(p.bytes));
            seen.add(c.byteInput(p.bytes).name());
            seen.add(c.byteInput(p.bytes).readView());
        });

        assertEquals(Arrays.asList(true, "probe.bytes", null), seen);
    }

    @Test
    void theContextHandsOutItsOwnPortsEndsAndRefusesOthers() {
        List<Object> seen = new ArrayList<>();
        Sink<Integer> stranger = new Sink<>("stranger");

        runProbe((p, c) -> {
            seen.add(c.input(p.in) == c.input(p.in));
            seen.add(c.output(p.out).name());
            seen.add(message(() -> c.input(stranger.in)));
            seen.add(message(() -> c.input(p.bytes)));
            seen.add(message(() -> c.byteInput(asBytes(p.in))));
        });

        assertEquals(
                List.of(
                        true,
                        "probe.out",
                        "'stranger.in' is not an input of stream 'probe'; its inputs are: in, bytes",
                        "'probe.bytes' is a byte input: use Context.byteInput for it",
                        "'probe.in' is an item input: use Context.input for it"),
                seen);
    }

    /** Only a cast lets an item port pass for a byte port. */
    @SuppressWarnings("unchecked")
    private static InPort<ByteBuffer> asBytes(InPort<?> port) {
        return (InPort<ByteBuffer>) port;
    }

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }
}
