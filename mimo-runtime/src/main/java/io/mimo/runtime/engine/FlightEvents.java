package io.mimo.runtime.engine;

import io.mimo.runtime.engine.events.DeadlockEvent;
import io.mimo.runtime.engine.events.PipeGrowEvent;
import io.mimo.runtime.engine.events.PipeStatisticsEvent;
import io.mimo.runtime.engine.events.PipeWaitEvent;
import io.mimo.runtime.engine.events.StreamFailedEvent;
import io.mimo.runtime.engine.events.WorkflowRunEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.FlightRecorder;

/**
 * Where the engine tells the JDK Flight Recorder what happened (package {@code events}). Every
 * call is on a slow path (a wait that parks, a failure, a growth, a run's end) and costs a test of
 * a flag JFR keeps when no recording asks for the event.
 */
final class FlightEvents {
    /** Runs under way, for the periodic {@link PipeStatisticsEvent}. */
    private static final Set<Scheduler> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        FlightRecorder.addPeriodicEvent(PipeStatisticsEvent.class, FlightEvents::pipeStatistics);
    }

    private FlightEvents() {}

    static void started(Scheduler run) {
        RUNNING.add(run);
    }

    static void ended(Scheduler run) {
        RUNNING.remove(run);
    }

    private static void pipeStatistics() {
        for (Scheduler run : RUNNING) {
            for (Pipe pipe : run.pipes()) {
                PipeStatisticsEvent event = new PipeStatisticsEvent();
                event.workflow = run.workflow();
                event.pipe = pipe.name;
                event.unit = pipe.unit();
                event.capacity = pipe.capacity();
                event.fill = pipe.size();
                event.crossed = pipe.crossed();
                event.commit();
            }
        }
    }

    /** The event of a wait that may last, begun; {@code null} when no recording wants it. */
    static PipeWaitEvent beginWait() {
        PipeWaitEvent event = new PipeWaitEvent();
        if (!event.isEnabled()) {
            return null;
        }
        event.begin();
        return event;
    }

    /** Ends a wait's event, recording it if it lasted past the threshold. */
    static void endWait(PipeWaitEvent event, RunningStream stream, Blocker blocker) {
        if (event == null) {
            return;
        }
        event.end();
        if (event.shouldCommit()) {
            event.workflow = stream.scheduler.workflow();
            event.stream = stream.name;
            if (blocker instanceof Pipe pipe) {
                event.pipe = pipe.name;
                event.direction = "room";
                event.capacity = pipe.capacity();
                event.fill = pipe.size();
            } else {
                event.pipe = blocker.toString();
                event.direction = "item";
            }
            event.commit();
        }
    }

    static void grew(String workflow, Pipe pipe, long from) {
        PipeGrowEvent event = new PipeGrowEvent();
        if (event.isEnabled()) {
            event.workflow = workflow;
            event.pipe = pipe.name;
            event.unit = pipe.unit();
            event.from = from;
            event.to = pipe.capacity();
            event.commit();
        }
    }

    static void failed(String workflow, String stream, Throwable thrown, boolean first) {
        StreamFailedEvent event = new StreamFailedEvent();
        if (event.isEnabled()) {
            event.workflow = workflow;
            event.stream = stream;
            event.exception = thrown.getClass().getName();
            event.message = thrown.getMessage();
            event.first = first;
            event.commit();
        }
    }

    static void deadlocked(String workflow, String message) {
        DeadlockEvent event = new DeadlockEvent();
        if (event.isEnabled()) {
            event.workflow = workflow;
            event.message = message;
            event.commit();
        }
    }

    /** The event of a whole run, begun when it starts. */
    static WorkflowRunEvent beginRun() {
        WorkflowRunEvent event = new WorkflowRunEvent();
        event.begin();
        return event;
    }

    static void endRun(WorkflowRunEvent event, String workflow, int threads, String outcome) {
        event.end();
        if (event.shouldCommit()) {
            event.workflow = workflow;
            event.threads = threads;
            event.outcome = outcome;
            event.commit();
        }
    }
}
