package io.mimo.runtime.engine;

import io.mimo.runtime.WorkflowListener;
import java.time.Duration;
import java.util.List;

/**
 * Internal: how a run is watched, as the workflow was told before it started. Not API.
 *
 * @param counting whether fused outputs count their items ({@code Workflow.counting}, or a listener)
 * @param listeners who hears the run, in the order added
 * @param snapshotEvery how often listeners get a snapshot while the run goes on
 * @param stallTimeout how long nothing may cross a pipe, with no stream running, before it is a stall
 */
public record Watch(boolean counting, List<WorkflowListener> listeners, Duration snapshotEvery, Duration stallTimeout) {
    public Watch {
        listeners = List.copyOf(listeners);
    }
}
