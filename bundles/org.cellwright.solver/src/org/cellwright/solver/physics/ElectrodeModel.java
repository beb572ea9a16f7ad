package org.cellwright.solver.physics;

import org.cellwright.solver.LithiumInventory;

/**
 * An electrode together with the layers between it and the separator, seen from the separator. All methods with
 * "trial" work from the committed state and do not change it; {@link #commit} accepts the last trial.
 */
public interface ElectrodeModel {

    String name();

    /** Sets temperature [K] and stack pressure [Pa] for the following steps. */
    void setConditions(double temperature, double stackPressure);

    /** Equilibrium potential vs Li/Li+ of the committed state [V]. */
    double openCircuitPotential();

    /**
     * Solves one implicit time step of length dt [s] at anodic current density i [A/m2] (positive = oxidation of
     * this electrode). Returns the potential of this electrode's current collector vs a Li reference in the SE at
     * the separator boundary [V], or NaN when the step cannot be solved (e.g. nothing left to strip).
     */
    double trial(double dt, double anodicCurrent);

    /**
     * Solves one implicit time step of length dt [s] at a set potential [V] of this electrode's current collector
     * (as returned by {@link #trial}); guess: the expected anodic current [A/m2] (its sign gives the direction).
     * Returns the anodic current density [A/m2], the last trial then being that of this current; NaN where the
     * electrode does not support it or the step has no solution (default: not supported).
     */
    default double currentAtPotential(double dt, double potential, double guess) { return Double.NaN; }

    /** Adds the overpotential contributions of the last trial (in this electrode's potential sense) times sign. */
    void addOverpotentials(double[] out, double sign);

    /**
     * Largest change of a dimensionless state variable (a stoichiometry) in the last trial, for step control where
     * the voltage is flat but the state moves fast (e.g. a particle surface saturating). Default 0.
     */
    default double stateChange() { return 0; }

    /**
     * The stoichiometry of each particle's outermost shell (one per control volume) in the committed state, for the
     * step control of a discharge whose end comes where the particle surfaces fill
     * ({@code StepSizeControl.towardsFilling}); null where the electrode has no particles (default).
     */
    default double[] particleFilling() { return null; }

    /** Accepts the last trial. */
    void commit(PhysicsEvents events);

    /** An electrical step starts: its current or voltage is set anew (a multistep time integration restarts). */
    default void startStep() {}

    /** Lithium held by this electrode in the committed state [mol/m2]. */
    LithiumInventory inventory();

    /**
     * Short-circuit check of the committed state: a positive number is the ratio by which the stress of Li
     * pushing into the SE exceeds what the SE bears (>1 = short). Default: no Li at the SE, 0.
     */
    default double penetrationRatio() { return 0; }

    /**
     * Plating current density [A/m2 of geometric area] into the Li features whose stress gives
     * {@link #penetrationRatio()}: only that Li pushes a filament into the SE. NaN (default) = the electrode's
     * whole current (all Li plated here presses on the SE).
     */
    default double penetrationCurrent() { return Double.NaN; }

    /**
     * True contact fraction of this electrode's Li metal on the SE in the committed state (1: full contact, default;
     * {@link ContactArea}).
     */
    default double contactFraction() { return 1; }

    /**
     * Time [s] in which stripping this electrode's Li metal at i [A/m2, anodic positive] takes its contact with the SE
     * down to the contact model's floor ({@link ContactArea#timeToFloor}); infinite (default) where it never does.
     */
    default double timeToContactFloor(double i) { return Double.POSITIVE_INFINITY; }

    /**
     * Whether this electrode's Li metal has lost its contact with the SE: its committed contact at the contact model's
     * floor ({@link ContactArea#MIN_CONTACT}, a numerical floor: below it the model has no contact to carry a current).
     */
    default boolean contactAtFloor() { return false; }

    /** Stripping current density [A/m2] that creep towards the SE contact can just sustain (default: unbounded). */
    default double criticalStrippingCurrent() { return Double.POSITIVE_INFINITY; }
}
