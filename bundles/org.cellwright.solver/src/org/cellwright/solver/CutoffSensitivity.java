package org.cellwright.solver;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.cellwright.solver.input.SolverSettings;

/**
 * How far a full cell's discharge capacity can be off for its cathode mesh, estimated by the run itself (numerics; issue
 * 13, session 37, docs/solid-state-solver.md "The cold pulses", "session 37"). A discharge ended at its voltage cut-off
 * delivers its charge until the voltage reaches the cut-off, so an error dV of the voltage there moves its charge by
 * dQ = dV / |dV/dQ|, the cut-off's slope over the step's last {@link #END_WINDOW} of charge; a cycle's capacity by the
 * sum over its cut-off-ended discharges, its sensitivity S = sum 1 / |dV/dQ| [C/m2 per V]. The run knows S only once the
 * steps have run: on the cold cliff the voltage drifts slowly through a few tens of mV of headroom onto the cut-off (0.35
 * C pulses at -30 degC: the first pulse falls 2.5 mV over its last 5 % of charge, so 0.1 mV moves its charge by 0.2 %),
 * while a warm discharge falls onto it steeply (2 C pulses at 0 degC: 16 mV, 0.03 %).
 *
 * <p>The voltage error dV at each cut-off is the run's own since session 40 (docs/solid-state-solver.md "Session 40";
 * {@code CellModel#meshVoltageError}): its particle shells' error, measured from two shadow particles per control
 * volume driven by the run's own fluxes on its shells and on twice as many (Richardson, order 2,
 * {@link org.cellwright.solver.physics.ParticleShellError}), carried to the voltage through dU/dx and the kinetics at
 * each volume's current, plus its control volumes' error, measured since session 41 by a shadow of the electrode on half
 * its volumes driven by the run's currents (Richardson, order 2, {@code CompositeCathode#volumeVoltageError}; session 40
 * took the ohmic drops' local truncation, which read that share 2.5x low); the estimate is the sum over the cycle's
 * cut-off-ended discharges of
 * dV / |dV/dQ| over its capacity. Before, dV was assumed: {@link #COARSE_VOLTAGE_ERROR} (0.1 mV) below 48 shells or 40
 * volumes, {@link #FINE_VOLTAGE_ERROR} (0.02 mV) from there, the lower end of the first cut-offs' range; but that error
 * is no constant: a 0.3 C discharge after a 0.1 C charge ends 0.07 mV off at -30 degC (it delivers in 53 min) and
 * 0.25-0.28 mV off at -32 degC (in 3 min, the lithiation's boundary layer 0.06 R deep, a few of the graded shells), so
 * the three cycles at -32 degC read 2.9-3.4x low and a constant for the first cut-off after a charge that met them would
 * warn the -30 degC discharge (0.074 % off). Measured against the converged reference (200 shells x 160 volumes x 80
 * interlayer nodes, rtol 1e-8, steps <= 5 s; session 40, on the head with the landing within 1 uV), per cycle, 20 x 20
 * unless named: true error, estimate before -> after [%]:
 * <ul>
 * <li>three cycles of a 0.1 C charge and a 0.3 C discharge, -32 degC: 0.83 / 0.82 / 0.96, 0.27 / 0.27 / 0.29 -> 0.74 / 0.72 / 0.71;
 * <li>the same at -31 degC: 0.37 / 0.37 / 0.39, 0.17 / 0.16 / 0.15 -> 0.25 / 0.26 / 0.26 (1.5x low: the volumes' share,
 * 0.11-0.13 %, is read 2.5x low by the truncation, which leaves out the reaction's shift; the shells' 0.23-0.26 % read 0.20-0.22);
 * <li>the 0.3 C discharge after the charge at -30 degC: 0.074, 0.071 -> 0.052 (not warned);
 * <li>pulses after the charge: 0.3 C at -32 degC 0.77, 0.45 -> 0.91; 0.35 C at -30 degC 0.31, 0.21 -> 0.57; 0.2 C at -35
 * degC 0.25, 0.33 -> 0.27; 0.33 C at -30 degC 0.15, 0.13 -> 0.21; 0.3 C at -30 degC 0.083, 0.046 -> 0.064 (not warned);
 * 2 C at 0 degC (48 x 20) -0.019 (its time steps'), 0.007 -> 0.011 (not warned; its last pulses end where the surfaces fill, where the voltage is not linear in their error: 0.1 mV assumed there);
 * <li>48 x 40: the three cycles at -32 degC 0.18 / 0.12 / 0.22, 0.06 -> 0.13 (a re-run measures it from its two runs,
 * MeshRichardson); the 0.3 C pulses at -32 degC 0.17, 0.09 -> 0.16.
 * </ul>
 * No case reads more than 1.51x low (before 3.4x); the 0.35 C pulses at -30 degC read 1.8x high (the later pulses'
 * voltage errors, measured, partly cancel in the capacity). Session 41, the volumes' share measured (against 200 x 160 on
 * the default steps, the mesh's error alone; docs/solid-state-solver.md "Session 41"): the three cycles at -31 degC 0.36 /
 * 0.35 / 0.34 % read 0.25 / 0.26 / 0.26 -> 0.29 / 0.30 / 0.30 % (1.2x low), at -32 degC 0.86 / 0.87 / 0.90 % read 0.74 /
 * 0.69 / 0.71 -> 0.83 / 0.76 / 0.79 %, at -30 degC 0.070 / 0.061 / 0.065 % read 0.050-0.058 -> 0.066-0.077 % (not
 * warned); the pulses over-read more (0.35 C at -30 degC 0.31 % read 0.63 %). The shadows, on five of the volumes
 * ({@link org.cellwright.solver.physics.ParticleShellError#SAMPLES}), cost the 200 cycles at 60 degC 2.36-2.50 s of CPU
 * against 2.45-2.63 s without them (session 40, one round under a load of 22-25: not resolved; on every volume 3.0-3.3
 * against 2.35-2.43 s), and change nothing of the solution (every capacity the same to the bit). A
 * cathode without that measurement (none of the solver's full cells) keeps the assumed constants.
 *
 * <p>A cycle whose estimate is beyond
 * {@link AccuracyTarget#CAPACITY} gets a warning (a {@link SimulationEvent.Type#ACCURACY} event) naming the step with the
 * shallowest end, the estimate and the solver block's settings that would meet it; later cycles are counted in one
 * message at the run's end (as {@link RepeatedWarning}s are).
 *
 * <p>A charge ended at its cut-off (4.3 V) is not counted (session 38, measured on the three cycles at -31 degC;
 * re-measured in session 39 with NCM811's OCP table, on the code before the charge end control of {@code
 * StepExecution.SHALLOW_CHARGE_END}): its end's slope gives its charge's sensitivity as a discharge's does (0.10-0.11 %
 * per 0.1 mV), but the mesh's voltage error there is small (0.04 mV with 20 x 20, 0.007 mV with 48 x 40, on the
 * reference's time steps; 0.19-0.20 and 0.034-0.035 mV at the discharges' 2.8 V), and what was left at a cold charge's
 * end was its time steps' (0.37-0.42 mV, 0.39 % of its charge, on any mesh with the default steps, the reference's mesh
 * too; below 0.001 mV with steps <= 10 s), which no mesh the warning could name removes and which that control now
 * takes out (0.02-0.05 mV left on the reference's mesh). Before it the next discharge inherited about half of it
 * (charges 42 C/m2 short on the reference's mesh moved their discharges by 0.22 %; session 38 read a tenth off the
 * fitted OCP); the charge inherits the discharge before it too (it refills what that delivered), whose error that
 * discharge's estimate counts.
 */
public final class CutoffSensitivity implements StepObserver {
    /** The share of a step's charge over which its end slope is taken (the last time step alone may be a landing's sliver). */
    public static final double END_WINDOW = 0.05;

    /**
     * The voltage error [V] at a cold cut-off assumed of a mesh below {@link ParticleShells#STEEPEST} shells or
     * {@link CathodeVolumes#FINE} volumes where the run measures none (before session 40 every run's; see the class comment).
     */
    public static final double COARSE_VOLTAGE_ERROR = 1e-4;

    /**
     * The voltage error [V] at a cold cut-off assumed of 48 shells and 40 volumes or finer where the run measures none
     * (measured: 0.009-0.031 mV with 48 x 40,
     * median 0.019; session 39: 0.012-0.075 mV on the deep cold's cases, 0.075 for three cycles at -32 degC, a spread kept
     * as this assumption). A run re-run on 48 x 40 measures its error from its two runs instead (MeshRerun, MeshRichardson).
     */
    public static final double FINE_VOLTAGE_ERROR = 2e-5;

    /**
     * The finer mesh a comparison is asked of where the fine one ({@link ParticleShells#STEEPEST} shells,
     * {@link CathodeVolumes#FINE} volumes) may still miss: the narrow zone's shells and twice the fine volumes.
     */
    static final String FINER_MESH = "particle-nodes = " + ParticleShells.NARROW_ZONE + "  cathode-nodes = " + 2 * CathodeVolumes.FINE;

    private final int shells, volumes;
    /** The mesh the warning names: {@link ParticleShells#STEEPEST} shells, {@link CathodeVolumes#FINE} volumes, or the run's where it had more. */
    private final int finerShells, finerVolumes;
    /** The voltage error [V] assumed where the run measures none (a cathode without {@code CellModel#meshVoltageError}). */
    private final double voltageError;
    /** Whether a step's voltage error was measured by the run (else assumed: {@link #voltageError(int, int)}). */
    private boolean measured;
    /** The current step's accepted (charge passed [C/m2], voltage [V]). */
    private double[] q = new double[64], v = new double[64];
    private int n;
    /**
     * Per cycle: its capacity's estimated error [C/m2] (the sum over its cut-off-ended discharges of dV / |dV/dQ|), the step
     * with the shallowest end (flat index, end time, its slope and charge), its sensitivity S [C/m2 per V], and that
     * step's voltage error dV [V].
     */
    private final Map<Integer, double[]> cycles = new HashMap<>();
    private final RepeatedWarning later = new RepeatedWarning();
    private double worstLater;
    /** Per cycle: its step with the shallowest end as the messages name it (the step a measured error names, MeshRerun). */
    private final Map<Integer, String> steps = new HashMap<>();
    /** The largest estimate of any cycle, beyond the target or not (0: none taken); {@link Simulation#meshEstimate}. */
    private double worst;

    /** For a run's resolved settings (ProtocolMesh.resolve: the shells and volumes taken). */
    CutoffSensitivity(SolverSettings resolved) {
        this(resolved.particleNodes(), resolved.cathodeNodes());
    }

    /** For a mesh of so many particle shells and cathode control volumes. */
    public CutoffSensitivity(int shells, int volumes) {
        this.shells = shells;
        this.volumes = volumes;
        finerShells = Math.max(ParticleShells.STEEPEST, shells);
        finerVolumes = Math.max(CathodeVolumes.FINE, volumes);
        voltageError = voltageError(shells, volumes);
    }

    /** The voltage error [V] at a cold cut-off the mesh is taken to have ({@link #COARSE_VOLTAGE_ERROR}, {@link #FINE_VOLTAGE_ERROR}). */
    public static double voltageError(int shells, int volumes) {
        return shells >= ParticleShells.STEEPEST && volumes >= CathodeVolumes.FINE ? FINE_VOLTAGE_ERROR : COARSE_VOLTAGE_ERROR;
    }

    /** A step starts: its history is cleared. */
    @Override
    public void stepStarted() {
        n = 0;
    }

    /** A time step of a constant-current step was accepted: the charge passed in the step so far [C/m2] and the voltage [V]. */
    @Override
    public void acceptedAtSetCurrent(double charge, double voltage) {
        if (n == q.length) {
            q = Arrays.copyOf(q, 2 * n);
            v = Arrays.copyOf(v, 2 * n);
        }
        q[n] = charge;
        v[n++] = voltage;
    }

    /**
     * A constant-current discharge ended at its voltage cut-off: its end slope over the last {@link #END_WINDOW} of its
     * charge counted into its cycle's sensitivity (a charge's is not: see the class comment).
     */
    @Override
    public void stepEnded(int cycle, int step, StepEnd end, double time, double current, boolean setCurrent, double meshError) {
        if (end != StepEnd.VOLTAGE_CUTOFF || !setCurrent || !(current < 0)) return;
        double s = endSlope();
        if (!(s > 0)) return;
        double dv = Double.isFinite(meshError) ? Math.abs(meshError) : voltageError;
        if (Double.isFinite(meshError)) measured = true;
        double[] c = cycles.computeIfAbsent(cycle, k -> new double[] {0, -1, 0, Double.POSITIVE_INFINITY, 0, 0, 0});
        c[0] += dv / s;
        c[5] += 1 / s;
        if (s < c[3]) { // the shallowest end: the step whose charge 0.1 mV moves most
            c[1] = step;
            c[2] = time;
            c[3] = s;
            c[4] = q[n - 1];
            c[6] = dv;
        }
    }

    /** |dV/dQ| [V per C/m2] over the current step's last {@link #END_WINDOW} of charge (NaN: too few time steps). */
    public double endSlope() {
        if (n < 2) return Double.NaN;
        double qe = q[n - 1], ve = v[n - 1];
        int j = n - 2;
        while (j > 0 && qe - q[j] < END_WINDOW * qe) j--;
        double dq = qe - q[j];
        return dq > 0 ? Math.abs(ve - v[j]) / dq : Double.NaN;
    }

    /** The estimated relative error of a capacity Q [C/m2] of sensitivity S [C/m2 per V] on a mesh of voltage error dV [V]. */
    public static double estimate(double voltageError, double sensitivity, double capacity) {
        return voltageError * sensitivity / capacity;
    }

    /** A cycle closed: its warning where its capacity's estimate is beyond {@link AccuracyTarget#CAPACITY} (the first; later ones counted). */
    @Override
    public void cycleClosed(CycleSummary c, RunRecorder rec) {
        double[] s = cycles.remove(c.index());
        if (s == null || s[1] < 0 || !(c.dischargeCapacity() > 0)) return;
        double e = s[0] / c.dischargeCapacity();
        worst = Math.max(worst, e);
        steps.put(c.index(), rec.steps.at(c.index(), (int) s[1]));
        if (e <= AccuracyTarget.CAPACITY) return;
        if (!later.first(c.index())) {
            worstLater = Math.max(worstLater, e);
            return;
        }
        rec.sink().event(new SimulationEvent(SimulationEvent.Type.ACCURACY, s[2], (int) s[1], c.index(), e,
                "warning: " + rec.steps.at(c.index(), (int) s[1]) + ": " + text(c.dischargeCapacity(), s[5], 1e3 * END_WINDOW * s[3] * s[4], s[6], e)));
    }

    /** The run's estimate: its mesh, its largest estimate over the cycles closed, and the finer mesh suggested. */
    Simulation.MeshEstimate result() {
        return new Simulation.MeshEstimate(shells, volumes, worst, finerShells, finerVolumes, steps);
    }

    /** The message of the cycles after the first warned about, at the run's end. */
    @Override
    public void runEnded(RunRecorder rec) {
        if (later.later() == 0) return;
        rec.sink().event(new SimulationEvent(SimulationEvent.Type.ACCURACY, rec.time, rec.stepIndex, rec.cycle(), worstLater, String.format(Locale.ROOT,
                "warning: %d later cycle%s may be off for the mesh too (up to %.2f %% of the capacity), the last cycle %d", later.later(),
                later.later() == 1 ? "'s capacity" : "s' capacities", 100 * worstLater, later.lastCycle())));
    }

    /**
     * The warning's text: what the estimate is, why, and the mesh that would meet the target; sensitivity S [C/m2 per V],
     * fall: the smallest fall [mV] of a step's voltage over the last {@link #END_WINDOW} of its charge; dv that step's
     * voltage error [V]; e the estimate.
     */
    String text(double capacity, double sensitivity, double fall, double dv, double e) {
        String head = String.format(Locale.ROOT, "mesh: the cycle's discharge of %s mAh/cm2 ends on a shallow voltage (this step's"
                + " fell %s mV over the last %d %% of its charge onto its cut-off), where %s mV of voltage error moves it by %.2f %%;"
                + " with %d particle shells and %d cathode volumes the voltage there is about %s mV off%s, so the capacity may be"
                + " about %.2f %% off (target %s %%)", StepText.num(capacity / 36000), StepText.num(fall), Math.round(100 * END_WINDOW),
                StepText.num(1e3 * AccuracyTarget.SENSITIVITY_VOLTAGE_ERROR), 100 * estimate(AccuracyTarget.SENSITIVITY_VOLTAGE_ERROR, sensitivity, capacity),
                shells, volumes, StepText.num(Math.round(1e3 * dv * 100) / 100.0), measured ? " (measured by the run: " + MEASURED + ")" : " in the cold",
                100 * e, StepText.num(100 * AccuracyTarget.CAPACITY));
        if (finerShells > shells || finerVolumes > volumes) {
            double fine = e * finerShare();
            return head + String.format(Locale.ROOT, "; solver { particle-nodes = %d  cathode-nodes = %d } takes it to about %.2f %%%s",
                    finerShells, finerVolumes, 100 * fine,
                    fine > AccuracyTarget.CAPACITY ? ", still beyond the target: compare with a finer mesh (" + FINER_MESH + ")" : "");
        }
        return head + "; compare with a finer mesh (" + FINER_MESH + ")";
    }

    /**
     * Whether a run's message is this estimate's warning (its cycle's or its later cycles' count): a re-run whose error
     * the two runs measure ({@code MeshRerun}, session 40) says that figure in its place.
     */
    public static boolean isEstimateWarning(String message) {
        return message.contains(": mesh: the cycle's discharge of ") || message.contains(" may be off for the mesh too (up to ");
    }

    /** What the measured voltage error is, as the warning names it. */
    static final String MEASURED = "its particle shells against twice as many, its control volumes against half as many";

    /**
     * The share of the estimate left on the finer mesh: the errors are second order in both spacings
     * ({@link org.cellwright.solver.physics.ParticleShellError#ORDER}), so the coarser of the two refinements bounds what is left,
     * max((shells / finer)^2, (volumes / finer)^2).
     */
    double finerShare() {
        double p = org.cellwright.solver.physics.ParticleShellError.ORDER;
        return Math.max(Math.pow((double) shells / finerShells, p), Math.pow((double) volumes / finerVolumes, p));
    }
}
