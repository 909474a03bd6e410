/**
 * Internal: the local runner, which runs a {@link io.mimo.runtime.graph.WorkflowGraph} on this JVM.
 * Nothing here is API; the module does not export this package, and {@link
 * io.mimo.runtime.engine.Engine} is public only for {@code io.mimo.runtime.Workflow}.
 *
 * <p>Where things are:
 * <ul>
 *   <li>Planning: {@code GraphCheck} (what stops a graph from running), {@code Fusion} (which
 *       element steps run fused), {@code Picture} (the text picture of a graph).</li>
 *   <li>Running: {@code Scheduler} (threads, who is blocked, deadlock detection and pipe growth,
 *       failure and cancellation: the {@code Execution}), {@code Wiring} (streams and pipes from a
 *       graph), {@code RunningStream} (one stream: its waits, through one protocol,
 *       {@code RunningStream.await}/{@code Scheduler.wake}), {@code ThreadedStream} (one with a
 *       thread) and {@code FusedStep} (an element step called on its feeder's thread).</li>
 *   <li>Pipes: {@code Pipe} (what every kind shares: end, death, waiting for room or data),
 *       {@code ItemPipe} (a bounded single-writer single-reader ring of items; its field layout in
 *       {@code ItemPipeLayout}), {@code ByteInputPipe} (a pipe into a byte input, bounded in bytes,
 *       holding them in the library's {@code BytePipe}).</li>
 *   <li>Port ends, what a stream's body reads and writes ({@code StreamEnds}): {@code ItemInputEnd}
 *       (one pipe or several merged in arrival order), {@code ItemOutputEnd} (broadcast to pipes
 *       and fused steps), {@code FusedOutputEnd} (an output whose only reader is a fused step),
 *       {@code ByteInputEnd}, {@code ByteOutputEnd}.</li>
 * </ul>
 *
 * <p>A stream waits on a {@code Blocker} (room in a pipe, or data on an input), and is ended by a
 * {@code Signal} (the run stops, or every reader of its outputs has ended) that is never reported
 * as a failure.
 */
package io.mimo.runtime.engine;
