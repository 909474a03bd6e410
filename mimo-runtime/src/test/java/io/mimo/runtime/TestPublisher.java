package io.mimo.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A publisher of {@code count} integers (0, 1, …; {@code Long.MAX_VALUE} for no end) that emits
 * synchronously, from within {@code request}, as much as was requested, then completes or fails
 * with {@code error}; it records what it was asked. {@link #beyondDemand(int)} makes it emit more
 * than the first request asks for.
 */
final class TestPublisher implements Flow.Publisher<Integer> {
    private final long count;
    private final Throwable error;
    private int extra;

    final List<Long> requests = new CopyOnWriteArrayList<>();
    final AtomicLong emitted = new AtomicLong();
    final AtomicBoolean cancelled = new AtomicBoolean();
    /** The thread that subscribed. */
    final AtomicReference<Thread> subscribedOn = new AtomicReference<>();

    TestPublisher(long count) {
        this(count, null);
    }

    TestPublisher(long count, Throwable error) {
        this.count = count;
        this.error = error;
    }

    /** Emits {@code extra} items more than the first request asks for: a protocol violation. */
    TestPublisher beyondDemand(int extra) {
        this.extra = extra;
        return this;
    }

    /** Every item requested so far. */
    long requested() {
        return requests.stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Integer> subscriber) {
        subscribedOn.set(Thread.currentThread());
        subscriber.onSubscribe(new Flow.Subscription() {
            private long next;
            private boolean done;

            @Override
            public void request(long n) {
                requests.add(n);
                long more = n + extra;
                extra = 0;
                for (long i = 0; i < more && !done && !cancelled.get(); i++) {
                    if (next == count) {
                        break;
                    }
                    emitted.incrementAndGet();
                    subscriber.onNext((int) next++);
                }
                if (next == count && !done && !cancelled.get()) {
                    done = true;
                    if (error != null) {
                        subscriber.onError(error);
                    } else {
                        subscriber.onComplete();
                    }
                }
            }

            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
    }
}
