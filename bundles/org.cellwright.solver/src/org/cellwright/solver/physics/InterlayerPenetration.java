package org.cellwright.solver.physics;

/**
 * Li of the MIEC interlayer pressing on the SE (mechanism 4 of Sung et al., Adv. Mater. 2023, DOI
 * 10.1002/adma.202210835: Li harder than the SE can bear penetrates it; nanopores keep Li soft): the ratio of the Li
 * feature's flow stress to what the SE bears ({@link LithiumContext#penetrationRatio}, {@link LithiumFlowStress}),
 * for Li deposited at the SE side and for Li in the SE-side pores.
 */
final class InterlayerPenetration {
    private InterlayerPenetration() {}

    /** Li deposited at the SE side (deposits of the size of mossy Li) at its plating current [A/m2, > 0 plating]. */
    static double seSide(LithiumContext ctx, double pressure, double platingCurrent, double temperature) {
        return ctx.penetrationRatio(pressure, ctx.depositSize, platingCurrent, temperature);
    }

    /**
     * Li in the pores next to the SE, of the pore size d set at lithiation, pressing on the SE. Li plated behind the
     * interlayer is supplied through the Li-filled pores while the layer is displaced by the growing deposit: the pore
     * Li is strained at the plating velocity over the layer thickness, rate = i V_m / (F L), which is the strain rate
     * of a feature of size d plated at i_eq = rate F d / V_m.
     */
    static double pores(LithiumContext ctx, double pressure, double platingCurrent, double thickness, double poreSize, double temperature) {
        double rate = platingCurrent * ctx.molarVolume / (Constants.F * thickness);
        return ctx.penetrationRatio(pressure, poreSize, rate * Constants.F * poreSize / ctx.molarVolume, temperature);
    }
}
