package org.cellwright.solver.dfn;

/**
 * Exchange-current density of an intercalation reaction i0(c_e, c_s, c_max, T) [A/m2] (c in mol/m3, T in K): the
 * power law {@link ExchangeCurrentDensity}, or any law a parameter set writes (e.g. an expression of the state in a
 * {@code .cell} file, mapped by org.cellwright.run.dfn.DfnMapping).
 */
@FunctionalInterface
public interface ExchangeCurrentLaw {
    double at(double ce, double cs, double cMax, double temperature);

    /**
     * This law with the electrolyte's concentration fixed at ce (a single-ion electrolyte's, constant in time and space:
     * DfnModel.uniformElectrolyte): a law whose at() reads ce in place of its first argument, its c_e factor taken here
     * once where the law's form allows (the power law's k c_e^a). By default the law itself at ce.
     */
    default ExchangeCurrentLaw atElectrolyteConcentration(double ce) {
        ExchangeCurrentLaw law = this;
        return (c, cs, cMax, temperature) -> law.at(ce, cs, cMax, temperature);
    }

    /** d i0/d c_e [A/m2 per mol/m3]: a central difference (step 1e-6 c_e) unless the law gives it analytically. */
    default double electrolyteSlope(double ce, double cs, double cMax, double temperature) {
        double h = 1e-6 * Math.max(Math.abs(ce), 1e-3);
        return (at(ce + h, cs, cMax, temperature) - at(ce - h, cs, cMax, temperature)) / (2 * h);
    }

    /**
     * d i0/d c_s [A/m2 per mol/m3]: a central difference (step 1e-6 c_max, one-sided where it would leave [0, c_max])
     * unless the law gives it analytically.
     */
    default double solidSlope(double ce, double cs, double cMax, double temperature) {
        double h = 1e-6 * cMax, a = cs - h < 0 ? cs : cs - h, b = cs + h > cMax ? cs : cs + h;
        return (at(ce, b, cMax, temperature) - at(ce, a, cMax, temperature)) / (b - a);
    }
}
