package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;

/**
 * Volume change of an alloying interlayer host (Si -> Li15Si4) from masses and true densities. Solid volume per
 * area V_s(y) = m_C/rho_C + n_host [(1 - y) M_host/rho_host + y (M_host + x M_Li)/rho_lith] for lithiation
 * fraction y (x = Li per host, 3.75). Of the solid expansion dV_s, the fraction {@link #poreFillFraction} fills
 * pores and the rest thickens the layer: L = L0 + (1 - fill) dV_s; porosity = 1 - V_s/L. Pore size scales as
 * d = d0 (eps/eps0)^2 (p_ref/p)^b with the stack pressure p during lithiation (pores close more under higher
 * pressure, Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835: < 100 nm at 65 MPa, larger at 5 MPa). The
 * host pushes with stresses up to its hardness H; without a binder of tensile strength above H (CNT: 10 GPa vs
 * Li15Si4: 1.9 GPa) the layer cracks as it expands: the expansion pushes it apart (all into thickness) and its
 * pores stay at the as-cast size.
 */
public final class InterlayerLithiation {
    /** Li molar mass [kg/mol]. */
    public static final double M_LI = 6.941e-3;
    /** Fraction of the solid expansion that fills pores; calibrated to 2 -> 3.25 um of Sung2023 at 65 MPa. */
    public static final double DEFAULT_PORE_FILL = 0.368;
    /** Exponent of the pore size's pressure dependence; calibrated: interlayers formed at 5 MPa fail at 65 MPa (Sung2023). */
    public static final double PRESSURE_EXPONENT = 0.55;
    /** Reference pressure of the pore-size law [Pa] (Sung2023 formation pressure). */
    public static final double REFERENCE_PRESSURE = 65e6;

    private final double thickness0, porosity0, poreSize0;
    private final double carbonVolume; // m3/m2
    private final double hostMoles;    // mol host/m2
    private final double hostMolarVolume, lithiatedMolarVolume, liPerHost;
    private final double poreFill;
    private final MaterialSpec host;
    private final boolean cracks;

    /** The host is the component with LITHIUM_PER_HOST; the other components are inert (carbon). */
    public InterlayerLithiation(LayerSpec layer, double poreFillFraction) {
        LayerComposition comp = new LayerComposition(layer);
        MaterialSpec h = null;
        double vc = 0;
        for (ComponentSpec c : layer.components()) {
            if (c.material().has(LITHIUM_PER_HOST) && h == null) h = c.material();
            else vc += comp.volumeFraction(c.material()) * layer.thickness();
        }
        host = h;
        carbonVolume = vc;
        // the expanding host pushes with stresses up to its hardness; a binder network whose tensile strength exceeds
        // that holds the layer together (CNT, Sung2023), otherwise the layer cracks open as it lithiates
        double binder = 0;
        for (ComponentSpec c : layer.components())
            if (c.material() != h) binder = Math.max(binder, c.material().get(TENSILE_STRENGTH, 0));
        cracks = h != null && h.has(HARDNESS) && binder < h.get(HARDNESS, 0);
        thickness0 = layer.thickness();
        porosity0 = layer.porosity();
        poreSize0 = Double.isNaN(layer.poreSize()) ? 1e-6 : layer.poreSize();
        // a cracking layer is pushed apart by the expansion instead of filling its pores
        poreFill = cracks ? 0 : poreFillFraction;
        if (h != null) {
            double mHost = comp.massPerArea(h);
            double mm = h.get(MOLAR_MASS, 28.0855e-3);
            hostMoles = mHost / mm;
            liPerHost = h.get(LITHIUM_PER_HOST, 3.75);
            hostMolarVolume = mm / h.get(DENSITY, 2330);
            lithiatedMolarVolume = (mm + liPerHost * M_LI) / h.get(LITHIATED_DENSITY, h.get(DENSITY, 2330));
        } else {
            hostMoles = 0;
            liPerHost = 0;
            hostMolarVolume = 0;
            lithiatedMolarVolume = 0;
        }
    }

    public InterlayerLithiation(LayerSpec layer) { this(layer, DEFAULT_PORE_FILL); }

    public MaterialSpec host() { return host; }
    /** True if the layer has no binder strong enough to hold the expanding host: its pores stay open (as cast). */
    public boolean cracks() { return cracks; }
    public boolean hasHost() { return host != null && hostMoles > 0; }
    /** Host amount [mol/m2]. */
    public double hostMoles() { return hostMoles; }
    /** Li needed to lithiate the host fully [mol/m2]. */
    public double lithiumCapacity() { return hostMoles * liPerHost; }

    /** Solid volume per area at lithiation fraction y [m3/m2 = m]. */
    public double solidVolume(double y) {
        return carbonVolume + hostMoles * ((1 - y) * hostMolarVolume + y * lithiatedMolarVolume);
    }

    public double thickness(double y) {
        return thickness0 + (1 - poreFill) * (solidVolume(y) - solidVolume(0));
    }

    public double porosity(double y) { return 1 - solidVolume(y) / thickness(y); }

    /** Pore size [m] after lithiation to y under stack pressure p. */
    public double poreSize(double y, double pressure) {
        if (cracks) return poreSize0;
        double e = porosity(y);
        double size = poreSize0 * Math.pow(Math.max(e, 1e-3) / porosity0, 2);
        if (y > 0 && pressure > 0) size *= Math.pow(REFERENCE_PRESSURE / pressure, PRESSURE_EXPONENT) * y + (1 - y);
        return Math.min(size, poreSize0);
    }

    /**
     * Volume fraction of the lithiated phase within the host's solid at lithiation y: y V_lith / ((1 - y) V_host +
     * y V_lith), from the two phases' molar volumes (0 without host).
     */
    public double lithiatedVolumeFraction(double y) {
        if (!hasHost()) return 0;
        double yy = Math.min(Math.max(y, 0), 1);
        return yy * lithiatedMolarVolume / ((1 - yy) * hostMolarVolume + yy * lithiatedMolarVolume);
    }

    /** Volume fraction of the host phase at lithiation y. */
    public double hostVolumeFraction(double y) {
        return hostMoles * ((1 - y) * hostMolarVolume + y * lithiatedMolarVolume) / thickness(y);
    }

    /** Solid volume fraction from masses [kg] and densities [kg/m3] in a layer of given thickness and area. */
    public static double solidFraction(double[] masses, double[] densities, double thickness, double area) {
        double v = 0;
        for (int i = 0; i < masses.length; i++) v += masses[i] / densities[i];
        return v / (thickness * area);
    }
}
