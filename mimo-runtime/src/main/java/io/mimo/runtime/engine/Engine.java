package io.mimo.runtime.engine;

import io.mimo.runtime.Execution;

/** Internal: the engine's entry point. Not API. */
public final class Engine {
    private Engine() {}

    /** Starts every stream of {@code plan} on a virtual thread of its own and returns at once. */
    public static Execution start(Plan plan) {
        Run run = new Run(plan);
        run.start();
        return run;
    }
}
