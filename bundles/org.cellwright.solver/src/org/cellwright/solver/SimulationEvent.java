package org.cellwright.solver;

/** Something that happened during a run. value: the relevant number in SI (e.g. nucleation overpotential [V]). */
public record SimulationEvent(Type type, double time, int stepIndex, int cycleIndex, double value, String message) {
    public enum Type { NUCLEATION, SHORT_CIRCUIT, NOT_CONVERGED, CONSERVATION_ERROR, CONTACT_LOSS, STEP_END, INFO }
}
