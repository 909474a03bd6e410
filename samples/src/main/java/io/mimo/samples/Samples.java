package io.mimo.samples;

import io.mimo.runtime.Workflow;
import io.mimo.runtime.WorkflowException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Runs a sample by name: {@code samples/run NAME [ARGS…]}; with no name, the main job. */
public final class Samples {
    private static final Map<String, Function<PrintStream, Workflow>> SEEDS = new LinkedHashMap<>();

    static {
        SEEDS.put("linear", SeedSamples::linear);
        SEEDS.put("fork", SeedSamples::fork);
        SEEDS.put("split", SeedSamples::split);
        SEEDS.put("zip", SeedSamples::zip);
    }

    private Samples() {}

    public static void main(String[] args) {
        String name = args.length == 0 ? "linear" : args[0];
        Function<PrintStream, Workflow> sample = SEEDS.get(name);
        if (sample == null) {
            System.err.println("unknown sample '" + name + "'; the samples are: " + String.join(", ", SEEDS.keySet()));
            System.exit(2);
        }
        Workflow wf = sample.apply(System.out);
        System.out.println(wf);
        try {
            wf.run();
        } catch (WorkflowException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
