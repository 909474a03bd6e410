package io.mimo.samples.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mimo.flink.FlinkRunner;
import io.mimo.flink.LocalCluster;
import io.mimo.flink.SerializableSupplier;
import io.mimo.runtime.DynamicStep;
import io.mimo.runtime.Workflow;
import io.mimo.runtime.WorkflowException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every form of stream method gives the same items on Flink as locally (FormsTest pins what they
 * are): each workflow runs with {@code run()}, then as a Flink job on one shared MiniCluster.
 */
@Timeout(60)
class FormsOnFlinkTest {
    /** What the sink got: static, for on a local cluster the tasks run in this JVM and find it here. */
    private static final Queue<Object> KEPT = new ConcurrentLinkedQueue<>();

    /** Started once for the class; closed after its last test (which deletes its temporary files). */
    @AutoClose
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LocalCluster(2);
    }

    private static DynamicStep keep(Workflow wf) {
        return wf.add(DynamicStep.of("keep", List.of("in"), List.of(), ports -> {
            for (Object o : ports.input("in")) {
                KEPT.add(o);
            }
        }));
    }

    /** What the sink gets from the workflow run locally, and then on Flink. */
    private static List<List<Object>> locallyAndOnFlink(SerializableSupplier<Workflow> workflow) {
        KEPT.clear();
        workflow.get().run();
        List<Object> local = List.copyOf(KEPT);
        KEPT.clear();
        FlinkRunner.run(workflow, cluster.configuration());
        return List.of(local, List.copyOf(KEPT));
    }

    private static void assertSameItems(SerializableSupplier<Workflow> workflow) {
        List<List<Object>> runs = locallyAndOnFlink(workflow);
        assertEquals(runs.get(0), runs.get(1));
    }

    static Workflow optional() {
        Workflow wf = new Workflow("optional");
        wf.add(FormsStreams.count(10)).pipe(wf.add(FormsStreams.evens())).pipe(keep(wf).in("in"));
        return wf;
    }

    static Workflow repeat() {
        Workflow wf = new Workflow("repeat");
        wf.add(FormsStreams.count(3)).pipe(wf.add(FormsStreams.repeat(2))).pipe(keep(wf).in("in"));
        return wf;
    }

    static Workflow zip3() {
        Workflow wf = new Workflow("zip3");
        var add = wf.add(FormsStreams.add3());
        wf.add(FormsStreams.count(5)).pipe(add.a());
        wf.add(FormsStreams.count(100_000)).pipe(add.b());
        wf.add(FormsStreams.count(3)).pipe(add.c());
        add.pipe(keep(wf).in("in"));
        return wf;
    }

    static Workflow zipOptional() {
        Workflow wf = new Workflow("zip-optional");
        var same = wf.add(FormsStreams.whenEqual());
        wf.add(FormsStreams.count(6)).pipe(same.left());
        wf.add(FormsStreams.count(6)).pipe(wf.add(FormsStreams.evens())).pipe(same.right());
        same.pipe(keep(wf).in("in"));
        return wf;
    }

    static Workflow generic() {
        Workflow wf = new Workflow("generic");
        wf.add(FormsStreams.count(3)).pipe(wf.add(FormsStreams.<Integer>half())).pipe(keep(wf).in("in"));
        return wf;
    }

    static Workflow collect() {
        Workflow wf = new Workflow("collect");
        wf.add(FormsStreams.count(4))
                .pipe(wf.add(FormsStreams.<Integer>collect()))
                .pipe(keep(wf).in("in"));
        return wf;
    }

    static Workflow tally() {
        Workflow wf = new Workflow("instance");
        wf.add(FormsStreams.count(100))
                .pipe(wf.add(CounterStreams.tally(new Counter())))
                .pipe(keep(wf).in("in"));
        return wf;
    }

    static Workflow bytes() {
        Workflow wf = new Workflow("bytes");
        wf.add(FormsStreams.count(10_000))
                .pipe(wf.add(FormsStreams.format()))
                .pipe(wf.add(FormsStreams.parse()))
                .pipe(keep(wf).in("in"));
        return wf;
    }

    @Test
    void elementStepsGiveTheSameItems() {
        assertSameItems(FormsOnFlinkTest::optional);
        assertSameItems(FormsOnFlinkTest::repeat);
        assertSameItems(FormsOnFlinkTest::generic);
    }

    @Test
    void zipsGiveTheSamePairs() {
        assertSameItems(FormsOnFlinkTest::zip3);
        assertSameItems(FormsOnFlinkTest::zipOptional);
    }

    @Test
    void processStepsGiveTheSameItemsAndReturnValues() {
        assertSameItems(FormsOnFlinkTest::collect);
        assertSameItems(FormsOnFlinkTest::tally);
    }

    @Test
    void bytePortsGiveTheSameItems() {
        assertSameItems(FormsOnFlinkTest::bytes);
    }

    static Workflow failing() {
        Workflow wf = new Workflow("failing");
        wf.add(FormsStreams.count(1_000_000)).pipe(wf.add(FormsStreams.failOn(500)));
        return wf;
    }

    static Workflow nulls() {
        Workflow wf = new Workflow("nulls");
        wf.add(FormsStreams.count(10)).pipe(wf.add(FormsStreams.nullFor(3))).pipe(keep(wf).in("in"));
        return wf;
    }

    /** The same stream fails, with the same message and the same kind of cause. */
    private static void assertSameFailure(SerializableSupplier<Workflow> workflow) {
        WorkflowException local =
                assertThrows(WorkflowException.class, () -> workflow.get().run());
        WorkflowException flink =
                assertThrows(WorkflowException.class, () -> FlinkRunner.run(workflow, cluster.configuration()));
        assertEquals(local.stream(), flink.stream());
        assertEquals(local.getMessage(), flink.getMessage());
        assertEquals(local.getCause().getClass(), flink.getCause().getClass());
    }

    @Test
    void failuresNameTheSameStreamWithTheSameCause() {
        assertSameFailure(FormsOnFlinkTest::failing);
        assertSameFailure(FormsOnFlinkTest::nulls);
    }
}
