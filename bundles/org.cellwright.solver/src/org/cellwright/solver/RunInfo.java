package org.cellwright.solver;

import org.cellwright.solver.input.StepNumbers;

/**
 * What a sink learns at the start of a run: cell name, area [m2], cathode active-material loading [kg/m2] (NaN
 * without cathode), nominal capacity [C] (NaN if unknown), whether the working electrode is a cathode, number of
 * (flattened) steps, an estimate of the number of cycles, and whether the model plates lithium metal through
 * nucleation (the solid-state model; not the DFN, whose voltage has no nucleation dip to read), and how the
 * protocol's steps are named to a user ({@link StepNumbers}: "step 3.2 (line 14)").
 */
public record RunInfo(String cellName, double area, double cathodeActiveLoading, double nominalCapacity,
        boolean fullCell, int totalSteps, int totalCycles, boolean nucleates, StepNumbers steps) {

    public RunInfo {
        if (steps == null) steps = StepNumbers.of(null);
    }

    public RunInfo(String cellName, double area, double cathodeActiveLoading, double nominalCapacity, boolean fullCell, int totalSteps,
            int totalCycles, boolean nucleates) {
        this(cellName, area, cathodeActiveLoading, nominalCapacity, fullCell, totalSteps, totalCycles, nucleates, null);
    }

    /** A run of the solid-state model (lithium plated through nucleation). */
    public RunInfo(String cellName, double area, double cathodeActiveLoading, double nominalCapacity, boolean fullCell, int totalSteps,
            int totalCycles) {
        this(cellName, area, cathodeActiveLoading, nominalCapacity, fullCell, totalSteps, totalCycles, true);
    }
}
