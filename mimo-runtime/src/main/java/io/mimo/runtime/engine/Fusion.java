package io.mimo.runtime.engine;

import io.mimo.runtime.graph.ElementStepView;
import io.mimo.runtime.graph.PipeView;
import io.mimo.runtime.graph.StepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fusion decision: which element steps run fused, each called from the {@code push} of the
 * output feeding it, on that writer's thread, with no pipe and no thread of its own.
 *
 * <p>An element step is fused when its input is fed by exactly one pipe, from an item output of
 * another step, and it runs as one copy. Two exceptions give a step its thread back. A cycle of such steps would leave none
 * of them a thread to run on: the first of each cycle in the graph's order runs unfused. And a
 * fused step is called from its feeder's {@code push}, so each one adds a few frames to the stack
 * of the thread at the head of its chain: every {@value #MAX_DEPTH}th step of a chain runs unfused
 * and starts a chain of its own, behind a pipe, so that however long a chain is written, no thread
 * runs out of stack. (A chain that long gains nothing more from fusion: the JIT stops inlining a
 * call chain far sooner.)
 */
final class Fusion {
    /** Steps fused in a row onto one thread at most. */
    static final int MAX_DEPTH = 256;

    private final WorkflowGraph graph;
    /** By step index: the fused pipe that feeds the step, or {@code null} if it has a thread of its own. */
    private final PipeView[] feeds;

    private Fusion(WorkflowGraph graph, PipeView[] feeds) {
        this.graph = graph;
        this.feeds = feeds;
    }

    /** Decides for every step of {@code graph}; with {@code enabled} false, none is fused. */
    static Fusion decide(WorkflowGraph graph, boolean enabled) {
        int n = graph.steps().size();
        PipeView[] feeds = new PipeView[n];
        if (enabled) {
            Map<Integer, List<PipeView>> pipesInto = new HashMap<>();
            for (PipeView pipe : graph.pipes()) {
                pipesInto
                        .computeIfAbsent(pipe.to().step(), k -> new ArrayList<>())
                        .add(pipe);
            }
            for (StepView step : graph.steps()) {
                List<PipeView> in = pipesInto.getOrDefault(step.index(), List.of());
                // A parallel step's copies read batches through pipes: it is never fused itself.
                if (step instanceof ElementStepView element && element.copies() == 1 && in.size() == 1) {
                    PipeView pipe = in.get(0);
                    if (!pipe.from().bytes() && pipe.from().step() != step.index()) {
                        feeds[step.index()] = pipe;
                    }
                }
            }
            breakCycles(feeds);
            boundDepth(feeds);
        }
        return new Fusion(graph, feeds);
    }

    /** Unfuses the first step (lowest index) of every cycle of fused steps. */
    private static void breakCycles(PipeView[] feeds) {
        byte[] state = new byte[feeds.length]; // 0 unseen, 1 on the walk under way, 2 done
        List<Integer> walk = new ArrayList<>();
        for (int start = 0; start < feeds.length; start++) {
            walk.clear();
            int s = start;
            while (state[s] == 0) {
                state[s] = 1;
                walk.add(s);
                if (feeds[s] == null) {
                    break;
                }
                s = feeds[s].from().step();
            }
            if (state[s] == 1 && feeds[s] != null && walk.contains(s)) {
                // s is on this walk and fed from within it: a cycle from s to the walk's end.
                int first = s;
                for (int i = walk.indexOf(s); i < walk.size(); i++) {
                    first = Math.min(first, walk.get(i));
                }
                feeds[first] = null;
            }
            for (int t : walk) {
                state[t] = 2;
            }
        }
    }

    /** Unfuses every {@link #MAX_DEPTH}+1st step of a chain (no cycles are left). */
    private static void boundDepth(PipeView[] feeds) {
        int[] depth = new int[feeds.length];
        boolean[] known = new boolean[feeds.length];
        Deque<Integer> path = new ArrayDeque<>();
        for (int start = 0; start < feeds.length; start++) {
            int s = start;
            while (!known[s] && feeds[s] != null) {
                path.push(s);
                s = feeds[s].from().step();
            }
            int d = known[s] ? depth[s] : 0;
            known[s] = true;
            depth[s] = d;
            while (!path.isEmpty()) {
                int t = path.pop();
                d++;
                if (d > MAX_DEPTH) {
                    feeds[t] = null;
                    d = 0;
                }
                depth[t] = d;
                known[t] = true;
            }
        }
    }

    /** The fused pipe feeding {@code step}, or {@code null} when it has a thread of its own. */
    PipeView feed(int step) {
        return feeds[step];
    }

    /** Whether {@code pipe} is replaced by a call: it feeds a fused step. */
    boolean fused(PipeView pipe) {
        return pipe.equals(feeds[pipe.to().step()]);
    }

    /** The steps fused into {@code host}, fed by it or by one another, upstream first (depth first, in pipe order). */
    List<StepView> chainOf(StepView host) {
        List<StepView> chain = new ArrayList<>();
        Deque<StepView> todo = new ArrayDeque<>();
        todo.push(host);
        while (!todo.isEmpty()) {
            StepView step = todo.pop();
            if (step != host) {
                chain.add(step);
            }
            List<StepView> next = new ArrayList<>();
            for (PipeView pipe : graph.pipes()) {
                if (pipe.from().step() == step.index() && fused(pipe)) {
                    next.add(graph.step(pipe.to()));
                }
            }
            for (int i = next.size() - 1; i >= 0; i--) {
                todo.push(next.get(i));
            }
        }
        return chain;
    }
}
