package org.cellwright.solver;

/**
 * One finished protocol step that passed current or held a voltage: its index in the flattened protocol, the cycle
 * it belongs to, how it ended, when it started and ended [s], the signed charge it passed [C/m2] and the voltage
 * at its end [V].
 */
public record StepResult(int stepIndex, int cycleIndex, StepEnd end, double startTime, double endTime, double charge,
        double endVoltage) {}
