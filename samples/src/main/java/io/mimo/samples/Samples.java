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
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a sample by name: {@code samples/run [NAME] [ARGS…] [--runner local|flink] [--quiet] [--graph
 * dot|mermaid]}. The three options every sample takes may stand anywhere and are read by one parser,
 * {@link Look}; of the other arguments the first is the sample's name. With no name, or an option
 * first, it runs the main job, the CSV merge-join ({@code join}): on the files its arguments name,
 * or on its embedded data set.
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
     * The options every sample takes, wherever they stand among its own: {@code --runner local}
     * (the default) runs the sample's workflow here, {@code --runner flink} runs it as a Flink job
     * on a local MiniCluster; {@code --graph dot} or {@code --graph mermaid} prints the sample's
     * graph ({@code Workflow.toDot()} or {@code toMermaid()}) to standard output and runs nothing;
     * {@code --quiet} turns off the {@link ConsoleProgress} a local run shows on standard error.
     *
     * @param quiet whether {@code --quiet} was given
     * @param graph {@code "dot"}, {@code "mermaid"}, or {@code null} to run
     * @param runner where the sample runs
     * @param args the sample's own arguments, these taken out
     */
    public record Look(boolean quiet, String graph, Runner runner, List<String> args) {
        /** Where a sample runs: the value of {@code --runner}, in lower case. */
        public enum Runner {
            /** {@link Workflow#run()}, in this process. */
            LOCAL,
            /** A Flink job on a MiniCluster started for it, in this process. */
            FLINK;

            /** Its name as {@code --runner} takes it. */
            String option() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        private static final List<String> GRAPHS = List.of("dot", "mermaid");
        private static final List<String> RUNNERS =
                Arrays.stream(Runner.values()).map(Runner::option).toList();

        /**
         * Takes the shared options out of {@code args}; throws {@link IllegalArgumentException}
         * naming the option at fault, the values it takes, and the one it was given.
         */
        public static Look parse(List<String> args) {
            boolean quiet = false;
            String graph = null;
            Runner runner = Runner.LOCAL;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--quiet" -> quiet = true;
                    case "--graph" -> graph = choice(args, ++i, GRAPHS);
                    case "--runner" ->
                        runner = Runner.valueOf(choice(args, ++i, RUNNERS).toUpperCase(Locale.ROOT));
                    default -> rest.add(args.get(i));
                }
            }
            return new Look(quiet, graph, runner, List.copyOf(rest));
        }

        /** The value at {@code i} of the option just before it, if it is one of {@code choices}. */
        private static String choice(List<String> args, int i, List<String> choices) {
            String value = i < args.size() ? args.get(i) : null;
            if (value == null || !choices.contains(value)) {
                throw new IllegalArgumentException(args.get(i - 1) + " takes " + String.join(" or ", choices) + ", not "
                        + (value == null ? "nothing" : "'" + value + "'"));
            }
            return value;
        }

        /** These options with {@code args} as the sample's own arguments. */
        public Look withArgs(List<String> args) {
            return new Look(quiet, graph, runner, List.copyOf(args));
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
         * write when that is positive. Only on the local runner: on Flink, {@code wf} never runs
         * (the job's tasks build workflows of their own), so there is no progress of it to show.
         */
        public void showProgress(Workflow wf, PrintStream err, long total) {
            if (quiet || runner != Runner.LOCAL) {
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

    /** Runs the sample {@code args} name; returns the exit status (0 done, 1 failed, 2 bad arguments). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        Look look;
        try {
            look = Look.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<String> own = look.args();
        if (own.isEmpty() || own.get(0).equals("join") || own.get(0).startsWith("--")) {
            Look join = !own.isEmpty() && own.get(0).equals("join") ? look.withArgs(own.subList(1, own.size())) : look;
            // a lambda, not FlinkSamples::join: the local runner's class path has no Flink, and
            // the lambda loads FlinkSamples only when --runner flink calls it
            return CsvJoin.run(join, out, err, (options, printTo) -> FlinkSamples.join(options, printTo));
        }
        String name = own.get(0);
        Function<PrintStream, Workflow> sample = WIRING.get(name);
        if (sample == null) {
            err.println("unknown sample '" + name + "'; the samples are: join, " + String.join(", ", WIRING.keySet()));
            return 2;
        }
        if (own.size() > 1) {
            err.println(name + ": unexpected argument '" + own.get(1)
                    + "'; it takes only --runner local|flink, --quiet and --graph dot|mermaid");
            return 2;
        }
        Workflow wf = sample.apply(out);
        if (look.printGraph(wf, out)) {
            return 0;
        }
        look.showProgress(wf, err, 0);
        out.println(wf);
        try {
            if (look.runner() == Look.Runner.FLINK) {
                FlinkSamples.run(name, out);
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
