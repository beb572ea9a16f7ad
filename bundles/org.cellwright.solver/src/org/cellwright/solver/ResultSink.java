package org.cellwright.solver;

import java.util.List;

/** Receives a run's results as they are produced, so that long runs never hold all points in memory. */
public interface ResultSink {

    default void start(RunInfo info) {}

    void sample(Sample sample);

    /**
     * The state at the end of every time step the solver accepted (the samples are those of them, and of the step
     * ends, at least the output interval apart): for what is read off the trace as a property of the model rather
     * than of the output interval (the nucleation dips, {@link org.cellwright.solver.output.NucleationDips}). A
     * sample at the same time follows it. Ignored unless a sink needs it.
     */
    default void timeStep(Sample state) {}

    default void cycle(CycleSummary cycle) {}

    default void event(SimulationEvent event) {}

    default void finish(RunStatus status) {}

    /** A sink that forwards to all given sinks in order. */
    static ResultSink tee(ResultSink... sinks) {
        List<ResultSink> all = List.of(sinks);
        return new ResultSink() {
            @Override public void start(RunInfo info) { for (ResultSink s : all) s.start(info); }
            @Override public void sample(Sample sample) { for (ResultSink s : all) s.sample(sample); }
            @Override public void timeStep(Sample state) { for (ResultSink s : all) s.timeStep(state); }
            @Override public void cycle(CycleSummary c) { for (ResultSink s : all) s.cycle(c); }
            @Override public void event(SimulationEvent e) { for (ResultSink s : all) s.event(e); }
            @Override public void finish(RunStatus st) { for (ResultSink s : all) s.finish(st); }
        };
    }

    /** A sink that drops everything. */
    static ResultSink discard() { return sample -> {}; }
}
