package org.cellwright.solver;

/**
 * What a sink learns at the start of a run: cell name, area [m2], cathode active-material loading [kg/m2] (NaN
 * without cathode), nominal capacity [C] (NaN if unknown), whether the working electrode is a cathode, number of
 * (flattened) steps and an estimate of the number of cycles.
 */
public record RunInfo(String cellName, double area, double cathodeActiveLoading, double nominalCapacity,
        boolean fullCell, int totalSteps, int totalCycles) {}
