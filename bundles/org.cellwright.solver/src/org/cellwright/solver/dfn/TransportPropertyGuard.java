package org.cellwright.solver.dfn;

import java.util.Locale;

import org.cellwright.solver.numerics.fv.CompositeMesh;

/**
 * The transport properties at a solved state must be positive: the electrolyte's conductivity kappa(c_e, T) and salt
 * diffusivity D_e(c_e, T) in every x-cell, and each particle's diffusivity D_s(c_s, T) at its surface. A function of
 * the state that turns non-positive only at states the checker's sampling missed would otherwise give a solution with
 * charge or salt flowing up its gradient; the runner ends the run with the message this class gives instead.
 */
public final class TransportPropertyGuard {
    private TransportPropertyGuard() {}

    private static final String[] DOMAIN = { "negative electrode", "separator", "positive electrode" };

    /**
     * Null if every transport property is positive and finite at state y, else which one is not, its value and its
     * state. A single-particle model has no electrolyte: null.
     */
    public static String violation(CellModel cellModel, double[] y) {
        if (!(cellModel instanceof DfnModel model)) return null;
        var mesh = model.mesh();
        double t = model.temperature();
        LiquidElectrolyte e = model.cell().electrolyte();
        for (int g = 0; g < mesh.cells(); g++) {
            double ce = model.electrolyteConcentration(y, g);
            int d = mesh.domainOf(g);
            double kappa = e.conductivity().at(ce, t), de = e.diffusivity().at(ce, t);
            if (!positive(kappa) || !positive(de)) { // the message only for a violation (this runs at every step)
                String at = " at c = " + num(ce) + " mol/m3, T = " + num(t) + " K" + where(mesh, g, d);
                return !positive(kappa) ? message("the electrolyte " + e.name() + "'s ionic-conductivity", kappa, "S/m", at)
                        : message("the electrolyte " + e.name() + "'s diffusivity", de, "m2/s", at);
            }
            if (d == 1) continue;
            for (int k = 0; k < model.populations(d); k++) {
                ParticlePopulation p = model.population(d, k);
                double cs = model.surfaceConcentration(y, g, k);
                double ds = p.particle().diffusivity(cs, t);
                if (!positive(ds)) return message(p.name() + "'s diffusivity", ds, "m2/s", " at its surface cs = " + num(cs)
                        + " mol/m3 (stoichiometry " + num(cs / p.particle().maximumConcentration()) + "), T = " + num(t) + " K" + where(mesh, g, d));
            }
        }
        return null;
    }

    private static boolean positive(double v) { return v > 0 && Double.isFinite(v); }

    private static String where(CompositeMesh mesh, int g, int d) {
        return " (x = " + num(mesh.centre(g) * 1e6) + " um, in the " + DOMAIN[d] + ")";
    }

    private static String message(String what, double v, String unit, String at) {
        return what + " is " + (Double.isFinite(v) ? num(v) : Double.toString(v)) + " " + unit + at
                + ": a transport property must be positive; correct the function or state the range it holds for";
    }

    /** 4 significant digits, without trailing zeros. */
    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) return s.replaceFirst("\\.?0+e", "e");
        return s.contains(".") ? s.replaceFirst("\\.?0+$", "") : s;
    }
}
