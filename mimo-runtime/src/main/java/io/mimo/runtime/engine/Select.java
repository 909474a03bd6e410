package io.mimo.runtime.engine;

import io.mimo.runtime.Input;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Inputs.select}: a wait on several item inputs of one stream at once, and the
 * {@link Blocker} that stands for it. A writer to any of them wakes the stream
 * ({@link #waitsFor}), deadlock detection counts it blocked like any wait, and its message names
 * every input still open.
 */
final class Select implements Blocker {
    private final ItemInputEnd<?>[] inputs;

    private Select(ItemInputEnd<?>[] inputs) {
        this.inputs = inputs;
    }

    /** The first input, from one further on than last time, that has an item; {@code null} once all have ended. */
    static Input<?> select(Input<?>... inputs) {
        ItemInputEnd<?>[] ends = ends(inputs);
        RunningStream reader = ends[0].reader();
        Select wait = null;
        int n = ends.length;
        int start = reader.nextSelectStart(n);
        while (true) {
            boolean allEnded = true;
            for (int i = 0; i < n; i++) {
                ItemInputEnd<?> input = ends[(start + i) % n];
                if (input.hasItem()) {
                    return input;
                }
                allEnded &= input.isEnded();
            }
            if (allEnded) {
                // A workflow that is stopping may have closed pipes early: that is no end of data.
                reader.checkNotStopping();
                return null;
            }
            if (wait == null) {
                wait = new Select(ends);
            }
            reader.await(wait);
        }
    }

    private static ItemInputEnd<?>[] ends(Input<?>[] inputs) {
        if (inputs == null || inputs.length == 0) {
            throw new IllegalArgumentException("select needs at least one input to wait on");
        }
        ItemInputEnd<?>[] ends = new ItemInputEnd<?>[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new NullPointerException("select's input " + i + " is null");
            }
            if (!(inputs[i] instanceof ItemInputEnd<?> end)) {
                throw new IllegalArgumentException("select waits on the inputs a stream's Context hands it; '"
                        + inputs[i].name() + "' (a " + inputs[i].getClass().getName() + ") is not one");
            }
            ends[i] = end;
            if (end.reader() != ends[0].reader()) {
                throw new IllegalArgumentException("select waits on inputs of one stream: '" + end.name()
                        + "' belongs to stream '" + end.reader().name + "', '" + ends[0].name() + "' to '"
                        + ends[0].reader().name + "'");
            }
        }
        return ends;
    }

    @Override
    public boolean ready() {
        // Volatile looks at the writers' indices (holdsItems): the re-check after publishing the
        // wait, as ItemInputEnd.ready is one input's. An ended input alone is no reason to go on.
        boolean allEnded = true;
        for (ItemInputEnd<?> input : inputs) {
            if (input.holdsItems()) {
                return true;
            }
            allEnded &= input.allClosed();
        }
        return allEnded;
    }

    @Override
    public boolean readyUnseen() {
        return ready(); // changes nothing, reads what the lock made visible
    }

    @Override
    public boolean waitsFor(Blocker input) {
        for (ItemInputEnd<?> end : inputs) {
            if (end == input) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describeWait() {
        List<String> open = new ArrayList<>();
        for (String input : openInputs()) {
            open.add("'" + input + "'");
        }
        return "waits for an item on any of " + String.join(", ", open);
    }

    /** The names of the inputs waited on that have not ended. */
    List<String> openInputs() {
        List<String> open = new ArrayList<>();
        for (ItemInputEnd<?> input : inputs) {
            if (!input.allClosed() || input.holdsItems()) {
                open.add(input.name());
            }
        }
        return open;
    }

    @Override
    public String toString() {
        return "select";
    }
}
