package org.cellwright.solver.dfn;

import org.cellwright.solver.physics.Constants;

/**
 * Exchange-current density of Li/Li+ on a lithium-metal foil in a liquid electrolyte, a law of the salt concentration:
 * i0 = k exp(-E/R (1/T - 1/T_ref)) c_e^a [A/m2]; k in A/m2 (m3/mol)^a. Xu et al. 2019 (J. Electrochem. Soc. 166,
 * A3456) write i0 = m_ref c_Li^0.7 c_e^0.3 with m_ref = 3.5e-8 F (A/m2)(m3/mol) and c_Li = 1 / V_Li the metal's molar
 * concentration: k = m_ref c_Li^0.7, a = 0.3.
 */
public record LithiumMetalExchangeCurrentDensity(double rateConstant, double electrolyteExponent, double activationEnergy,
        double referenceTemperature) implements StateFunction {

    /** Xu 2019's law as PyBaMM's Xu2019 set gives it: i0 = 3.5e-8 F c_Li^0.7 c_e^0.3, c_Li = 1 / (1.3e-5 m3/mol). */
    public static LithiumMetalExchangeCurrentDensity xu2019() {
        double cLi = 1 / PlanarLithiumElectrode.MOLAR_VOLUME;
        return new LithiumMetalExchangeCurrentDensity(3.5e-8 * Constants.F * Math.pow(cLi, 0.7), 0.3, 0, 298.15);
    }

    @Override
    public double at(double ce, double temperature) {
        return rateConstant * Constants.arrhenius(activationEnergy, temperature, referenceTemperature) * Math.pow(Math.max(ce, 0), electrolyteExponent);
    }
}
