package io.mimo.bench;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.ChannelClosed;
import io.mimo.bench.mimo.OpsStreams;
import io.mimo.runtime.Workflow;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.SpscArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Workload 1, one hop: a producer pushes the {@code Integer}s {@code 0 … n-1} through one bounded
 * queue ({@value Work#CAPACITY} items) to a consumer on another thread, which sums them. One op is
 * the whole run of {@code hopItems} items, threads included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OneHop {

    @Param("10000000")
    public int hopItems;

    /** The end-of-stream marker for the queues that have no close of their own. */
    private static final Object END = new Object();

    @Benchmark
    public long mimo(Blackhole bh) {
        long[] total = new long[1];
        Workflow wf = new Workflow("one-hop", Work.CAPACITY);
        wf.add(OpsStreams.range(hopItems)).pipe(wf.add(OpsStreams.sum(total)));
        wf.run();
        return consume(bh, total[0]);
    }

    /**
     * Diagnostic: {@link #mimo} with the JVM's virtual threads on one carrier thread instead of one
     * per core. The two streams take turns either way (a virtual thread woken by another mostly
     * runs on the waker's carrier); the difference is what the second carrier costs: wake-ups of
     * the idle carrier and streams moving between cores.
     */
    @Benchmark
    @Fork(jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
    public long mimoOneCarrier(Blackhole bh) {
        return mimo(bh);
    }

    @Benchmark
    public long arrayBlockingQueueVirtualThreads(Blackhole bh) throws InterruptedException {
        ArrayBlockingQueue<Object> q = new ArrayBlockingQueue<>(Work.CAPACITY);
        int n = hopItems;
        long[] result = new long[1];
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    q.put(i);
                }
                q.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                long s = 0;
                Object x;
                while ((x = q.take()) != END) {
                    s += (Integer) x;
                }
                result[0] = s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.join();
        consumer.join();
        return consume(bh, result[0]);
    }

    @Benchmark
    public long joxChannelVirtualThreads(Blackhole bh) throws InterruptedException {
        Channel<Integer> ch = Channel.newBufferedChannel(Work.CAPACITY);
        int n = hopItems;
        long[] result = new long[1];
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    ch.send(i);
                }
                ch.done();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                long s = 0;
                Object x;
                while (!((x = ch.receiveOrClosed()) instanceof ChannelClosed)) {
                    s += (Integer) x;
                }
                result[0] = s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.join();
        consumer.join();
        return consume(bh, result[0]);
    }

    /** The near limit: a lock-free single-producer single-consumer ring, both ends spinning on platform threads. */
    @Benchmark
    public long jctoolsSpscSpinning(Blackhole bh) throws InterruptedException {
        SpscArrayQueue<Object> q = new SpscArrayQueue<>(Work.CAPACITY);
        int n = hopItems;
        long[] result = new long[1];
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < n; i++) {
                Integer x = i;
                for (int spins = 0; !q.offer(x); spins++) {
                    idle(spins);
                }
            }
            for (int spins = 0; !q.offer(END); spins++) {
                idle(spins);
            }
        });
        Thread consumer = Thread.ofPlatform().start(() -> {
            long s = 0;
            int spins = 0;
            while (true) {
                Object x = q.poll();
                if (x == null) {
                    idle(spins++);
                } else if (x == END) {
                    break;
                } else {
                    s += (Integer) x;
                    spins = 0;
                }
            }
            result[0] = s;
        });
        producer.join();
        consumer.join();
        return consume(bh, result[0]);
    }

    /** Busy-waits, yielding the core now and then so a descheduled peer thread can run. */
    private static void idle(int spins) {
        if ((spins & 63) == 63) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }

    private long consume(Blackhole bh, long sum) {
        Work.check("one hop sum", Work.rangeSum(hopItems), sum);
        bh.consume(sum);
        return sum;
    }
}
