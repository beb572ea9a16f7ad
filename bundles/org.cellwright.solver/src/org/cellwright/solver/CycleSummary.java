package org.cellwright.solver;

/**
 * One cycle. A cycle starts with the first current of the run's first current sign and ends when current of that
 * sign starts again after current of the opposite sign. Capacities in C/m2 (magnitudes): charge = positive
 * current, discharge = negative current. coulombicEfficiency = capacity of the second direction / capacity of the
 * first direction (stripped/plated for a half cell plated first; discharge/charge for a full cell). Specific
 * discharge capacity in C/kg of cathode active material (NaN without cathode). lithiumLoss: decrease of cyclable
 * Li (mol/m2) in the cycle. steps: how each step of the cycle ended (steps before the first current belong to the
 * first cycle).
 */
public record CycleSummary(int index, double chargeCapacity, double dischargeCapacity, double coulombicEfficiency,
        double dischargeSpecificCapacity, double startTime, double endTime, LithiumInventory lithiumAtEnd,
        java.util.List<StepResult> steps) {

    public CycleSummary {
        steps = steps == null ? java.util.List.of() : java.util.List.copyOf(steps);
    }

    /** A cycle without step records. */
    public CycleSummary(int index, double chargeCapacity, double dischargeCapacity, double coulombicEfficiency,
            double dischargeSpecificCapacity, double startTime, double endTime, LithiumInventory lithiumAtEnd) {
        this(index, chargeCapacity, dischargeCapacity, coulombicEfficiency, dischargeSpecificCapacity, startTime,
                endTime, lithiumAtEnd, java.util.List.of());
    }

    /** The step ends as written in cycles.csv: "step:end" separated by spaces, e.g. "1:voltage-cutoff 2:duration". */
    public String stepEnds() {
        StringBuilder b = new StringBuilder();
        for (StepResult r : steps) {
            if (b.length() > 0) b.append(' ');
            b.append(r.stepIndex()).append(':').append(r.end().label());
        }
        return b.toString();
    }
}
