package org.cellwright.solver.dfn;

/**
 * Lumped (one-temperature) energy balance of a cell per m2 of electrode, with Bernardi's heat generation
 * (Bernardi, Pawlikowski and Newman, J. Electrochem. Soc. 132, 5, 1985, eq. 5):
 * rho c_p L dT/dt = I (U_oc - V) - I T dU_oc/dT - h (A_cool / A) (T - T_amb).
 * U_oc is the open-circuit voltage at the electrodes' mean stoichiometries, dU_oc/dT its entropic coefficient
 * (per particle population in {@link BernardiHeat}).
 *
 * @param heatCapacityPerArea rho c_p L of the whole stack (collectors included) [J/(m2 K)]
 * @param heatTransferCoefficient h [W/(m2 K)]
 * @param coolingAreaRatio cooling surface per electrode area [-]
 * @param ambientTemperature [K]
 */
public record LumpedThermal(double heatCapacityPerArea, double heatTransferCoefficient, double coolingAreaRatio,
        double ambientTemperature) {

    /** Irreversible heat generated per electrode area [W/m2]: I (U_oc - V), I > 0 on discharge. */
    public static double heatGeneration(double current, double openCircuitVoltage, double voltage) {
        return current * (openCircuitVoltage - voltage);
    }

    /**
     * Reversible (entropic) heat per electrode area [W/m2]: -I T dU_oc/dT, I > 0 on discharge (Bernardi 1985); it
     * changes sign with the current.
     */
    public static double reversibleHeat(double current, double temperature, double entropicCoefficient) {
        return -current * temperature * entropicCoefficient;
    }

    /**
     * Temperature after a step dt with heat q held over it; the cooling term is implicit (stable for any dt):
     * T1 = (C T0 + dt (q + k T_amb)) / (C + dt k), k = h A_cool / A.
     */
    public double advance(double temperature, double heat, double dt) {
        double k = heatTransferCoefficient * coolingAreaRatio;
        return (heatCapacityPerArea * temperature + dt * (heat + k * ambientTemperature)) / (heatCapacityPerArea + dt * k);
    }
}
