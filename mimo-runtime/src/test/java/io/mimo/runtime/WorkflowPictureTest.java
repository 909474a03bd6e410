package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Split;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class WorkflowPictureTest {

    @Test
    void picturesStepsPortsAndPipesInTheOrderTheyWereMade() {
        Workflow wf = new Workflow("even-odd");
        var range = wf.add(range("range", 0, 10));
        var fork = wf.add(new Split<Integer, Integer, Integer>("fork", (in, even, odd) -> {}));
        var evens = wf.add(new Sink<Integer>("print"));
        var odds = wf.add(new Sink<Integer>("print"));
        range.pipe(fork);
        fork.left.pipe(evens.in);
        fork.right.pipe(odds.in, 16);
        var bytes = wf.add(new Step("read") {
            final OutPort<ByteBuffer> data = byteOutput("data");
            final OutPort<Integer> count = output("count");

            @Override
            protected void run(Context context) {}
        });
        bytes.count.discard();

        assertEquals("""
                workflow 'even-odd': 5 streams, 3 pipes
                  streams
                    range    in: -   out: out
                    fork     in: in  out: left, right
                    print    in: in  out: -
                    print-2  in: in  out: -
                    read     in: -   out: data [bytes], count
                  pipes
                    range.out   -> fork.in      256 items
                    fork.left   -> print.in     256 items
                    fork.right  -> print-2.in   16 items
                    read.data   -> (nothing)    (output not piped)
                    read.count  -> (discarded)""", wf.toString());
    }

    @Test
    void picturesAnEmptyWorkflow() {
        assertEquals("workflow 'empty': 0 streams, 0 pipes", new Workflow("empty").toString());
    }
}
