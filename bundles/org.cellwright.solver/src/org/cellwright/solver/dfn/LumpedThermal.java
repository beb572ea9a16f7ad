package org.cellwright.solver.dfn;

/**
 * Lumped (one-temperature) energy balance of a cell per m2 of electrode:
 * rho c_p V / A dT/dt = q - h (A_cool / A) (T - T_amb), with q the local heat source integrated over the cell's thickness
 * ({@link LocalHeat}: ohmic, reaction, reversible), as PyBaMM's lumped model (Timms et al. 2021): its volume-averaged
 * heat is the heat per electrode-pair area times the electrode area over the cell volume, and its heat capacity the
 * stack's volume-averaged rho c_p.
 *
 * @param heatCapacityPerArea the cell's heat capacity per electrode area, rho c_p V / A [J/(m2 K)]
 * @param heatTransferCoefficient h [W/(m2 K)]
 * @param coolingAreaRatio cooling surface per electrode area [-]
 * @param ambientTemperature [K]
 */
public record LumpedThermal(double heatCapacityPerArea, double heatTransferCoefficient, double coolingAreaRatio,
        double ambientTemperature) {

    /**
     * Bernardi's irreversible heat per electrode area [W/m2] (Bernardi, Pawlikowski and Newman, J. Electrochem. Soc. 132
     * (1985) 5, eq. 5 without its mixing term): I (U_oc - V), I > 0 on discharge, with U_oc at the mean stoichiometries.
     * Not the model's heat: it counts the energy the particles' concentration gradients hold as heat when they build up.
     */
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
