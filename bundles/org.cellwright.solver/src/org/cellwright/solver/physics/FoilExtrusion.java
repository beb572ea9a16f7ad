package org.cellwright.solver.physics;

/**
 * Pressure a Li foil between the SE and a collector can carry before it flows out sideways: the "friction hill" of
 * a plastic disk of radius R and thickness h compressed between sticking plates, mean pressure
 * p = sigma_0 (1 + 2R / (3 sqrt(3) h)) (von Mises, shear stress sigma_0/sqrt(3) at the plates; Johnson and Mellor,
 * Engineering Plasticity, 1973, ch. 17). Li plated onto a foil that can flow away at a lower pressure than the stack
 * pressure is accommodated by that flow: the foil presses on the SE with at most this pressure. A thick foil (350 um,
 * the counter electrode of the study's half cells) extrudes at ~15 MPa; a thin one (30 um, the full cells) carries
 * the full stack pressure (Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835: the baseline full cell shorts at 65 MPa).
 */
public final class FoilExtrusion {
    private FoilExtrusion() {}

    /** Mean pressure [Pa] at which a foil of flow stress sigma0 [Pa], radius [m] and thickness [m] flows sideways. */
    public static double pressure(double sigma0, double radius, double thickness) {
        if (!(thickness > 0)) return Double.POSITIVE_INFINITY;
        return sigma0 * (1 + 2 * radius / (3 * Math.sqrt(3) * thickness));
    }

    /** Radius [m] of a round cell of the given area [m2]. */
    public static double radius(double area) { return Math.sqrt(area / Math.PI); }
}
