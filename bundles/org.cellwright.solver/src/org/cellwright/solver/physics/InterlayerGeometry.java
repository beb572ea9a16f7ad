package org.cellwright.solver.physics;

import static org.cellwright.solver.input.MaterialProperty.*;

import org.cellwright.solver.input.ComponentSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;

/**
 * Geometry and effective transport of a porous MIEC interlayer at a mean host lithiation y (SI): thickness, porosity,
 * pore size ({@link InterlayerLithiation}), particle radius r (the as-cast radius grown with the solid's volume),
 * internal surface a = 3 (1 - eps) / r of packed spheres, the true areas of its two faces, and the Bruggeman-type
 * ionic and electronic conductivities of its components ({@link LayerSpec#ionicTransportFactor},
 * {@link LayerSpec#electronicTransportFactor}). Properties of the layer,
 * independent of the mesh on which they are used.
 */
public final class InterlayerGeometry {
    /**
     * Depth to which the SE, pressed onto the as-cast layer (700 MPa in Sung2023), covers the interlayer's internal
     * surface [m]; with the flat contact it sets the true MIEC/SE contact area on which the SE is reduced:
     * A = (1 - eps) + a delta. Calibrated: initial Coulombic efficiency 96.4 % of the interlayer half cell (Sung et
     * al., Adv. Mater. 2023, DOI 10.1002/adma.202210835).
     */
    public static final double SE_CONTACT_DEPTH = 145e-9;
    /** As-cast particle radius [m] when the layer gives none: the study's ~50 nm Si particles (Sung2023). */
    static final double DEFAULT_PARTICLE_RADIUS = 25e-9;
    /** Pore size [m] of a layer without host that gives none. */
    static final double DEFAULT_PORE_SIZE = 100e-9;
    private static final double MIN_KAPPA = 1e-8, MIN_SIGMA = 1e-6;

    private final LayerSpec layer;
    private final InterlayerLithiation lith;
    private final MaterialSpec host;
    private final double particleRadius0;
    private double thickness, porosity, poreSize, particleRadius, specificArea, kappa, sigma;

    public InterlayerGeometry(LayerSpec layer, InterlayerLithiation lith) {
        this.layer = layer;
        this.lith = lith;
        this.host = lith.host();
        this.particleRadius0 = Double.isNaN(layer.particleRadius()) ? DEFAULT_PARTICLE_RADIUS : layer.particleRadius();
    }

    /** Geometry at mean host lithiation ym (0 without host), pores set at the lithiation-weighted pressure [Pa]. */
    public void update(double ym, double lithiationPressure) {
        boolean h = lith.hasHost();
        thickness = h ? lith.thickness(ym) : layer.thickness();
        porosity = h ? lith.porosity(ym) : layer.porosity();
        poreSize = h ? lith.poreSize(ym, lithiationPressure) : Double.isNaN(layer.poreSize()) ? DEFAULT_PORE_SIZE : layer.poreSize();
        particleRadius = h ? particleRadius0 * Math.cbrt(lith.solidVolume(ym) / lith.solidVolume(0)) : particleRadius0;
        specificArea = 3 * (1 - porosity) / particleRadius;
    }

    /**
     * Effective conductivities [S/m] at mean lithiation ym and temperature [K]: each component's conductivity times
     * its transport factor at its volume fraction; the host's ionic conduction scaled by its lithiation (at least 1 %),
     * thermally activated (Arrhenius about its material's reference temperature); the host's electronic conduction
     * that of its two phases mixed by {@link LichteneckerConductivity} at the lithiated phase's volume fraction
     * ({@link #electronicConductivity(MaterialSpec, double, double)}).
     */
    public void updateTransport(double ym, double temperature) {
        double k = 0, s = 0;
        for (ComponentSpec c : layer.components()) {
            MaterialSpec m = c.material();
            double phi = m == host ? lith.hostVolumeFraction(ym)
                    : new LayerComposition(layer).volumeFraction(m) * layer.thickness() / thickness;
            double scale = m == host ? Math.max(ym, 0.01) : 1;
            k += scale * m.get(IONIC_CONDUCTIVITY, 0) * Constants.arrhenius(m.get(IONIC_ACTIVATION_ENERGY, 0), temperature,
                    m.get(REFERENCE_TEMPERATURE, Constants.T_REF))
                    * layer.ionicTransportFactor(phi);
            s += electronicConductivity(m, ym, temperature) * layer.electronicTransportFactor(phi);
        }
        kappa = Math.max(k, MIN_KAPPA);
        sigma = Math.max(s, MIN_SIGMA);
    }

    /**
     * Electronic conductivity [S/m] of component m's own phase at mean host lithiation ym and temperature [K], each
     * value thermally activated by its own law (Arrhenius about the material's reference temperature; no activation
     * energy: the same at every temperature). The host's is that of its two phases mixed by Lichtenecker's rule at the
     * lithiated phase's volume fraction: from its unlithiated phase's ({@code unlithiated-electronic-conductivity},
     * SiNP: intrinsic Si, thermally activated with half its band gap) to its lithiated phase's
     * ({@code electronic-conductivity}); a host that gives no unlithiated value conducts as its lithiated phase at
     * every lithiation (a metal-like host), one without electronic-conductivity not at all.
     */
    double electronicConductivity(MaterialSpec m, double ym, double temperature) {
        double tRef = m.get(REFERENCE_TEMPERATURE, Constants.T_REF);
        double lithiated = m.get(ELECTRONIC_CONDUCTIVITY, 0)
                * Constants.arrhenius(m.get(ELECTRONIC_ACTIVATION_ENERGY, 0), temperature, tRef);
        if (m != host || lithiated <= 0 || !m.has(UNLITHIATED_ELECTRONIC_CONDUCTIVITY)) return lithiated;
        double unlithiated = m.get(UNLITHIATED_ELECTRONIC_CONDUCTIVITY, 0)
                * Constants.arrhenius(m.get(UNLITHIATED_ELECTRONIC_ACTIVATION_ENERGY, 0), temperature, tRef);
        return LichteneckerConductivity.of(unlithiated, lithiated, lith.lithiatedVolumeFraction(ym));
    }

    public double thickness() { return thickness; }
    public double porosity() { return porosity; }
    public double poreSize() { return poreSize; }
    public double particleRadius() { return particleRadius; }
    /** Internal surface per volume a = 3 (1 - eps) / r [1/m] (packed spheres). */
    public double specificArea() { return specificArea; }
    /** Effective ionic conductivity [S/m]. */
    public double ionicConductivity() { return kappa; }
    /** Effective electronic conductivity [S/m]. */
    public double electronicConductivity() { return sigma; }

    /** True MIEC/SE contact area per geometric area: the flat contact plus the pore walls the SE covers. */
    public double seContactArea() { return (1 - porosity) + specificArea * SE_CONTACT_DEPTH; }

    /** Flat MIEC/SE contact (the solid fraction of the face) on which Li deposits at the SE side. */
    public double seFaceArea() { return Math.max(1 - porosity, 1e-3); }

    /**
     * True area per geometric area on which Li at the collector side takes up Li+ and electrons from the MIEC: the
     * exposed caps of the layer's outermost particles, which the Li growing between the interlayer and the collector
     * (Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835) wets (lithiophilic silicide; Li deposits at the
     * MIEC wall, Chen et al., Nature 578 (2020) 251, DOI 10.1038/s41586-020-1972-y). A monolayer of spheres of radius
     * r at solid fraction 1 - eps holds a 2 r = 6 (1 - eps) of surface per geometric area, half of it facing the
     * collector: A = a r = 3 (1 - eps). A property of the layer's face, not of the mesh (before, the internal
     * surface of the last control volume, a dx, made the site's overpotential grow with the node count).
     */
    public double collectorContactArea() { return specificArea * particleRadius; }
}
