package io.mimo.samples;

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
 * flink} runs the sample as a Flink job on a local MiniCluster instead of {@code run()}.
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
        if (args.isEmpty() || args.get(0).equals("join")) {
            List<String> joinArgs = args.isEmpty() ? List.of() : args.subList(1, args.size());
            return flink ? CsvJoin.run(joinArgs, out, err, FlinkSamples::join) : CsvJoin.run(joinArgs, out, err);
        }
        Function<PrintStream, Workflow> sample = WIRING.get(args.get(0));
        if (sample == null || args.size() > 1) {
            err.println(
                    sample == null
                            ? "unknown sample '" + args.get(0) + "'; the samples are: join, "
                                    + String.join(", ", WIRING.keySet())
                            : "sample '" + args.get(0) + "' takes no arguments");
            return 2;
        }
        Workflow wf = sample.apply(out);
        out.println(wf);
        try {
            if (flink) {
                FlinkSamples.run(args.get(0), out);
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
