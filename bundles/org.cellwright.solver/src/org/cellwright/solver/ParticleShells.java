package org.cellwright.solver;

import java.util.List;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.CurrentMode;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.physics.CompositeCathode;

/**
 * The number of shells of each cathode particle in a run (numerics: the particle mesh, graded
 * {@code ParticleDiffusion.SURFACE_REFINEMENT}:1 with parabolic face flows), chosen before the run from its cell and
 * protocol where the settings leave it to the protocol ({@link SolverSettings#PARTICLE_NODES_FROM_PROTOCOL}, the
 * default). How steep a profile the protocol can set up in the particles is their diffusion number
 * ({@link CompositeCathode#diffusionNumber}) at the protocol's largest current and lowest temperature: up to
 * {@link #STEEP_FROM}, {@link #GENTLE} shells; up to {@link #STEEPEST_FROM}, {@link #STEEP}; above it, or where a
 * step's current cannot be bounded before the run, {@link #STEEPEST}; and {@link #STEEPEST} wherever the composite's
 * dimensionless current ({@link CompositeCathode#dimensionlessCurrent}) is above {@link CathodeVolumes#FINE_FROM}, the
 * bound where the cathode mesh refines: the reaction then gathers within about L / delta of the separator, so the
 * particles there carry several times the mean flux the diffusion number counts; {@link #NARROW_ZONE} wherever it is
 * above {@link #NARROW_ZONE_FROM}, where the zone is narrower still. Session 31 (docs/solid-state-solver.md, "The
 * particle shells chosen from the protocol"), the WorkPrecisionBenchmark's default steps against its reference,
 * charged cell 7 discharged and cell 6 pulsed and cycled from -20 to 60 degC (1 C at 25 degC is 0.37): 20 shells are
 * within 0.45 mV RMS and 0.068 % of the capacity on every case up to 0.40 (24 shells gain little there: 0.38 mV,
 * 0.054 %); from 0.74 on 20 shells miss the target and from 1.16 on 24 do (2 C at 0 degC, 4 C at 25 degC, 5 C:
 * 1.02-1.22 mV), where 32 shells meet it (0.75-0.87 mV). Session 33 (same section), with session 32's step control
 * onto the cut-off: 32 shells are within 0.089 % on every case measured up to 0.60 (-25 degC at 0.6 C, 0.595), but
 * miss 0.1 % from 0.71 on in the cold, where the cell delivers a quarter to a third of its capacity before 2.8 V
 * (-20 degC at 0.8 C 0.101 %, at 0.84 C 0.140 %; 0.62-0.66 read 0.090-0.091 %); 48 shells take those to 0.072 and
 * 0.086 % and every case measured above 0.6 to within 0.086 % and 0.65 mV (those at 25 and 60 degC, up to 1.86, gain
 * 0.02-0.04 % too), for about the same time steps. Beyond the reach of any shell count: -20 degC at 0.9 and 1 C,
 * where the cell delivers 16 and 5 % of its capacity (120 shells with the reference's steps still 0.066 and 0.100 %,
 * the cathode nodes' share). Session 33 again, with its rules for rests, filling and landing merged (they removed a
 * step error that had offset the meshes'): 32 shells miss 0.1 % from 0.575 (pulses of 0.65 C at -20 degC 0.126 %,
 * 0.6 C at -25 degC, 0.595, 0.113 %) and are within 0.084 % up to 0.53 (0.6 C pulses at -20 degC); the steepest tier
 * starts at 0.55, where 48 shells take those to 0.078 and 0.073 % and every case measured from 0.55 to 0.6 to within
 * 0.078 %. Still missed: the pulses of 0.7 C at -20 degC (0.62, 48 shells 0.143 %; the cathode's 20 control volumes
 * share it: 40 give 0.070 %). Session 34, after the cathode volumes ({@link CathodeVolumes}): two cases in the steep
 * tier whose dimensionless current is above 6.5 missed 0.1 % with 32 shells and their 40 volumes (0.45 C at -30 degC,
 * beta 0.50 and delta 8.26, 0.147 %; pulses of 0.5 C at -25 degC, 0.50 and 6.67, 0.190 %); 48 shells take them to
 * 0.074 and 0.039 % (the pulses' figure helped by the time stepping's error of the other sign: 48 shells with the
 * reference's steps 0.149 %), the other cases measured in the steep tier above 6.5 from 0.039-0.046 to 0.027-0.028 %,
 * and 0.3 C at -35 degC (beta 0.38, delta 7.68, gentle by diffusion) from 0.451 % with 20 shells to 0.114 %. Those
 * figures are of the calibrated CEI growth barrier of 50 kJ/mol; with the derived 150 kJ/mol (session 34's merge) the
 * 0.5 C pulses at -25 degC deliver sixteen times the charge and 32 shells are within 0.061 % there; the cases of the
 * steep tier above 6.5 that miss 0.1 % with 32 shells and meet it with 48 are 0.45 C at -30 degC (0.202 -> 0.085 %)
 * and the pulses of 0.55 C at -25 degC (beta 0.546, delta 7.34: 0.128 -> 0.066 %); 0.3 C at -35 degC 0.493 -> 0.122 %.
 * Session 35 (same section), with the step control's horizon onto the cut-off at 10 ({@code StepSizeControl}): the
 * discharges whose dimensionless current is above {@link #NARROW_ZONE_FROM} and that deliver a few percent of the
 * capacity still miss 0.1 % with 48 shells, the shells' error (0.3 C at -35 degC, delta 7.68, 0.121 %; 1 C at -20
 * degC, 9.82, 0.114 %; 0.7 C at -25 degC, 9.34, 0.135 %; 0.9 C at -20 degC, 8.83, 0.099 %), which
 * {@link #NARROW_ZONE} shells take to 0.070, 0.050, 0.075 and 0.066 % (the reaction within L / delta of the separator
 * carries delta times the mean flux there, however gentle the mean flux's diffusion number); every case measured from
 * 6.5 to 7.43 is within 0.064 % with 48 (0.29 C at -35 degC, 7.43, 0.055 %), every discharge above 7.5 within 0.075 %
 * with 80. Beyond any mesh: the pulses that deliver under 3 % of the capacity before 2.8 V (0.6 C at -25 degC, 0.9 C at
 * -20 degC: 0.114 and 0.457 % with 80 shells), where the reference itself moves by 0.09-0.13 % with finer steps or
 * interlayer nodes. Session 36 (docs/solid-state-solver.md, "The cold pulses"): that was the reference's charge before
 * the pulses, landed on 4.3 V within 0.1 mV; landed within its time tolerance (StepExecution) the references hold within
 * 0.015 % and the defaults are within 0.087 and 0.004 % there (the latter by cancellation with the interlayer's 10
 * nodes). Not reached by these numbers: cold runs whose first voltage lies within about 200 mV of the cut-off (the
 * pulses of 0.35 C at -30 degC, delta 6.43, 20 shells and 20 volumes 0.579 %, 48 x 40 0.012 %), a headroom set by
 * the kinetics at the step's start.
 */
public final class ParticleShells {
    private ParticleShells() {}

    /** Shells where the protocol's particle profiles are gentle. */
    public static final int GENTLE = 20;

    /** Shells where they are steep. */
    public static final int STEEP = 32;

    /** Shells where they are steeper still (or cannot be bounded before the run). */
    public static final int STEEPEST = 48;

    /** Shells where the reaction is confined nearest the separator (dimensionless current above {@link #NARROW_ZONE_FROM}). */
    public static final int NARROW_ZONE = 80;

    /** Dimensionless current above which a run takes {@link #NARROW_ZONE} shells (session 35: 48 meet 0.1 % up to 7.43, miss it from 7.68). */
    public static final double NARROW_ZONE_FROM = 7.5;

    /** Diffusion number above which a run takes {@link #STEEP} shells. */
    public static final double STEEP_FROM = 0.4;

    /** Diffusion number above which a run takes {@link #STEEPEST} shells (0.6 until session 33's pulse rules). */
    public static final double STEEPEST_FROM = 0.55;

    /** The settings with their particle shells chosen for this cell and protocol, unless they give a number. */
    static SolverSettings resolve(SolverSettings settings, CellSpec cell, List<StepSpec> steps) {
        if (settings.particleNodes() != SolverSettings.PARTICLE_NODES_FROM_PROTOCOL) return settings;
        return settings.toBuilder().particleNodes(forSteps(cell, steps)).build();
    }

    /**
     * The shells a run of this cell through this protocol takes ({@link #GENTLE} without a cathode: none are used;
     * {@link #STEEPEST} for a cathode built without its protocol, protocol null).
     */
    public static int forRun(CellSpec cell, ProtocolSpec protocol) {
        return forSteps(cell, ProtocolMesh.steps(protocol));
    }

    /** {@link #forRun} of the protocol's steps as the run takes them ({@link ProtocolMesh#steps}; null: none or refused). */
    static int forSteps(CellSpec cell, List<StepSpec> steps) {
        if (cell == null || !cell.hasCathode()) return GENTLE;
        if (steps == null) return STEEPEST; // no protocol, or one the validator refuses
        double i = largestCurrentDensity(cell, steps), t = lowestTemperature(cell, steps);
        // the reaction gathered near the separator (CathodeVolumes' bound): those particles carry several times the mean flux
        double delta = CompositeCathode.dimensionlessCurrent(cell.cathode(), i, t);
        if (delta > NARROW_ZONE_FROM) return NARROW_ZONE;
        if (delta > CathodeVolumes.FINE_FROM) return STEEPEST;
        double beta = CompositeCathode.diffusionNumber(cell.cathode(), i, t);
        return beta <= STEEP_FROM ? GENTLE : beta <= STEEPEST_FROM ? STEEP : STEEPEST; // NaN (a current without bound): STEEPEST
    }

    /** The lowest temperature [K] of the run: the cell's and every one the protocol sets. */
    static double lowestTemperature(CellSpec cell, List<StepSpec> steps) {
        double t = cell.temperature();
        for (StepSpec s : steps) if (s instanceof StepSpec.SetTemperature st) t = Math.min(t, st.temperature());
        return t;
    }

    /**
     * The largest current density [A/m2] the protocol's steps can carry, NaN where one cannot be bounded before the
     * run: a current step's (a profile's largest sample); a power step's at its lowest voltage, its voltage cut-off
     * below (none: unbounded); a hold's that of the current step before it where that step ends at the hold's
     * voltage (a constant-current, constant-voltage charge or discharge: the hold starts at that current and its
     * current falls), otherwise unbounded.
     */
    static double largestCurrentDensity(CellSpec cell, List<StepSpec> steps) {
        double perC = Simulation.nominalCapacity(cell) / cell.area() / 3600.0, largest = 0;
        for (int k = 0; k < steps.size(); k++) {
            double i = switch (steps.get(k)) {
                case StepSpec.ConstantCurrent cc -> density(cc.mode(), cc.value(), cell, perC);
                case StepSpec.ConstantPower cp -> Math.abs(cp.powerDensity()) / lowestVoltage(cp.cutoffs());
                case StepSpec.Follow f -> {
                    double peak = 0;
                    for (double v : f.value()) peak = Math.max(peak, Math.abs(v));
                    yield f.power() ? peak / lowestVoltage(f.cutoffs()) : density(f.mode(), peak, cell, perC);
                }
                case StepSpec.ConstantVoltage cv -> k > 0 && steps.get(k - 1) instanceof StepSpec.ConstantCurrent before
                        && endsAt(before.cutoffs(), cv.voltage()) ? density(before.mode(), before.value(), cell, perC) : Double.NaN;
                default -> 0;
            };
            if (!(i >= 0)) return Double.NaN;
            largest = Math.max(largest, i);
        }
        return largest;
    }

    /** The size of a step's current [A/m2] given in its mode; perC: the current density of 1 C [A/m2] (OutputInterval too). */
    static double density(CurrentMode mode, double value, CellSpec cell, double perC) {
        return Math.abs(switch (mode) {
            case DENSITY -> value;
            case CURRENT -> value / cell.area();
            case C_RATE -> value * perC;
        });
    }

    /** The step's voltage cut-off below [V], NaN without one. */
    private static double lowestVoltage(List<Cutoff> cutoffs) {
        for (Cutoff c : cutoffs) if (c.kind() == Cutoff.Kind.VOLTAGE_BELOW && c.value() > 0) return c.value();
        return Double.NaN;
    }

    /** Whether one of these cut-offs is a voltage cut-off at v (within 1 mV). */
    private static boolean endsAt(List<Cutoff> cutoffs, double v) {
        for (Cutoff c : cutoffs)
            if ((c.kind() == Cutoff.Kind.VOLTAGE_ABOVE || c.kind() == Cutoff.Kind.VOLTAGE_BELOW) && Math.abs(c.value() - v) <= 1e-3)
                return true;
        return false;
    }
}
