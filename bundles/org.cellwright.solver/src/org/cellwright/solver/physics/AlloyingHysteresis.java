package org.cellwright.solver.physics;

/**
 * Alloying of a host (Li + Si -> LixSi) with voltage hysteresis: lithiation about the equilibrium
 * U_l(y) = U_l0 + s ln((1 - y)/y), de-alloying about U_d(y) = U_d0 + s ln((1 - y)/y) (Obrovac and Chevrier, Chem. Rev.
 * 114, 11444, 2014, for Si), each one-sided Butler-Volmer with a = 0.5 and exchange current i0 2 sqrt(y (1 - y)):
 * j = -i0 (e^{-f (dphi - U_l)/2} - 1) below U_l, + i0 (e^{f (dphi - U_d)/2} - 1) above U_d, none between (anodic positive).
 */
public final class AlloyingHysteresis {
    /** Slope s of the host's equilibrium curves [V]; calibrated so lithiation is ~99 % complete at 5 mV. */
    public static final double SLOPE = 0.03;

    private final double lithiationPlateau, dealloyingPlateau;

    public AlloyingHysteresis(double lithiationPlateau, double dealloyingPlateau) {
        this.lithiationPlateau = lithiationPlateau;
        this.dealloyingPlateau = dealloyingPlateau;
    }

    /** Open-circuit potential of the host at lithiation y [V]: the middle of the hysteresis loop. */
    public double equilibrium(double y) {
        return 0.5 * (lithiationPlateau + dealloyingPlateau) + SLOPE * Math.log((1 - y) / y);
    }

    /** Lithiation branch U_l(y) [V]: below it the host alloys. */
    public double lithiation(double y) { return lithiationPlateau + SLOPE * Math.log((1 - y) / y); }

    /** De-alloying branch U_d(y) [V]: above it the host de-alloys. */
    public double dealloying(double y) { return dealloyingPlateau + SLOPE * Math.log((1 - y) / y); }

    /**
     * Potential [V] the host rests at when its current stops, from its potential dphi at lithiation y: dphi itself
     * between the branches (no current flows there, so nothing moves it), else the branch it was on. This is the
     * host's open-circuit potential: a host lithiated along U_l rests on U_l, one de-alloyed along U_d on U_d, one
     * that carried no current where it was put (a host given as lithiated starts at {@link #equilibrium}).
     */
    public double restPotential(double dphi, double y) {
        return Math.min(dealloying(y), Math.max(lithiation(y), dphi));
    }

    /** Current [A/m2, anodic] at potential dphi [V] vs Li and lithiation y, exchange current i0A [A/m2] at y = 1/2. */
    public double current(double i0A, double dphi, double y, double temperature) {
        double f = Constants.F / (Constants.R * temperature);
        double i0 = i0A * 2 * Math.sqrt(Math.max(0, y * (1 - y)));
        double etaL = dphi - lithiation(y), etaD = dphi - dealloying(y);
        double j = 0;
        if (etaL < 0) j += -i0 * Math.expm1(-0.5 * f * etaL);
        if (etaD > 0) j += i0 * Math.expm1(0.5 * f * etaD);
        return j;
    }
}
