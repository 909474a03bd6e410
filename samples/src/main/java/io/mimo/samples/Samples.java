package io.mimo.samples;

import io.mimo.runtime.ConsoleProgress;
import io.mimo.runtime.Workflow;
import io.mimo.runtime.WorkflowException;
import io.mimo.samples.join.CsvJoin;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a sample by name: {@code samples/run NAME [ARGS…] [--runner local|flink]}. With no name it
 * runs the main job, the CSV merge-join ({@code join}) on its embedded data set. {@code --runner
 * flink} runs the sample as a Flink job on a local MiniCluster instead of {@code run()}. Every
 * sample also takes {@code --graph dot|mermaid} (print its graph, run nothing) and {@code --quiet}
 * (no progress on standard error); see {@link Look}.
 */
public final class Samples {
    static final Map<String, Function<PrintStream, Workflow>> WIRING = new LinkedHashMap<>();

    static {
        WIRING.put("linear", WiringSamples::linear);
        WIRING.put("fork", WiringSamples::fork);
        WIRING.put("split", WiringSamples::split);
        WIRING.put("zip", WiringSamples::zip);
    }

    private Samples() {}

    /**
     * The options every sample takes, wherever they stand among its own: {@code --graph dot} or
     * {@code --graph mermaid} prints the sample's graph ({@code Workflow.toDot()} or
     * {@code toMermaid()}) to standard output and runs nothing; {@code --quiet} turns off the
     * {@link ConsoleProgress} a sample shows on standard error.
     *
     * @param quiet whether {@code --quiet} was given
     * @param graph {@code "dot"}, {@code "mermaid"}, or {@code null} to run
     * @param args the sample's own arguments, these taken out
     */
    public record Look(boolean quiet, String graph, List<String> args) {
        /** Takes the shared options out of {@code args}; throws {@link IllegalArgumentException} saying what is wrong. */
        public static Look parse(List<String> args) {
            boolean quiet = false;
            String graph = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--quiet")) {
                    quiet = true;
                } else if (arg.equals("--graph")) {
                    graph = i + 1 < args.size() ? args.get(++i) : "";
                    if (!graph.equals("dot") && !graph.equals("mermaid")) {
                        throw new IllegalArgumentException("--graph takes dot or mermaid, not "
                                + (graph.isEmpty() ? "nothing" : "'" + graph + "'"));
                    }
                } else {
                    rest.add(arg);
                }
            }
            return new Look(quiet, graph, rest);
        }

        /** Prints {@code wf}'s graph to {@code out} if asked; whether it did (then the sample runs nothing). */
        public boolean printGraph(Workflow wf, PrintStream out) {
            if (graph == null) {
                return false;
            }
            out.print(graph.equals("dot") ? wf.toDot() : wf.toMermaid());
            return true;
        }

        /**
         * Unless quiet, shows {@code wf}'s progress on {@code err} (redrawn in place if it is the
         * process's standard error and a terminal), as a share of {@code total} units its sources
         * write when that is positive.
         */
        public void showProgress(Workflow wf, PrintStream err, long total) {
            if (quiet) {
                return;
            }
            ConsoleProgress progress =
                    err == System.err ? ConsoleProgress.toStandardError() : ConsoleProgress.to(err, false);
            wf.listener(total > 0 ? progress.total(total) : progress);
        }
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs the sample {@code args} name; returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean flink = false;
        int runner = args.indexOf("--runner");
        if (runner >= 0) {
            String name = runner + 1 < args.size() ? args.get(runner + 1) : "";
            if (!name.equals("local") && !name.equals("flink")) {
                err.println("--runner takes local or flink, not '" + name + "'");
                return 2;
            }
            flink = name.equals("flink");
            args = new ArrayList<>(args);
            args.subList(runner, runner + 2).clear();
        }
        if (args.isEmpty() || args.get(0).equals("join") || args.get(0).startsWith("--")) {
            List<String> joinArgs = args.isEmpty() || !args.get(0).equals("join") ? args : args.subList(1, args.size());
            return flink ? CsvJoin.run(joinArgs, out, err, FlinkSamples::join) : CsvJoin.run(joinArgs, out, err);
        }
        Look look;
        try {
            look = Look.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<String> own = look.args();
        Function<PrintStream, Workflow> sample = own.isEmpty() ? null : WIRING.get(own.get(0));
        if (sample == null || own.size() > 1) {
            err.println(
                    sample == null
                            ? "unknown sample '" + (own.isEmpty() ? "" : own.get(0)) + "'; the samples are: join, "
                                    + String.join(", ", WIRING.keySet())
                            : "sample '" + own.get(0) + "' takes no arguments but --graph and --quiet");
            return 2;
        }
        Workflow wf = sample.apply(out);
        if (look.printGraph(wf, out)) {
            return 0;
        }
        look.showProgress(wf, err, 0);
        out.println(wf);
        try {
            if (flink) {
                FlinkSamples.run(own.get(0), out);
            } else {
                wf.run();
            }
            return 0;
        } catch (WorkflowException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
