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
 * while a warm discharge falls onto it steeply (2 C pulses at 0 degC: 16 mV, 0.03 %). The mesh's voltage error at a cold cut-off,
 * measured against the converged reference (the 0.3-0.35 C pulses and the 0.3 C discharge at -30 degC, the 0.2 C pulses
 * at -35 degC): 0.12-0.40 mV at the first cut-off after the charge and 0.004-0.05 mV at the later ones with the gentle
 * tier's 20 shells and 20 control volumes, 0.009-0.031 mV with 48 x 40 (0.010-0.043 mV with 80 x 40): taken as
 * {@link #COARSE_VOLTAGE_ERROR} below {@link ParticleShells#STEEPEST} shells or {@link CathodeVolumes#FINE} volumes and
 * {@link #FINE_VOLTAGE_ERROR} from there. The estimate
 * dV S / Q of those cases is within a factor 1.6 of their error (0.11 / 0.28 / 0.37 / 1.06 % against 0.145 / 0.256 /
 * 0.579 / 1.510 %) and separates those beyond {@link AccuracyTarget#CAPACITY} from the 2 C pulses at 0 degC (0.013 against 0.019 %); the
 * 0.3 C pulses at -30 degC, 0.088 % off, read 0.107 %. (Measured before NCM811's exchange current 0.249 mA/cm2; with
 * it, still within a factor 1.6: 0.126 / 0.21 / 0.33 / 0.46 % against 0.148 / 0.304 / 0.206 / 0.698 % for the 0.33 and
 * 0.35 C pulses at -30 degC, the 0.2 C pulses at -35 degC and the 0.3 C pulses at -32 degC; the 0.3 C discharge and
 * pulses at -30 degC, 0.064 and 0.080 % off, are not warned. Re-measured in session 39 with NCM811's OCP table (session
 * 38's harness lacked it and ran on the fitted expression) against 200 shells x 120 volumes, rtol 1e-8, steps <= 10 s:
 * 0.21 / 0.13 / 0.33 / 0.45 % against 0.298 / 0.148 / 0.242 / 0.676 %, three cycles of a 0.1 C charge and a 0.3 C
 * discharge at -31 degC 0.16 % against 0.37-0.38 % (2.3-2.4x low) and at -32 degC 0.27 % against 0.74-0.95 % (2.7-3.5x
 * low); not warned the 0.3 C discharge and pulses at -30 degC, 0.060 and 0.080 %, and the 2 C pulses at 0 degC, 0.021
 * %.) A cycle whose estimate is beyond
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

    /** The voltage error [V] at a cold cut-off of a mesh below {@link ParticleShells#STEEPEST} shells or {@link CathodeVolumes#FINE} volumes (measured, see the class comment). */
    public static final double COARSE_VOLTAGE_ERROR = 1e-4;

    /**
     * The voltage error [V] at a cold cut-off of 48 shells and 40 volumes or finer (measured: 0.009-0.031 mV with 48 x 40,
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
    private final double voltageError;
    /** The current step's accepted (charge passed [C/m2], voltage [V]). */
    private double[] q = new double[64], v = new double[64];
    private int n;
    /** Per cycle: its sensitivity S [C/m2 per V], and the step with the shallowest end (flat index, end time, its slope and charge). */
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
    public void stepEnded(int cycle, int step, StepEnd end, double time, double current, boolean setCurrent) {
        if (end != StepEnd.VOLTAGE_CUTOFF || !setCurrent || !(current < 0)) return;
        double s = endSlope();
        if (!(s > 0)) return;
        double[] c = cycles.computeIfAbsent(cycle, k -> new double[] {0, -1, 0, Double.POSITIVE_INFINITY, 0});
        c[0] += 1 / s;
        if (s < c[3]) { // the shallowest end: the step whose charge 0.1 mV moves most
            c[1] = step;
            c[2] = time;
            c[3] = s;
            c[4] = q[n - 1];
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
        double e = estimate(voltageError, s[0], c.dischargeCapacity());
        worst = Math.max(worst, e);
        steps.put(c.index(), rec.steps.at(c.index(), (int) s[1]));
        if (e <= AccuracyTarget.CAPACITY) return;
        if (!later.first(c.index())) {
            worstLater = Math.max(worstLater, e);
            return;
        }
        rec.sink().event(new SimulationEvent(SimulationEvent.Type.ACCURACY, s[2], (int) s[1], c.index(), e,
                "warning: " + rec.steps.at(c.index(), (int) s[1]) + ": " + text(c.dischargeCapacity(), s[0], 1e3 * END_WINDOW * s[3] * s[4])));
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
     * The warning's text: what the estimate is, why, and the mesh that would meet the target; fall: the smallest fall
     * [mV] of a step's voltage over the last {@link #END_WINDOW} of its charge.
     */
    String text(double capacity, double sensitivity, double fall) {
        double e = estimate(voltageError, sensitivity, capacity);
        String head = String.format(Locale.ROOT, "mesh: the cycle's discharge of %s mAh/cm2 ends on a shallow voltage (this step's"
                + " fell %s mV over the last %d %% of its charge onto its cut-off), where %s mV of voltage error moves it by %.2f %%;"
                + " with %d particle shells and %d cathode volumes the voltage there is about %s mV off in the cold, so the capacity may be"
                + " about %.2f %% off (target %s %%)", StepText.num(capacity / 36000), StepText.num(fall), Math.round(100 * END_WINDOW),
                StepText.num(1e3 * AccuracyTarget.SENSITIVITY_VOLTAGE_ERROR), 100 * estimate(AccuracyTarget.SENSITIVITY_VOLTAGE_ERROR, sensitivity, capacity), shells, volumes, StepText.num(1e3 * voltageError), 100 * e, StepText.num(100 * AccuracyTarget.CAPACITY));
        double fine = estimate(FINE_VOLTAGE_ERROR, sensitivity, capacity);
        if (voltageError > FINE_VOLTAGE_ERROR)
            return head + String.format(Locale.ROOT, "; solver { particle-nodes = %d  cathode-nodes = %d } takes it to about %s mV (%.2f %%)%s",
                    finerShells, finerVolumes, StepText.num(1e3 * FINE_VOLTAGE_ERROR), 100 * fine,
                    fine > AccuracyTarget.CAPACITY ? ", still beyond the target: compare with a finer mesh (" + FINER_MESH + ")" : "");
        return head + "; compare with a finer mesh (" + FINER_MESH + ")";
    }
}
