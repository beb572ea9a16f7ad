package org.cellwright.solver.physics;

/**
 * The control volumes' error of an electrode's potential, measured a posteriori from the run's own currents (numerics;
 * docs/solid-state-solver.md "Session 41"), as {@link ParticleShellError} measures its shells': beside the electrode
 * runs a shadow of it on 1 / {@link #RATIO} of its volumes (the same shells, the same materials), driven by the current
 * the electrode carried in each committed time step (charges, rests and holds included, with their lengths), so the two
 * differ by the volumes alone, and the history of the reaction's distribution through the thickness (where the particles
 * filled first) is in both. Richardson's estimate of the fine one's error, (E_coarse - E_fine) / (r^p - 1) with the
 * scheme's order p = 2 (finite volumes with two-point face flows on a uniform mesh; Richardson, Phil. Trans. R. Soc. A 210
 * (1911) 307), is the run's own figure for its potential's volume error. It is no part of the solution: the electrode
 * is not changed by it. A step the shadow cannot solve (its surfaces saturate before the electrode's: a steep end) is
 * tried in {@link #SUBSTEPS} parts; where that fails too the shadow stops and nothing more is measured (NaN).
 *
 * <p>The shadow runs lazily: the calls it is given (conditions, step starts, committed steps' lengths and currents) are
 * logged and replayed, in their order, only when its figure is asked ({@link #voltageError}), so the same calls reach it
 * as before and its figure is the same to the bit; a run that never asks (a warm discharge, whose cut-off the shells'
 * guard leaves unmeasured, {@code CellModel#meshVoltageError}) never pays for it (the 1C discharge's 35 %, session 41).
 * A long run never asked replays its log each {@link #LOG_CAP} numbers (a warm cycling run's shadow stops at its first
 * discharge's steep end, and a stopped shadow logs nothing more).
 */
final class ControlVolumeError {
    /** The electrode's volumes per shadow volume. */
    static final int RATIO = 2;
    /** The order of the volumes' error (finite volumes on a uniform mesh: second order). */
    static final double ORDER = 2;
    /** Parts a step the shadow cannot solve whole is tried in. */
    static final int SUBSTEPS = 4;
    private final ElectrodeModel shadow;
    /** The spacings' ratio: the electrode's volumes over the shadow's. */
    private final double ratio;
    /** The shadow's potential less the electrode's after the last committed step [V]; NaN: not measured. */
    private double gap = Double.NaN;
    private boolean stopped;

    /** For an electrode of {@code volumes} control volumes and its shadow on {@code shadowVolumes}. */
    ControlVolumeError(ElectrodeModel shadow, int volumes, int shadowVolumes) {
        this.shadow = shadow;
        this.ratio = (double) volumes / shadowVolumes;
    }

    void setConditions(double temperature, double stackPressure) { log(CONDITIONS, temperature, stackPressure, 0); }

    void startStep() { log(START, 0, 0, 0); }

    /**
     * Advances the shadow by dt [s] at the anodic current density [A/m2] the electrode carried in the step it committed,
     * at whose end its potential was {@code potential} [V] (logged; run when the figure is asked).
     */
    void advance(double dt, double current, double potential) { log(ADVANCE, dt, current, potential); }

    /** The calls logged, four numbers each (kind, three arguments); replayed by {@link #catchUp}. */
    private static final int CONDITIONS = 0, START = 1, ADVANCE = 2;
    /** The most numbers logged before they are replayed unasked (512 kB: a long run never asked holds no more). */
    private static final int LOG_CAP = 1 << 16;
    private double[] pending = new double[256];
    private int logged;

    private void log(int kind, double x, double y, double z) {
        if (stopped) return; // a stopped shadow measures nothing more: its calls change nothing
        if (logged + 4 > LOG_CAP) catchUp();
        if (logged + 4 > pending.length) pending = java.util.Arrays.copyOf(pending, 2 * pending.length);
        pending[logged++] = kind;
        pending[logged++] = x;
        pending[logged++] = y;
        pending[logged++] = z;
    }

    /** Gives the shadow the calls logged since the last time, in their order. */
    private void catchUp() {
        for (int i = 0; i < logged; i += 4) {
            int kind = (int) pending[i];
            if (kind == CONDITIONS) shadow.setConditions(pending[i + 1], pending[i + 2]);
            else if (kind == START) shadow.startStep();
            else step(pending[i + 1], pending[i + 2], pending[i + 3]);
        }
        logged = 0;
    }

    private void step(double dt, double current, double potential) {
        if (stopped) return;
        double e = shadow.trial(dt, current);
        if (Double.isFinite(e)) shadow.commit(PhysicsEvents.IGNORE);
        else {
            for (int k = 0; k < SUBSTEPS && !stopped; k++) {
                e = shadow.trial(dt / SUBSTEPS, current);
                if (Double.isFinite(e)) shadow.commit(PhysicsEvents.IGNORE); else stopped = true;
            }
        }
        gap = stopped ? Double.NaN : e - potential;
    }

    /** The electrode's potential's error [V] for its volumes after the last committed step (positive: it reads high); NaN: not measured. */
    double voltageError() {
        catchUp();
        return gap / (Math.pow(ratio, ORDER) - 1);
    }
}
