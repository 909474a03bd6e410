package io.mimo.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The workflows a test started, to end them all after it and see how each ended. */
final class Runs {
    private final List<Execution> runs = new CopyOnWriteArrayList<>();

    /** Starts {@code workflow} and remembers its run. */
    Execution start(Workflow workflow) {
        Execution run = workflow.start();
        runs.add(run);
        return run;
    }

    /** The runs started so far, in order. */
    List<Execution> all() {
        return List.copyOf(runs);
    }

    /**
     * Cancels the runs still under way and waits for every run to end; forgets them.
     *
     * @return the failures of the runs that failed, those cancelled here included
     * @throws AssertionError if a run is still under way {@code timeout} after its cancellation
     */
    List<WorkflowException> endAll(Duration timeout) {
        runs.forEach(Execution::cancel);
        List<WorkflowException> failures = new ArrayList<>();
        for (Execution run : runs) {
            try {
                if (!run.await(timeout)) {
                    throw new AssertionError(run + " still runs " + timeout + " after its cancellation");
                }
            } catch (WorkflowException e) {
                failures.add(e);
            }
        }
        runs.clear();
        return failures;
    }
}
