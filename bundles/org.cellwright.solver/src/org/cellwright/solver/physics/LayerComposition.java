package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import java.util.List;

import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;

/**
 * Volume fractions and effective (Bruggeman) conductivities of a layer from mass fractions and true densities:
 * phi_i = (1 - porosity) (w_i/rho_i) / sum_j (w_j/rho_j); sigma_eff = sum over conducting phases of
 * sigma_i * f(phi_i) with f the layer's Bruggeman/tortuosity factor of that conduction, ionic or electronic
 * ({@link LayerSpec#ionicTransportFactor}, {@link LayerSpec#electronicTransportFactor}; Bruggeman, Ann. Phys. 1935;
 * parallel phases).
 */
public final class LayerComposition {
    private final LayerSpec layer;
    private final double[] volumeFractions;

    public LayerComposition(LayerSpec layer) {
        this.layer = layer;
        List<ComponentSpec> cs = layer.components();
        volumeFractions = new double[cs.size()];
        double sum = 0;
        for (ComponentSpec c : cs) sum += c.massFraction() / c.material().get(DENSITY, 1000.0);
        for (int i = 0; i < cs.size(); i++) {
            ComponentSpec c = cs.get(i);
            volumeFractions[i] = sum == 0 ? 0 : (1 - layer.porosity()) * c.massFraction() / c.material().get(DENSITY, 1000.0) / sum;
        }
    }

    public LayerSpec layer() { return layer; }

    public double volumeFraction(int component) { return volumeFractions[component]; }

    public double volumeFraction(MaterialSpec m) {
        for (int i = 0; i < volumeFractions.length; i++) if (layer.components().get(i).material() == m) return volumeFractions[i];
        return 0;
    }

    /** Mass per area of a component [kg/m2]. */
    public double massPerArea(MaterialSpec m) {
        return volumeFraction(m) * m.get(DENSITY, 1000.0) * layer.thickness();
    }

    /** Component with an OCV curve (active material), or null. */
    public MaterialSpec activeMaterial() {
        for (ComponentSpec c : layer.components()) if (c.material().hasOcv()) return c.material();
        return null;
    }

    /** Effective conductivity [S/m] of the given kind at temperature T: sum of Bruggeman-weighted phases. */
    public double effectiveConductivity(MaterialProperty kind, double temperature) {
        MaterialProperty ea = kind == IONIC_CONDUCTIVITY ? IONIC_ACTIVATION_ENERGY : ELECTRONIC_ACTIVATION_ENERGY;
        double s = 0;
        List<ComponentSpec> cs = layer.components();
        for (int i = 0; i < cs.size(); i++) {
            MaterialSpec m = cs.get(i).material();
            double sig = m.get(kind, 0);
            if (sig <= 0) continue;
            double arr = Constants.arrhenius(m.get(ea, 0), temperature, m.get(REFERENCE_TEMPERATURE, Constants.T_REF));
            double f = cs.size() == 1 && layer.porosity() == 0 ? 1.0
                    : kind == IONIC_CONDUCTIVITY ? layer.ionicTransportFactor(volumeFractions[i]) : layer.electronicTransportFactor(volumeFractions[i]);
            s += sig * arr * f;
        }
        return s;
    }

    /** Area-specific resistance L/sigma_eff [Ohm m2]; +infinity when the phase does not conduct. */
    public double areaSpecificResistance(MaterialProperty kind, double temperature) {
        double s = effectiveConductivity(kind, temperature);
        return s <= 0 ? Double.POSITIVE_INFINITY : layer.thickness() / s;
    }
}
