package io.mimo.bench;

import com.typesafe.config.ConfigFactory;
import io.mimo.bench.mimo.OpsStreams;
import io.mimo.bench.mimo.Total;
import io.mimo.bench.mimo.TotalStreams;
import io.mimo.runtime.Workflow;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Workload 7, a parallel map: the {@code Integer}s {@code 0 … n-1} → a CPU-heavy map
 * ({@link Work#hash}, about 1.2 µs of integer arithmetic per item here) → an order-sensitive fold
 * ({@link Work#fold}, {@code s * 31 + y}), so that every ordered contender must hand the items on
 * in input order. One op is {@code parallelItems} items. What is measured is how much of a second
 * core (or of more copies than cores) each contender turns into speed while keeping the order;
 * two hand-written platform threads, each hashing one half, give what a second core can give.
 *
 * <p>mimo runs the map as one copy, fused on the source's thread with the fold (the default), and
 * as 2 and 4 ordered copies ({@code Workflow.parallel}: a dealer, the copies and a merger, each a
 * stream of its own). The peers: the hand-written loop (one thread: what one core can do) and the
 * same on two threads, each one half (what two cores can do),
 * Reactor's {@code flatMapSequential} with each item a {@code Mono} on {@code Schedulers.parallel()},
 * and the same over batches of 64 (as mimo deals them), Pekko's {@code mapAsync} with each item a
 * future on the actor system's dispatcher, and, as an unordered diagnostic, Reactor's
 * {@code parallel().runOn().map().sequential()}, whose check is a plain sum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParallelMap {

    @Param("200000")
    public int parallelItems;

    /** Items per batch in the batched Reactor contender: mimo's batch size. */
    private static final int BATCH = 64;

    private long expected;
    private long expectedSum;
    private ActorSystem pekko;

    @Setup(Level.Trial)
    public void setUp() {
        expected = Work.hashFold(parallelItems);
        expectedSum = Work.hashSum(parallelItems);
        pekko = ActorSystem.create(
                "parallel",
                ConfigFactory.parseString("pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING")
                        .withFallback(ConfigFactory.load()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        pekko.terminate();
        pekko.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The limit for one core: one loop on the calling thread, nothing boxed, nothing handed over. */
    @Benchmark
    public long handWrittenLoop(Blackhole bh) {
        long s = 0;
        for (int i = 0; i < parallelItems; i++) {
            s = Work.fold(s, Work.hash(i));
        }
        return consume(bh, s);
    }

    /**
     * The limit of two cores: two platform threads each hash one half of the items into an array
     * (no hand-over, no queue), then the calling thread folds the array in order. What a second
     * core can give on this machine at the time of the run.
     */
    @Benchmark
    public long handWrittenTwoThreads(Blackhole bh) throws InterruptedException {
        int n = parallelItems;
        int half = n / 2;
        int[] ys = new int[n];
        Thread other = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < half; i++) {
                ys[i] = Work.hash(i);
            }
        });
        for (int i = half; i < n; i++) {
            ys[i] = Work.hash(i);
        }
        other.join();
        long s = 0;
        for (int y : ys) {
            s = Work.fold(s, y);
        }
        return consume(bh, s);
    }

    /**
     * As a user writes it, one copy: the map an element-style {@code @Stream} method
     * ({@code Ops.hash}) and the fold an element-style instance method ({@link Total#fold}), so
     * both run fused on the source's thread (the default).
     */
    @Benchmark
    public long mimoOneCopy(Blackhole bh) {
        return consume(bh, mimo(1));
    }

    /** The same map run as 2 ordered copies ({@code wf.parallel(hash, 2)}), the fold after it in input order. */
    @Benchmark
    public long mimoParallel2(Blackhole bh) {
        return consume(bh, mimo(2));
    }

    /** 4 ordered copies: more copies than cores. */
    @Benchmark
    public long mimoParallel4(Blackhole bh) {
        return consume(bh, mimo(4));
    }

    private long mimo(int copies) {
        Total total = new Total();
        Workflow wf = new Workflow("parallel-map", Work.CAPACITY);
        var hash = wf.parallel(wf.add(OpsStreams.hash()), copies);
        wf.add(OpsStreams.range(parallelItems)).pipe(hash).pipe(wf.add(TotalStreams.fold(total)));
        wf.run();
        return total.sum();
    }

    /**
     * Reactor, ordered, the form its documentation gives for concurrent work whose order matters:
     * {@code flatMapSequential}, each item a {@code Mono.fromCallable} subscribed on
     * {@code Schedulers.parallel()} (one worker per core), at most {@code concurrency} at a time,
     * their results merged back in input order.
     */
    @Benchmark
    public long reactorFlatMapSequential2(Blackhole bh) {
        return consume(bh, reactorFlatMapSequential(2));
    }

    @Benchmark
    public long reactorFlatMapSequential4(Blackhole bh) {
        return consume(bh, reactorFlatMapSequential(4));
    }

    private long reactorFlatMapSequential(int concurrency) {
        Long s = Flux.range(0, parallelItems)
                .flatMapSequential(
                        x -> Mono.fromCallable(() -> Work.hash(x)).subscribeOn(Schedulers.parallel()), concurrency)
                .reduce(0L, Work::fold)
                .block();
        return s == null ? 0 : s;
    }

    /**
     * Reactor, ordered, in batches of 64 items as mimo deals them: {@code buffer(64)}, then
     * {@code flatMapSequential} of one {@code Mono} per batch: one hand-over per batch, not per item.
     */
    @Benchmark
    public long reactorBatchedFlatMapSequential2(Blackhole bh) {
        return consume(bh, reactorBatchedFlatMapSequential(2));
    }

    @Benchmark
    public long reactorBatchedFlatMapSequential4(Blackhole bh) {
        return consume(bh, reactorBatchedFlatMapSequential(4));
    }

    private long reactorBatchedFlatMapSequential(int concurrency) {
        Long s = Flux.range(0, parallelItems)
                .buffer(BATCH)
                .flatMapSequential(
                        batch -> Mono.fromCallable(() -> hashAll(batch)).subscribeOn(Schedulers.parallel()),
                        concurrency)
                .reduce(0L, (acc, ys) -> {
                    long t = acc;
                    for (int y : ys) {
                        t = Work.fold(t, y);
                    }
                    return t;
                })
                .block();
        return s == null ? 0 : s;
    }

    private static int[] hashAll(List<Integer> batch) {
        int[] ys = new int[batch.size()];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = Work.hash(batch.get(i));
        }
        return ys;
    }

    /**
     * Pekko Streams, ordered: {@code mapAsync(parallelism)}, each item a {@code CompletableFuture}
     * on the actor system's default dispatcher, the results emitted in input order.
     */
    @Benchmark
    public long pekkoMapAsync2(Blackhole bh) throws InterruptedException, ExecutionException {
        return consume(bh, pekkoMapAsync(2));
    }

    @Benchmark
    public long pekkoMapAsync4(Blackhole bh) throws InterruptedException, ExecutionException {
        return consume(bh, pekkoMapAsync(4));
    }

    private long pekkoMapAsync(int parallelism) throws InterruptedException, ExecutionException {
        return Source.range(0, parallelItems - 1)
                .mapAsync(parallelism, x -> CompletableFuture.supplyAsync(() -> Work.hash(x), pekko.dispatcher()))
                .runWith(Sink.fold(0L, Work::fold), pekko)
                .toCompletableFuture()
                .get();
    }

    /**
     * Diagnostic, <b>unordered</b>: Reactor's {@code parallel(2).runOn(Schedulers.parallel())
     * .map(hash).sequential()}, which merges the two rails in whatever order their items come, so
     * its check is the plain sum of the hashes ({@link Work#hashSum}), not the ordered fold.
     */
    @Benchmark
    public long reactorParallelUnordered2(Blackhole bh) {
        Long s = Flux.range(0, parallelItems)
                .parallel(2)
                .runOn(Schedulers.parallel())
                .map(Work::hash)
                .sequential()
                .reduce(0L, (acc, y) -> acc + y)
                .block();
        long sum = s == null ? 0 : s;
        Work.check("parallel map plain sum (unordered)", expectedSum, sum);
        bh.consume(sum);
        return sum;
    }

    private long consume(Blackhole bh, long fold) {
        Work.check("parallel map ordered fold", expected, fold);
        bh.consume(fold);
        return fold;
    }
}
