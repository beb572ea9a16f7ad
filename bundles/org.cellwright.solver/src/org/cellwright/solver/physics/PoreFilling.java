package org.cellwright.solver.physics;

/**
 * Li filling a nanopore of a MIEC interlayer. Li grows at its front in the pore, whose area is the pore's cross
 * section and whose equilibrium is set by the front's curvature (Gibbs-Thomson, in
 * {@link MiecInterlayerElectrode}), not by how full the pore is; only the last share w of the pore volume (the
 * corners between particles and dead ends, which close one after the other) fills with a front area falling to
 * zero. The growth factor multiplying the deposition rate is b = 1 - exp(-(1 - fill) / w): about 1 until the pore
 * is nearly full, 0 when full. So Li fills the pores of a lithiophilic MIEC before it must nucleate anywhere harder
 * (Sung et al., Adv. Mater. 2023, DOI 10.1002/adma.202210835: nucleation inside the MIEC, then at the
 * MIEC/collector interface after ~0.1 mAh/cm2, about the pore volume eps L of the 3.25 um layer).
 */
public final class PoreFilling {
    private PoreFilling() {}

    /** Share of a pore's volume that closes with a shrinking front (assumed: corners and dead ends). */
    public static final double CLOSING_SHARE = 0.02;

    /** Growth factor b of Li deposition in a pore filled to the given fraction (0 empty, 1 full). */
    public static double growthFactor(double fill) {
        double x = (1 - Math.max(0, Math.min(1, fill))) / CLOSING_SHARE;
        return HeterogeneousNucleation.oneMinusExp(x);
    }
}
