package org.cellwright.solver;

/**
 * One cycle. A cycle starts with the first current of the run's first current sign and ends when current of that
 * sign starts again after current of the opposite sign. Capacities in C/m2 (magnitudes): charge = positive
 * current, discharge = negative current. coulombicEfficiency = capacity of the second direction / capacity of the
 * first direction (stripped/plated for a half cell plated first; discharge/charge for a full cell). Specific
 * discharge capacity in C/kg of cathode active material (NaN without cathode). lithiumLoss: decrease of cyclable
 * Li (mol/m2) in the cycle.
 */
public record CycleSummary(int index, double chargeCapacity, double dischargeCapacity, double coulombicEfficiency,
        double dischargeSpecificCapacity, double startTime, double endTime, LithiumInventory lithiumAtEnd) {}
