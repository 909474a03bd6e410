package io.mimo.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.mimo.bench.mimo.OpsStreams;
import io.mimo.runtime.Workflow;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Workload 4, bounded memory: {@code items} {@code Integer}s through three streams (source → map
 * {@code x + 1} → sum) in a JVM started with a small heap ({@code -Xmx32m}). Prints one JSON line:
 * whether it completed with the right sum, the time, the largest heap in use after any
 * collection (the live set: what must not grow with the item count) and the peak heap in use
 * (pools' peaks, garbage included: bounded by {@code -Xmx}).
 *
 * <p>Usage: {@code BoundedMemory mimo|arrayBlockingQueue ITEMS}. The {@code ArrayBlockingQueue}
 * contender (three virtual threads, two queues of {@value Work#CAPACITY}) is the reference the
 * harness is checked with.
 */
public final class BoundedMemory {
    private BoundedMemory() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BoundedMemory mimo|arrayBlockingQueue ITEMS");
            System.exit(2);
        }
        String contender = args[0];
        int items = Integer.parseInt(args[1]);

        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        AtomicLong maxAfterGc = new AtomicLong();
        AtomicLong collections = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    return;
                                }
                                var info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long used = 0;
                                for (Map.Entry<String, MemoryUsage> e :
                                        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                    if (heapPools.contains(e.getKey())) {
                                        used += e.getValue().getUsed();
                                    }
                                }
                                collections.incrementAndGet();
                                maxAfterGc.accumulateAndGet(used, Math::max);
                            },
                            null,
                            null);
        }
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        String error = null;
        long sum = 0;
        try {
            sum = switch (contender) {
                case "mimo" -> mimo(items);
                case "arrayBlockingQueue" -> arrayBlockingQueue(items);
                default -> throw new IllegalArgumentException("unknown contender " + contender);
            };
            Work.check("sum", Work.rangeSum(items) + items, sum);
        } catch (Throwable t) {
            error = t.toString();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(200); // let the last GC notifications arrive
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        System.out.println(String.format(
                Locale.ROOT,
                "{\"workload\":\"boundedMemory\",\"contender\":\"%s\",\"items\":%d,\"completed\":%b,"
                        + "\"seconds\":%.3f,\"maxHeapBytes\":%d,\"peakHeapUsedBytes\":%d,\"maxLiveAfterGcBytes\":%d,"
                        + "\"collections\":%d,\"error\":%s}",
                contender,
                items,
                error == null,
                seconds,
                Runtime.getRuntime().maxMemory(),
                peak,
                maxAfterGc.get(),
                collections.get(),
                error == null ? "null" : quote(error)));
        System.exit(error == null ? 0 : 1);
    }

    static long mimo(int items) {
        long[] total = new long[1];
        Workflow wf = new Workflow("bounded-memory", Work.CAPACITY);
        wf.add(OpsStreams.range(items)).pipe(wf.add(OpsStreams.plusOne())).pipe(wf.add(OpsStreams.sum(total)));
        wf.run();
        return total[0];
    }

    private static final Object END = new Object();

    static long arrayBlockingQueue(int items) throws InterruptedException {
        ArrayBlockingQueue<Object> a = new ArrayBlockingQueue<>(Work.CAPACITY);
        ArrayBlockingQueue<Object> b = new ArrayBlockingQueue<>(Work.CAPACITY);
        long[] result = new long[1];
        Thread source = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < items; i++) {
                    a.put(i);
                }
                a.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread map = Thread.ofVirtual().start(() -> {
            try {
                Object x;
                while ((x = a.take()) != END) {
                    b.put((Integer) x + 1);
                }
                b.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread sink = Thread.ofVirtual().start(() -> {
            try {
                long s = 0;
                Object x;
                while ((x = b.take()) != END) {
                    s += (Integer) x;
                }
                result[0] = s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        source.join();
        map.join();
        sink.join();
        return result[0];
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
