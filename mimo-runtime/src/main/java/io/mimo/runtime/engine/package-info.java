/**
 * Internal: the engine that runs a {@link io.mimo.runtime.Workflow}. Nothing here is API; its
 * types are public only so that {@code io.mimo.runtime} can hand it a {@link io.mimo.runtime.engine.Plan},
 * and may change in any release.
 *
 * <p>A run is one {@code StreamRun} per stream, each on a virtual thread, joined by {@code Pipe}s:
 * one bounded, single-writer, single-reader pipe per (output, input) pair, of the kind of its input:
 * an {@code ItemPipe} (bounded in items) into an item input, a {@code StreamBytePipe} (bounded in
 * bytes, holding its bytes in the library's {@code BytePipe}) into a byte input. An output
 * broadcasts to its pipes; an item input merges its pipes in arrival order; a byte input has one. Blocking (a full pipe, an empty input) goes
 * through one protocol ({@code StreamRun.await}/{@code Run.wake}) that also counts blocked streams,
 * which is how deadlocks are detected and, when bounded pipes caused them, resolved by growing a pipe.
 *
 * <p>An element step fed by one pipe from an item output is fused ({@code Plan.Edge.fused()}): it
 * has a {@code StreamRun} but no thread and no pipe in; the writer's output calls its handler
 * ({@code ItemOutput} among other readers, {@code FusedOutput} when it is the only one), on the
 * thread of the stream at the head of its chain, its host. See {@code StreamRun} for how its
 * failures, end, death and waits stay its own.
 */
package io.mimo.runtime.engine;
