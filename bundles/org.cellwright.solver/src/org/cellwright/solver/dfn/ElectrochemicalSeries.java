package org.cellwright.solver.dfn;

/**
 * The span of electrode potentials: no half reaction's standard potential lies below Li+/Li (-3.0401 V vs SHE) or above
 * F2/F- (+2.866 V vs SHE) (P. Vanysek, "Electrochemical Series", CRC Handbook of Chemistry and Physics, 97th ed., 2016,
 * section 5), so an electrode's open-circuit potential against Li/Li+ lies within |U| <= E(F2/F-) - E(Li+/Li) = 5.9061 V.
 * A fitted OCP past that span (About:Energy's LFP fit, 3.41 V + 3.5e14 exp(-396 x) V, is 160 kV at x = 0.054) is no
 * longer any material's potential: the fit is evaluated beyond the stoichiometries it was fitted over, and a step whose
 * particle surfaces go there ends (DfnModel.transportLimit) where the fit leaves the span.
 */
public final class ElectrochemicalSeries {
    private ElectrochemicalSeries() {}

    /** Standard potentials of Li+/Li and F2/F- against the standard hydrogen electrode [V] (CRC Handbook, Vanysek). */
    static final double LITHIUM = -3.0401, FLUORINE = 2.866;

    /** E(F2/F-) - E(Li+/Li): the span of electrode potentials against Li/Li+ [V]. */
    public static final double SPAN = FLUORINE - LITHIUM;

    /** 1 - |U| / {@link #SPAN}: positive for an OCP u [V] against Li/Li+ within the span, negative past it (NaN: -Infinity). */
    public static double margin(double u) {
        return Double.isNaN(u) ? Double.NEGATIVE_INFINITY : 1 - Math.abs(u) / SPAN;
    }
}
