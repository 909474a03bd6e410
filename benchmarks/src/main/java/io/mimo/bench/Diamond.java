package io.mimo.bench;

import com.typesafe.config.ConfigFactory;
import io.mimo.bench.mimo.OpsStreams;
import io.mimo.bench.mimo.Total;
import io.mimo.bench.mimo.TotalStreams;
import io.mimo.runtime.Workflow;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.ClosedShape;
import org.apache.pekko.stream.javadsl.Broadcast;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.GraphDSL;
import org.apache.pekko.stream.javadsl.RunnableGraph;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Zip;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;

/**
 * Workload 3, a diamond: the {@code Integer}s {@code 0 … n-1} → broadcast → ({@code x * 2},
 * {@code x + 1}) → zip into a pair → sum of both halves. One op is {@code diamondItems} items.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Diamond {

    @Param("1000000")
    public int diamondItems;

    private long expected;
    private ActorSystem pekko;

    @Setup(Level.Trial)
    public void setUp() {
        expected = Work.diamondSum(diamondItems);
        pekko = ActorSystem.create(
                "diamond",
                ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
                        .withFallback(ConfigFactory.load()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pekko.terminate();
        pekko.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Benchmark
    public long pekkoGraphDsl(Blackhole bh) throws InterruptedException, ExecutionException {
        long[] s = new long[1];
        Sink<Pair<Integer, Integer>, CompletionStage<Done>> sink =
                Sink.foreach(p -> s[0] += (long) p.first() + p.second());
        RunnableGraph<CompletionStage<Done>> graph = RunnableGraph.fromGraph(GraphDSL.create(sink, (b, out) -> {
            var source = b.add(Source.range(0, diamondItems - 1));
            var broadcast = b.add(Broadcast.<Integer>create(2));
            var zip = b.add(Zip.<Integer, Integer>create());
            var left = b.add(Flow.of(Integer.class).map(x -> x * 2));
            var right = b.add(Flow.of(Integer.class).map(x -> x + 1));
            b.from(source).toFanOut(broadcast);
            b.from(broadcast).via(left).toInlet(zip.in0());
            b.from(broadcast).via(right).toInlet(zip.in1());
            b.from(zip.out()).to(out);
            return ClosedShape.getInstance();
        }));
        graph.run(pekko).toCompletableFuture().get();
        return consume(bh, s[0]);
    }

    @Benchmark
    public long reactorPublishZip(Blackhole bh) {
        long[] s = new long[1];
        Flux.range(0, diamondItems)
                .publish(f -> Flux.zip(f.map(x -> x * 2), f.map(x -> x + 1)))
                .subscribe(t -> s[0] += (long) t.getT1() + t.getT2());
        return consume(bh, s[0]);
    }

    /**
     * As a user writes it: five {@code @Stream} methods, the maps, the zip ({@code Ops.pair}, two
     * element inputs) and the sum ({@link Total#addPair}, as every peer here sums with a per-item
     * callback) element style. The maps run fused on the source's thread; the zip, fed by two
     * pipes, on a thread of its own, with the sum fused into it.
     */
    @Benchmark
    public long mimo(Blackhole bh) {
        return consume(bh, diamond(new Workflow("diamond", Work.CAPACITY)));
    }

    /** Diagnostic: {@link #mimo} with fusion off, each stream on a thread of its own. */
    @Benchmark
    public long mimoFusionOff(Blackhole bh) {
        return consume(bh, diamond(new Workflow("diamond", Work.CAPACITY).fusion(false)));
    }

    private long diamond(Workflow wf) {
        Total total = new Total();
        pairs(wf).pipe(wf.add(TotalStreams.addPair(total)));
        wf.run();
        return total.sum();
    }

    /** Adds the diamond up to its zip to {@code wf}: what the sums read. */
    private OpsStreams.Pair pairs(Workflow wf) {
        var range = wf.add(OpsStreams.range(diamondItems));
        var left = wf.add(OpsStreams.twice());
        var right = wf.add(OpsStreams.plusOne());
        var pair = wf.add(OpsStreams.pair());
        range.pipe(left);
        range.pipe(right);
        left.pipe(pair.left());
        right.pipe(pair.right());
        return pair;
    }

    /** Diagnostic: the sum a process-style method ({@code Ops.sumPairs}) on a thread of its own, behind one more pipe. */
    @Benchmark
    public long mimoSumBehindPipe(Blackhole bh) {
        long[] total = new long[1];
        Workflow wf = new Workflow("diamond", Work.CAPACITY);
        pairs(wf).pipe(wf.add(OpsStreams.sumPairs(total)));
        wf.run();
        return consume(bh, total[0]);
    }

    private long consume(Blackhole bh, long sum) {
        Work.check("diamond sum", expected, sum);
        bh.consume(sum);
        return sum;
    }
}
