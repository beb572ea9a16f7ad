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
        double k = rateConstant * Constants.arrhenius(activationEnergy, temperature, referenceTemperature);
        if (electrolyteExponent == 0.5 && solidExponent == 0.5 && vacancyExponent == 0.5) return k * Math.sqrt(ceP * csP * (cMax - csP)); // one root
        if (electrolyteExponent == 0 && solidExponent == 0.5 && vacancyExponent == 0.5) return k * Math.sqrt(csP * (cMax - csP)); // c_e^a taken into k
        return k * pow(ceP, electrolyteExponent) * pow(csP, solidExponent) * pow(cMax - csP, vacancyExponent);
    }

    /** The law at a fixed c_e: k c_e^a as its rate constant, its c_e exponent 0 (the c_e argument of at() then unread). */
    @Override
    public ExchangeCurrentDensity atElectrolyteConcentration(double ce) {
        return new ExchangeCurrentDensity(rateConstant * pow(Math.max(ce, 0), electrolyteExponent), 0, solidExponent, vacancyExponent,
                activationEnergy, referenceTemperature);
    }

    /** d i0/d c_e = a i0 / c_e (0 where c_e is clipped at 0). */
    @Override
    public double electrolyteSlope(double ce, double cs, double cMax, double temperature) {
        if (!(ce > 0) || electrolyteExponent == 0) return 0;
        return electrolyteExponent * at(ce, cs, cMax, temperature) / ce;
    }

    /** d i0/d c_s = i0 (b / c_s - c / (c_max - c_s)) inside (0, c_max), 0 where c_s is clipped. */
    @Override
    public double solidSlope(double ce, double cs, double cMax, double temperature) {
        if (!(cs > 0 && cs < cMax)) return 0;
        return at(ce, cs, cMax, temperature) * (solidExponent / cs - vacancyExponent / (cMax - cs));
    }

    private static double pow(double x, double a) {
        if (a == 0.5) return Math.sqrt(x);
        if (a == 0) return 1;
        if (a == 1) return x;
        return Math.pow(x, a);
    }
}
