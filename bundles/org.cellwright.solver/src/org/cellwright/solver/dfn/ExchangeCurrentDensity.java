package org.cellwright.solver.dfn;

import org.cellwright.solver.physics.Constants;

/**
 * Exchange-current density of an intercalation reaction, i0 = k exp(-E/R (1/T - 1/T_ref)) c_e^a c_s^b (c_max - c_s)^c
 * [A/m2] (Doyle, Fuller and Newman 1993, eq. 9 with a = alpha_a, b = alpha_c, c = alpha_a; Marquis et al. 2019 use
 * a = b = c = 1/2). k in A/m2 (m3/mol)^(a+b+c).
 */
public record ExchangeCurrentDensity(double rateConstant, double electrolyteExponent, double solidExponent,
        double vacancyExponent, double activationEnergy, double referenceTemperature) implements ExchangeCurrentLaw {

    /** The symmetric form k c_e^0.5 c_s^0.5 (c_max - c_s)^0.5 with an Arrhenius factor. */
    public static ExchangeCurrentDensity symmetric(double k, double activationEnergy, double referenceTemperature) {
        return new ExchangeCurrentDensity(k, 0.5, 0.5, 0.5, activationEnergy, referenceTemperature);
    }

    @Override
    public double at(double ce, double cs, double cMax, double temperature) {
        double ceP = Math.max(ce, 0), csP = Math.min(Math.max(cs, 0), cMax);
        return rateConstant * Constants.arrhenius(activationEnergy, temperature, referenceTemperature)
                * pow(ceP, electrolyteExponent) * pow(csP, solidExponent) * pow(cMax - csP, vacancyExponent);
    }

    private static double pow(double x, double a) {
        if (a == 0.5) return Math.sqrt(x);
        if (a == 0) return 1;
        if (a == 1) return x;
        return Math.pow(x, a);
    }
}
