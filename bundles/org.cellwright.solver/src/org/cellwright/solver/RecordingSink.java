package org.cellwright.solver;

import java.util.ArrayList;
import java.util.List;

/** An in-memory sink (for tests, small runs and GUIs): keeps every sample, cycle and event. */
public class RecordingSink implements ResultSink {
    public final List<Sample> samples = new ArrayList<>();
    public final List<CycleSummary> cycles = new ArrayList<>();
    public final List<SimulationEvent> events = new ArrayList<>();
    public RunInfo info;
    public RunStatus status;

    @Override public void start(RunInfo info) { this.info = info; }
    @Override public void sample(Sample s) { samples.add(s); }
    @Override public void cycle(CycleSummary c) { cycles.add(c); }
    @Override public void event(SimulationEvent e) { events.add(e); }
    @Override public void finish(RunStatus s) { status = s; }

    public Sample last() { return samples.get(samples.size() - 1); }

    public List<SimulationEvent> events(SimulationEvent.Type t) {
        return events.stream().filter(e -> e.type() == t).toList();
    }

    /** Every step of the run in order, over all cycles. */
    public List<StepResult> steps() {
        return cycles.stream().flatMap(c -> c.steps().stream()).toList();
    }

    /** The warnings' messages about protocol step {@code step}. */
    public List<String> warnings(int step) {
        return events.stream().filter(e -> e.stepIndex() == step && e.message().startsWith("warning")).map(SimulationEvent::message).toList();
    }
}
