package org.cellwright.solver;

/**
 * A warning given the first time only, its repetitions counted (how many, and the cycle of the last) for one message at
 * the run's end: the step ends of {@link RunRecorder#warnEnd}, and the soft shorts, stalled steps and steps crossing
 * their cut-off at once of {@link EventDetection}.
 */
final class RepeatedWarning {
    private boolean given;
    private int later, lastCycle;

    /** Whether this occurrence, in {@code cycle}, is the first (to be reported); a later one is counted instead. */
    boolean first(int cycle) {
        if (given) {
            later++;
            lastCycle = cycle;
            return false;
        }
        given = true;
        return true;
    }

    /** Occurrences after the first. */
    int later() {
        return later;
    }

    /** The cycle of the last occurrence after the first. */
    int lastCycle() {
        return lastCycle;
    }
}
