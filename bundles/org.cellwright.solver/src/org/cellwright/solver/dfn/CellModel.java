package org.cellwright.solver.dfn;

import org.cellwright.solver.numerics.dae.DaeSystem;

/**
 * What a protocol runner needs of a lithium-ion cell model on the DAE time stepper: the Doyle-Fuller-Newman
 * {@link DfnModel} or the {@link SingleParticleModel}. DFN current convention: positive = discharge [A/m2].
 */
public interface CellModel extends DaeSystem {
    /**
     * The model of a cell: a {@link SingleParticleModel} for a {@link DfnCell#isSingleParticle() single-particle cell}
     * (its particles on mesh.particle() shells), else a {@link DfnModel}; with the current as an unknown (for
     * protocols with power steps) when controlled.
     */
    static CellModel of(DfnCell cell, DfnMesh mesh, boolean controlled, CurrentProfile current, PowerProfile power) {
        if (cell.isSingleParticle())
            return controlled ? SingleParticleModel.controlled(cell, mesh.particle(), current, power) : new SingleParticleModel(cell, mesh.particle(), current);
        return controlled ? DfnModel.controlled(cell, mesh, current, power) : new DfnModel(cell, mesh, current);
    }

    /** A state of the cell at rest at its initial concentrations (the integrator makes it consistent). */
    double[] initialState();

    /** Terminal voltage [V]. */
    double voltage(double t, double[] y);

    /** Applied current density in state y at t [A/m2]. */
    double current(double t, double[] y);

    /**
     * Where the model solves its current: a charge coordinate of state y [C/m2] whose change over a time step is the
     * charge passed (discharge positive) by the time stepper's own quadrature ({@link DfnModel#chargePassed}); NaN where
     * it does not say (a runner integrates the current itself).
     */
    default double chargePassed(double[] y) { return Double.NaN; }

    /** Open-circuit voltage at the electrodes' mean stoichiometries [V]. */
    double openCircuitVoltage(double[] y);

    /**
     * The voltage's losses, V - OCV by {@link org.cellwright.solver.OverpotentialKind} (ordinal-indexed; NaN where the
     * model does not split them).
     */
    default double[] overpotentials(double t, double[] y) {
        double[] eta = new double[org.cellwright.solver.OverpotentialKind.values().length];
        java.util.Arrays.fill(eta, Double.NaN);
        return eta;
    }

    /** Lithium in the particles of electrode domain (0 negative, 2 positive) per electrode area [mol/m2]. */
    double lithiumInSolid(double[] y, int domain);

    /**
     * Lithium left in a lithium-metal foil negative per electrode area [mol/m2] (negative once more than the foil had is
     * stripped), NaN where the negative is not a foil.
     */
    default double lithiumInFoil(double[] y) { return Double.NaN; }

    double temperature();

    /** Cell temperature used by every property from now on [K]. */
    void setTemperature(double kelvin);

    /** Power control (V I = P(t)) from now on, or current control; only for a model with a current unknown. */
    void controlByPower(boolean on);

    boolean isPowerControlled();

    /** Power demand P(t) [W/m2] under power control, NaN otherwise. */
    double powerDemand(double t);

    /** Under power control: a physical operating point (V > 0, current of the demand's sign); true otherwise. */
    boolean deliversPower(double t, double[] y);

    /**
     * Potentiostatic control from now on: the current unknown constrained by V = volts (a voltage hold); only the
     * {@link DfnModel} made with {@link DfnModel#controlled} has it.
     */
    default void holdVoltage(double volts) {
        throw new UnsupportedOperationException("a voltage hold runs with DFN cells only, not with the single-particle model");
    }
}
