package io.mimo.bench;

import com.typesafe.config.ConfigFactory;
import io.mimo.bench.mimo.OpsStreams;
import io.mimo.bench.mimo.Steps;
import io.mimo.bench.mimo.Total;
import io.mimo.bench.mimo.TotalStreams;
import io.mimo.runtime.Workflow;
import io.reactivex.rxjava3.core.Flowable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
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
 * Workload 2, a linear chain: the {@code Integer}s {@code 0 … n-1} → map → filter → map → filter
 * → sum (see {@link Work}). Every contender runs the whole chain of {@code chainItems} items per op.
 * Each library runs it as its users would: the hand-written loop and {@code java.util.stream} on
 * the calling thread, Reactor and RxJava synchronously (a range source subscribes on the caller),
 * Pekko on its actor system (the stages fused into one actor), mimo as six streams, all but the
 * source element style, so fused onto the source's thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Chain {

    @Param("10000000")
    public int chainItems;

    private long expected;
    private ActorSystem pekko;

    @Setup(Level.Trial)
    public void setUp() {
        expected = Work.chainSum(chainItems);
        pekko = ActorSystem.create(
                "chain",
                ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
                        .withFallback(ConfigFactory.load()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pekko.terminate();
        pekko.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The limit: one loop over the same boxed items, the functions inlined by hand. */
    @Benchmark
    public long handWrittenLoop(Blackhole bh) {
        long s = 0;
        for (int i = 0; i < chainItems; i++) {
            Integer x = i;
            Integer a = x + 1;
            if (a % 3 == 0) {
                continue;
            }
            Integer b = a * 2;
            if (b % 5 == 0) {
                continue;
            }
            s += b;
        }
        return consume(bh, s);
    }

    @Benchmark
    public long javaUtilStream(Blackhole bh) {
        long s = IntStream.range(0, chainItems)
                .boxed()
                .map(x -> x + 1)
                .filter(x -> x % 3 != 0)
                .map(x -> x * 2)
                .filter(x -> x % 5 != 0)
                .mapToLong(Integer::longValue)
                .sum();
        return consume(bh, s);
    }

    @Benchmark
    public long reactorFlux(Blackhole bh) {
        long[] s = new long[1];
        Flux.range(0, chainItems)
                .map(x -> x + 1)
                .filter(x -> x % 3 != 0)
                .map(x -> x * 2)
                .filter(x -> x % 5 != 0)
                .subscribe(x -> s[0] += x);
        return consume(bh, s[0]);
    }

    @Benchmark
    public long rxJavaFlowable(Blackhole bh) {
        long[] s = new long[1];
        Flowable.range(0, chainItems)
                .map(x -> x + 1)
                .filter(x -> x % 3 != 0)
                .map(x -> x * 2)
                .filter(x -> x % 5 != 0)
                .subscribe(x -> s[0] += x);
        return consume(bh, s[0]);
    }

    @Benchmark
    public long pekkoStreams(Blackhole bh) throws InterruptedException, ExecutionException {
        long[] s = new long[1];
        Source.range(0, chainItems - 1)
                .map(x -> x + 1)
                .filter(x -> x % 3 != 0)
                .map(x -> x * 2)
                .filter(x -> x % 5 != 0)
                .runWith(Sink.foreach(x -> s[0] += x), pekko)
                .toCompletableFuture()
                .get();
        return consume(bh, s[0]);
    }

    /**
     * As a user writes it: {@code @Stream} element-style maps and filters (see {@code Ops}), and the
     * sum an element-style instance method ({@link Total#add}) keeping its state in a field, as
     * every peer here sums with a per-item callback; generated steps. The whole chain is element
     * style, so it runs fused on the source's thread.
     */
    @Benchmark
    public long mimo(Blackhole bh) {
        return consume(bh, elementChain(new Workflow("chain", Work.CAPACITY)));
    }

    /** Diagnostic: {@link #mimo} with fusion off, each stream on a thread of its own, a pipe between each two. */
    @Benchmark
    public long mimoFusionOff(Blackhole bh) {
        return consume(bh, elementChain(new Workflow("chain", Work.CAPACITY).fusion(false)));
    }

    private long elementChain(Workflow wf) {
        Total total = new Total();
        mapsAndFilters(wf).pipe(wf.add(TotalStreams.add(total)));
        wf.run();
        return total.sum();
    }

    /** Adds the chain up to its sum to {@code wf}: what the sums read. */
    private OpsStreams.NotDivisibleBy5 mapsAndFilters(Workflow wf) {
        return wf.add(OpsStreams.range(chainItems))
                .pipe(wf.add(OpsStreams.plusOne()))
                .pipe(wf.add(OpsStreams.notDivisibleBy3()))
                .pipe(wf.add(OpsStreams.twice()))
                .pipe(wf.add(OpsStreams.notDivisibleBy5()));
    }

    /**
     * Diagnostic: the sum a process-style method ({@code Ops.sum}, a loop over its {@code Input}),
     * which runs on a thread of its own: the items that pass the filters cross one pipe.
     */
    @Benchmark
    public long mimoSumBehindPipe(Blackhole bh) {
        long[] total = new long[1];
        Workflow wf = new Workflow("chain", Work.CAPACITY);
        mapsAndFilters(wf).pipe(wf.add(OpsStreams.sum(total)));
        wf.run();
        return consume(bh, total[0]);
    }

    /** Diagnostic: the same chain of hand-written process-style steps (a poll/push loop each). */
    @Benchmark
    public long mimoHandWrittenSteps(Blackhole bh) {
        Workflow wf = new Workflow("chain", Work.CAPACITY);
        var sum = wf.add(new Steps.Range(chainItems))
                .pipe(wf.add(new Steps.Map<Integer, Integer>("plus1", x -> x + 1)))
                .pipe(wf.add(new Steps.Filter<Integer>("not3", x -> x % 3 != 0)))
                .pipe(wf.add(new Steps.Map<Integer, Integer>("times2", x -> x * 2)))
                .pipe(wf.add(new Steps.Filter<Integer>("not5", x -> x % 5 != 0)))
                .pipe(wf.add(new Steps.SumInts()));
        wf.run();
        return consume(bh, sum.sum());
    }

    private long consume(Blackhole bh, long sum) {
        Work.check("chain sum", expected, sum);
        bh.consume(sum);
        return sum;
    }
}
