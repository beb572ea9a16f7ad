package org.cellwright.solver.physics;

/**
 * True contact-area fraction a of Li metal on the SE. Under stack pressure p the equilibrium contact is
 * a_eq = min(1, p / H) with H = 3 sigma_y (Bowden and Tabor, The Friction and Lubrication of Solids, 1950; Tabor
 * hardness). Stripping removes Li from the interface at i V_m / F; Li creep towards the interface supplies
 * v_c = h eps_dot(beta p, T) with power-law creep eps_dot = A (sigma/E)^n exp(-Q/RT) (LePage et al.,
 * J. Electrochem. Soc. 2019). When stripping outruns creep, voids grow:
 * da/dt = -a (i V_m/F - v_c)/h_v; otherwise the contact relaxes back: da/dt = (v_c + plating V_m/F)(a_eq - a)/h_v
 * (void model after Kasemchainan et al., Nat. Mater. 2019). Backward Euler. Switched off
 * ({@link #keepFullContact()}): a = 1 at every pressure and current.
 */
public final class ContactArea {
    /** Depth scale of voids and of the creeping region [m]. */
    public static final double VOID_DEPTH = 1e-6;
    /** Fraction of the stack pressure acting as deviatoric stress near voids; calibrated to a critical stripping
     *  current of ~1 mA/cm2 at 5 MPa, 25 C (Kasemchainan 2019 report 0.2-1 mA/cm2 at 3-7 MPa). */
    public static final double STRESS_FRACTION = 0.14;
    /** Smallest contact fraction kept (numerical floor). */
    public static final double MIN_CONTACT = 1e-3;

    private final double molarVolume, youngs, creepA, creepN, creepQ, yield;
    private double a = 1, trialA = 1;
    private double pressure = 0, temperature = 298.15;
    private boolean fullContact;

    public ContactArea(double molarVolume, double youngs, double creepA, double creepN, double creepQ, double yield) {
        this.molarVolume = molarVolume;
        this.youngs = youngs;
        this.creepA = creepA;
        this.creepN = creepN;
        this.creepQ = creepQ;
        this.yield = yield;
    }

    public void setConditions(double temperature, double pressure) {
        this.temperature = temperature;
        this.pressure = pressure;
        if (a > equilibrium()) a = equilibrium();
    }

    /** Switches contact loss off: full contact from now on. */
    public void keepFullContact() {
        fullContact = true;
        a = 1;
        trialA = 1;
    }

    public double equilibrium() {
        if (fullContact) return 1;
        return yield <= 0 ? 1 : Math.max(MIN_CONTACT, Math.min(1, pressure / (3 * yield)));
    }

    /** Creep velocity of Li towards the interface [m/s]. */
    public double creepVelocity() {
        double s = STRESS_FRACTION * pressure;
        double rate = creepA * Math.pow(s / youngs, creepN) * Math.exp(-creepQ / (Constants.R * temperature));
        return VOID_DEPTH * rate;
    }

    /** Stripping current density [A/m2] that creep can just sustain. */
    public double criticalStrippingCurrent() { return creepVelocity() * Constants.F / molarVolume; }

    /** Trial update for dt at anodic (stripping-positive) current density i through this contact; returns a. */
    public double trial(double dt, double i) {
        if (fullContact) return trialA = 1;
        double v = creepVelocity();
        double strip = Math.max(0, i) * molarVolume / Constants.F;
        double plate = Math.max(0, -i) * molarVolume / Constants.F;
        double aeq = equilibrium();
        if (strip > v) {
            trialA = a / (1 + dt * (strip - v) / VOID_DEPTH);
        } else {
            double k = (v - strip + plate) / VOID_DEPTH;
            trialA = (a + dt * k * aeq) / (1 + dt * k);
        }
        trialA = Math.max(MIN_CONTACT, Math.min(1, trialA));
        return trialA;
    }

    /**
     * Time [s] in which stripping at i (anodic, as {@link #trial}) takes the contact from its committed value down to
     * {@link #MIN_CONTACT} by the backward-Euler update of {@link #trial} (a / (1 + dt r) = MIN_CONTACT, r = (i V_m/F -
     * v_c)/h_v); infinite where creep keeps up (or contact loss is off), 0 at the floor already.
     */
    public double timeToFloor(double i) {
        if (fullContact) return Double.POSITIVE_INFINITY;
        double rate = (Math.max(0, i) * molarVolume / Constants.F - creepVelocity()) / VOID_DEPTH;
        if (!(rate > 0)) return Double.POSITIVE_INFINITY;
        return Math.max(0, (a / MIN_CONTACT - 1) / rate);
    }

    /** Whether the committed contact sits at {@link #MIN_CONTACT}, the model's floor (contact loss on). */
    public boolean atFloor() { return !fullContact && a <= MIN_CONTACT * (1 + 1e-9); }

    public double trialValue() { return trialA; }

    public void commit() { a = trialA; }

    public double value() { return a; }

    public void reset(double value) { a = value; trialA = value; }
}
