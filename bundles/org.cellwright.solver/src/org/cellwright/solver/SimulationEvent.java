package org.cellwright.solver;

/**
 * Something that happened during a run. value: the relevant number in SI (e.g. nucleation overpotential [V]).
 * SOFT_SHORT: current leaking through Li filaments keeps a step from its cut-off, takes a measurable share of a
 * step's charge, or the Coulombic efficiency collapses (the run goes on; message with cycle and reason). STEP_END: a step ended other than by its own
 * conditions (solver bound, no solution); its message is a warning. ACCURACY: the run's numerics may miss the capacity's
 * accuracy target ({@link CutoffSensitivity}: a cold discharge ending on a shallow voltage, which its mesh's voltage
 * error there moves by more than 0.1 %); its message is a warning, carried as the others are (summary.json's messages,
 * the CLI, the report, the Results view). VALIDITY: the run's conditions lie outside what the model describes (the
 * cell at or above lithium's melting point, where the model's lithium is a solid); its message is a warning, carried as
 * the others are ("VALIDITY: warning: ..."; INFO before session 39, read "INFO: warning: ..."). cause: the cause alone, without the warning's
 * "warning: cycle 12, step 3.2 (line 14): soft short: " (a soft short's; null for other events), for summary.json's
 * {@code soft_short.cause}. stepIndex: the protocol step it happened in, flattened, from 0 (the messages name it as
 * {@link org.cellwright.solver.input.StepNumbers} does); -1 for a soft short of a cycle's Coulombic efficiency, which
 * is of no one step (summary.json's {@code soft_short.step} null).
 */
public record SimulationEvent(Type type, double time, int stepIndex, int cycleIndex, double value, String message, String cause) {
    /** An event whose message says all (no cause of its own beside it). */
    public SimulationEvent(Type type, double time, int stepIndex, int cycleIndex, double value, String message) {
        this(type, time, stepIndex, cycleIndex, value, message, null);
    }

    public enum Type { NUCLEATION, SHORT_CIRCUIT, NOT_CONVERGED, CONSERVATION_ERROR, CONTACT_LOSS, STEP_END, SOFT_SHORT, ACCURACY, VALIDITY, INFO }
}
