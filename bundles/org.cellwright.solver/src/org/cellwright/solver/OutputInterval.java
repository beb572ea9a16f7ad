package org.cellwright.solver;

import java.util.List;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;

/**
 * The interval between a run's recorded samples, chosen before the run from its protocol where the settings leave it
 * to the protocol ({@link SolverSettings#OUTPUT_INTERVAL_FROM_PROTOCOL}, the default; an {@code output-interval} the
 * file sets is kept): every constant-current step (a current, a current density or a C-rate) gets at least
 * {@link #SAMPLES_PER_STEP} samples over its nominal duration, the shortest of the time the cell's nominal capacity
 * takes at its current, its {@code for} duration and its charge cut-off's time; never more than {@link #LONGEST}
 * apart, the interval every run took before session 35, nor less than {@link #SHORTEST}. Samples are taken at the
 * solver's accepted steps (StepExecution), so the interval changes what is recorded, not the solution. Session 35: with
 * 60 s a 5 C discharge of cell 6 to 2.8 V held 4-7 samples and a reading at half of it was 7 mV off the converged one
 * (docs/solid-state-solver.md); the 0.35 C cycling of the study and every step up to 1.2 C keep 60 s.
 */
public final class OutputInterval {
    private OutputInterval() {}

    /**
     * Samples a constant-current step gets at least over its nominal duration: 60 s already gives a 1 C step 60, and
     * every step up to 1.2 C 50 or more, so the protocols of up to 1.2 C keep the interval they had, and a faster step
     * gets what a 1.2 C step got (a 5 C discharge's sample every 14.4 s, 2 % of the capacity).
     */
    public static final int SAMPLES_PER_STEP = 50;

    /** The longest interval [s]: the default of every run before session 35, which slow protocols keep. */
    public static final double LONGEST = 60;

    /**
     * The shortest interval [s]. The interval is one for the whole run, so a protocol with one short step (a pulse of
     * 10 s) samples its rests and long steps at it too: 1 s bounds a run's samples to one per simulated second (3,600
     * an hour) wherever the solver steps finer, where a 10 s pulse's 50th (0.2 s) would record its every step; a step
     * of 50 s or more still gets its 50 samples.
     */
    public static final double SHORTEST = 1;

    /** The settings with their output interval chosen for this cell and protocol, unless they give one. */
    public static SolverSettings resolve(SolverSettings settings, CellSpec cell, ProtocolSpec protocol) {
        return resolve(settings, cell, ProtocolMesh.steps(protocol));
    }

    static SolverSettings resolve(SolverSettings settings, CellSpec cell, List<StepSpec> steps) {
        if (settings.outputInterval() != SolverSettings.OUTPUT_INTERVAL_FROM_PROTOCOL) return settings;
        return settings.toBuilder().outputInterval(forSteps(cell, steps)).build();
    }

    /** The interval [s] a run of this cell through this protocol takes ({@link #LONGEST} without a protocol). */
    public static double forRun(CellSpec cell, ProtocolSpec protocol) {
        return forSteps(cell, ProtocolMesh.steps(protocol));
    }

    /** {@link #forRun} of the protocol's steps as the run takes them ({@link ProtocolMesh#steps}; null: none or refused). */
    static double forSteps(CellSpec cell, List<StepSpec> steps) {
        if (cell == null || steps == null) return LONGEST;
        double shortest = Double.POSITIVE_INFINITY;
        for (StepSpec s : steps)
            if (s instanceof StepSpec.ConstantCurrent cc) shortest = Math.min(shortest, nominalDuration(cc, cell));
        return Math.max(SHORTEST, Math.min(LONGEST, shortest / SAMPLES_PER_STEP));
    }

    /**
     * A constant-current step's nominal duration [s]: the time the cell's nominal capacity takes at its current (none
     * for a current without a nominal capacity, or none), its duration cut-off's and its charge cut-off's, the shortest.
     */
    public static double nominalDuration(StepSpec.ConstantCurrent cc, CellSpec cell) {
        double perArea = Simulation.nominalCapacity(cell) / cell.area(); // [C/m2]
        double i = ParticleShells.density(cc.mode(), cc.value(), cell, perArea / 3600); // [A/m2]
        double t = shorter(Double.POSITIVE_INFINITY, cc.mode() == CurrentMode.C_RATE ? 3600 / Math.abs(cc.value()) : perArea / i);
        for (Cutoff c : cc.cutoffs()) {
            if (c.kind() == Cutoff.Kind.DURATION) t = shorter(t, c.value());
            else if (c.kind() == Cutoff.Kind.CAPACITY) t = shorter(t, c.value() / i);
        }
        return t;
    }

    /** The shorter of t and a duration that is one (positive; NaN, where a nominal capacity is missing, is none). */
    private static double shorter(double t, double duration) {
        return duration > 0 ? Math.min(t, duration) : t;
    }
}
