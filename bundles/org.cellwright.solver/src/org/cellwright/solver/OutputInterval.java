package org.cellwright.solver;

import java.util.List;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;

/**
 * The interval between a run's recorded samples, chosen for each step from that step where the settings leave it to
 * the protocol ({@link SolverSettings#OUTPUT_INTERVAL_FROM_PROTOCOL}, the default; an {@code output-interval} the file
 * sets applies to every step): each step gets {@link #SAMPLES_PER_STEP} samples over its own nominal duration, however
 * long (a 0.05 C charge's 20 h: one every 24 min), never less than {@link #SHORTEST} apart. A constant-current step's
 * nominal duration is the shortest of the time the cell's nominal capacity takes at its current (a step until a voltage
 * at a current: the capacity at that current), its {@code for} duration and its charge cut-off's time; any other step's
 * is its {@code for} duration where that alone ends it, and a step without one takes {@link #WITHOUT_DURATION}: a hold
 * until a current, a power until a voltage, a rest until a voltage, and such a step whose {@code for} is only a cap (a
 * hold until 0.05 C for 20 h, which ends within minutes to hours, took its 20 h's 50th, one sample every 24 min, in
 * this change's first version; the cell's voltage window, which bounds a power or profile step, is no end of its own);
 * a profile step ({@code follow}, a drive cycle) at its own samples' spacing, at least {@link #SHORTEST}: a UDDS cycle
 * given every second is recorded every second (with the rule above it took 60 s, hiding the current it follows). Samples are written at the step's start plus each multiple of its interval
 * from the solver's accepted time steps ({@link DenseOutput}: within a time step from its interpolant), and at the
 * step's end, so the interval changes what is recorded, not the solution. Session 35 chose one interval for the whole
 * run, the shortest step's, at most 60 s: a 200-cycle protocol with one 10 s pulse recorded its 0.35 C steps at the
 * pulse's 1 s (every time step); since session 36 each step takes its own, without the 60 s ceiling (with it, a 0.35 C
 * step took about 170 samples and the study's 200 cycles 19.0 MB of timeseries.csv; without, 50 and 5.5 MB).
 */
public final class OutputInterval {
    private OutputInterval() {}

    /**
     * Samples a step gets over its nominal duration: a 1 C step one every 72 s, a 5 C discharge one every 14.4 s (2 % of
     * the capacity), a 0.35 C step one every 206 s.
     */
    public static final int SAMPLES_PER_STEP = 50;

    /**
     * The interval [s] of a step without a nominal duration (a hold until a current, a power until a voltage, a rest
     * until a voltage, with or without a {@code for} as a cap): the default of every run before session 35.
     */
    public static final double WITHOUT_DURATION = 60;

    /**
     * The shortest interval [s]: a pulse of 10 s gets a sample every second (10), where its 50th (0.2 s) would record
     * the solver's every time step; a step of 50 s or more gets its 50 samples.
     */
    public static final double SHORTEST = 1;

    /**
     * The rule, in words, that inputs.json records where the settings leave the interval to the protocol. Not a
     * compile-time constant ({@link #rule()}): a class compiled against it reads it here, so a stale incremental build
     * of a dependent bundle cannot keep an old rule inlined.
     */
    public static final String RULE = rule();

    private static String rule() {
        return "each step's own: its nominal duration / " + SAMPLES_PER_STEP + ", at least " + (int) SHORTEST
                + " s; a step without one " + (int) WITHOUT_DURATION + " s, as a hold, rest or power step with a cut-off besides its for;"
                + " a profile at its own samples' spacing";
    }

    /**
     * The settings with the interval every step of the protocol takes where the settings leave it to the protocol and
     * the steps all take the same (a run sampled at it for every step is the same run; inputs.json records it as
     * {@code output_interval_s}, as it did before session 36), else as they are (each step its own: inputs.json records
     * the rule, {@link #RULE}). steps: as the run takes them ({@link ProtocolMesh#steps}; null: left as they are).
     */
    static SolverSettings resolve(SolverSettings settings, CellSpec cell, List<StepSpec> steps) {
        if (settings.outputInterval() != SolverSettings.OUTPUT_INTERVAL_FROM_PROTOCOL || steps == null) return settings;
        double one = Double.NaN;
        for (StepSpec s : steps) {
            if (s instanceof StepSpec.SetTemperature || s instanceof StepSpec.SetStackPressure) continue;
            double every = forStep(s, cell);
            if (Double.isNaN(one)) one = every;
            else if (every != one) return settings;
        }
        return Double.isNaN(one) ? settings : settings.toBuilder().outputInterval(one).build();
    }

    /** The interval [s] a step of a run with these settings takes: the settings' own, or {@link #forStep}. */
    public static double of(SolverSettings settings, StepSpec step, CellSpec cell) {
        return settings.outputInterval() != SolverSettings.OUTPUT_INTERVAL_FROM_PROTOCOL ? settings.outputInterval() : forStep(step, cell);
    }

    /**
     * The interval [s] this step of a run of this cell takes where the settings leave it to the protocol. A step other
     * than a constant current with a cut-off of its own besides its {@code for} ends by that cut-off, its {@code for}
     * only a cap: no nominal duration (a constant current has its own, from its current).
     */
    public static double forStep(StepSpec step, CellSpec cell) {
        double t = Double.POSITIVE_INFINITY;
        if (step instanceof StepSpec.Follow f) return Math.max(SHORTEST, spacing(f.time()));
        if (step instanceof StepSpec.ConstantCurrent cc) t = cell == null ? t : nominalDuration(cc, cell);
        else if (!endsByItsOwnCondition(step))
            for (Cutoff c : StepSpec.cutoffsOf(step)) if (c.kind() == Cutoff.Kind.DURATION) t = shorter(t, c.value());
        return Double.isFinite(t) ? Math.max(SHORTEST, t / SAMPLES_PER_STEP) : WITHOUT_DURATION;
    }

    /**
     * The shortest time [s] between two of a profile's samples (a drive cycle recorded every second: 1): a profile step
     * is recorded at its own resolution, or the current it follows would not be seen (infinite for a single sample).
     */
    private static double spacing(double[] time) {
        double d = Double.POSITIVE_INFINITY;
        for (int k = 1; k < time.length; k++) if (time[k] > time[k - 1]) d = Math.min(d, time[k] - time[k - 1]);
        return Double.isFinite(d) ? d : WITHOUT_DURATION;
    }

    /** Whether the step has a cut-off the protocol states other than a duration (the cell's voltage window is none). */
    private static boolean endsByItsOwnCondition(StepSpec step) {
        for (Cutoff c : StepSpec.cutoffsOf(step)) if (c.kind() != Cutoff.Kind.DURATION && !c.window()) return true;
        return false;
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
