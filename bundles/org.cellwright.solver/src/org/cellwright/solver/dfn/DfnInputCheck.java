package org.cellwright.solver.dfn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes a DFN cell unsolvable before it is solved: geometry out of range, initial concentrations outside
 * (0, c_max), and electrolyte functions that are not positive (conductivity, diffusivity, thermodynamic factor) or
 * give t+ > 1 anywhere between 0 and three times the initial salt concentration at the cell's temperature. Messages
 * name the property and where it fails; the language layer adds file and line.
 */
public final class DfnInputCheck {
    private DfnInputCheck() {}

    /** Concentrations sampled in the electrolyte check, as multiples of the initial one (0 excluded). */
    static final int SAMPLES = 60;

    public static List<String> problems(DfnCell cell) {
        List<String> out = new ArrayList<>();
        double t = cell.temperature(), c0 = cell.initialElectrolyteConcentration();
        if (!(t > 0)) out.add("temperature must be positive, got " + t + " K");
        if (!(c0 > 0)) out.add("initial electrolyte concentration must be positive, got " + c0 + " mol/m3");
        boolean spm = cell.isSingleParticle();
        if (cell.lithiumMetal() != null) lithiumMetal(cell.lithiumMetal(), c0, t, out);
        else electrode(cell.negative(), "negative electrode", spm, out);
        electrode(cell.positive(), "positive electrode", spm, out);
        if (spm) return out; // no separator, no electrolyte (SingleParticleModel)
        PorousSeparator s = cell.separator();
        if (!(s.thickness() > 0)) out.add("separator thickness must be positive");
        if (!(s.porosity() > 0 && s.porosity() <= 1)) out.add("separator porosity must lie in (0, 1], got " + s.porosity());
        if (out.isEmpty() && t > 0 && c0 > 0) electrolyte(cell.electrolyte(), c0, t, out);
        return out;
    }

    private static void electrode(IntercalationElectrode e, String role, boolean spm, List<String> out) {
        if (!(e.thickness() > 0)) out.add(role + " thickness must be positive");
        if (spm) {
            if (e.isBlend()) out.add(role + " is a blend: the single-particle model takes one particle population per electrode");
            if (!(e.activeFraction() > 0 && e.activeFraction() <= 1)) out.add(role + " active-material fraction must lie in (0, 1], got " + e.activeFraction());
        } else if (!(e.porosity() > 0 && e.porosity() < 1)) out.add(role + " porosity must lie in (0, 1), got " + e.porosity());
        if (!spm && !(e.activeFraction() > 0 && e.porosity() + e.activeFraction() <= 1))
            out.add(role + " active-material fraction must be positive and leave porosity + fraction <= 1, got " + e.activeFraction()
                    + " with porosity " + e.porosity());
        for (ParticlePopulation p : e.populations()) {
            String who = e.isBlend() ? role + " population " + p.name() : role;
            if (e.isBlend() && !(p.activeFraction() > 0)) out.add(who + " active-material fraction must be positive, got " + p.activeFraction());
            double cMax = p.particle().maximumConcentration(), c = p.initialConcentration();
            if (!(c > 0 && c < cMax)) out.add(who + " initial concentration " + c + " mol/m3 lies outside (0, c_max = " + cMax + ")");
            if (!(p.particle().radius() > 0)) out.add(who + " particle radius must be positive");
        }
        if (!spm && !(e.solid().conductivity() > 0)) out.add(role + " conductivity must be positive");
    }

    private static void lithiumMetal(PlanarLithiumElectrode f, double c0, double t, List<String> out) {
        if (!(f.thickness() >= 0)) out.add("negative electrode (lithium metal) thickness must not be negative");
        if (f.thickness() > 0 && !(f.conductivity() > 0)) out.add("negative electrode (lithium metal) conductivity must be positive");
        if (!(f.anodicTransferCoefficient() > 0 && f.anodicTransferCoefficient() < 1))
            out.add("negative electrode (lithium metal) transfer coefficient must lie in (0, 1), got " + f.anodicTransferCoefficient());
        double i0 = t > 0 && c0 > 0 ? f.exchangeCurrent().at(c0, t) : 1;
        if (!(i0 > 0) || !Double.isFinite(i0))
            out.add(String.format(Locale.ROOT, "negative electrode (lithium metal) exchange current %.4g A/m2 at c = %.4g mol/m3 must be positive", i0, c0));
    }

    private static void electrolyte(LiquidElectrolyte e, double c0, double t, List<String> out) {
        for (int k = 1; k <= SAMPLES; k++) {
            double c = 3 * c0 * k / SAMPLES;
            positive("conductivity", e.conductivity().at(c, t), c, t, e, out);
            positive("diffusivity", e.diffusivity().at(c, t), c, t, e, out);
            positive("thermodynamic factor", e.thermodynamicFactor().at(c, t), c, t, e, out);
            double tp = e.transferenceNumber().at(c, t);
            if (!(tp <= 1) || !Double.isFinite(tp)) // t+ = 1: a single-ion conductor, the salt stays uniform
                out.add(String.format(Locale.ROOT, "%s: transference number %.4g at c = %.4g mol/m3, T = %.2f K (must be at most 1)", e.name(), tp, c, t));
            if (!out.isEmpty()) return; // the first failure is enough
        }
    }

    private static void positive(String what, double v, double c, double t, LiquidElectrolyte e, List<String> out) {
        if (!(v > 0) || !Double.isFinite(v))
            out.add(String.format(Locale.ROOT, "%s: %s is %.4g at c = %.4g mol/m3, T = %.2f K (must be positive between 0 and 3 x the initial concentration)",
                    e.name(), what, v, c, t));
    }
}
