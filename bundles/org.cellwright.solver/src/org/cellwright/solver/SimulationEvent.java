package org.cellwright.solver;

/**
 * Something that happened during a run. value: the relevant number in SI (e.g. nucleation overpotential [V]).
 * SOFT_SHORT: current leaking through Li filaments keeps a step from its cut-off or the Coulombic efficiency
 * collapses (the run goes on; message with cycle and reason). STEP_END: a step ended other than by its own
 * conditions (solver bound, no solution); its message is a warning.
 */
public record SimulationEvent(Type type, double time, int stepIndex, int cycleIndex, double value, String message) {
    public enum Type { NUCLEATION, SHORT_CIRCUIT, NOT_CONVERGED, CONSERVATION_ERROR, CONTACT_LOSS, STEP_END, SOFT_SHORT, INFO }
}
