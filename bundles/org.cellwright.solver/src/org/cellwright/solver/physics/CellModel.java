package org.cellwright.solver.physics;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.SolverSettings;

/**
 * The whole cell: working electrode (WE), separator, counter electrode (CE). With anodic current I of the WE,
 * V = E_WE(I) - E_CE(-I) + I R_sep, each E measured against a Li reference in the SE next to that electrode.
 */
public final class CellModel {
    private final ElectrodeModel we;
    private final ElectrodeModel ce;
    private final SeparatorModel separator;
    private final boolean fullCell;
    private final MaterialSpec electrolyte;
    private double temperature, pressure;
    private double lastCurrent, electrochemicalCurrent, lastVoltage;
    private final double[] eta = new double[OverpotentialKind.values().length];
    private final LithiumFilament filament;
    private double lastDt;
    private ElectrodeModel failed;
    private double failedCurrent;

    public CellModel(CellSpec cell, SolverSettings settings) {
        List<LayerSpec> layers = cell.layers();
        int first = -1, last = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).role() == LayerRole.SEPARATOR) {
                if (first < 0) first = i;
                last = i;
            }
        }
        if (first < 0) throw new IllegalArgumentException("cell " + cell.name() + ": no SEPARATOR layer");
        List<LayerSpec> neg = new ArrayList<>(layers.subList(0, first));
        List<LayerSpec> sep = layers.subList(first, last + 1);
        List<LayerSpec> pos = new ArrayList<>(layers.subList(last + 1, layers.size()));
        electrolyte = sep.get(0).material();
        temperature = cell.temperature();
        pressure = cell.stackPressure();
        separator = new SeparatorModel(sep, temperature);
        fullCell = cell.hasCathode();
        ElectrodeModel negative = ElectrodeFactory.negative(cell, neg, electrolyte, settings);
        java.util.Collections.reverse(pos); // positive side: listed from the separator outwards
        ElectrodeModel positive = ElectrodeFactory.positive(cell, pos, electrolyte, settings);
        if (fullCell) { we = positive; ce = negative; } else { we = negative; ce = positive; }
        double sepThickness = 0;
        for (LayerSpec l : sep) sepThickness += l.thickness();
        MaterialSpec li = ElectrodeFactory.lithiumOf(cell);
        filament = new LithiumFilament(sepThickness, li.get(org.cellwright.solver.input.MaterialProperty.MOLAR_MASS, 6.941e-3)
                / li.get(org.cellwright.solver.input.MaterialProperty.DENSITY, 534));
        setConditions(temperature, pressure);
    }

    public boolean fullCell() { return fullCell; }
    public ElectrodeModel workingElectrode() { return we; }
    public ElectrodeModel counterElectrode() { return ce; }
    public SeparatorModel separator() { return separator; }
    public MaterialSpec electrolyte() { return electrolyte; }
    public double temperature() { return temperature; }
    public double stackPressure() { return pressure; }

    public void setConditions(double temperature, double stackPressure) {
        this.temperature = temperature;
        this.pressure = stackPressure;
        separator.setTemperature(temperature);
        we.setConditions(temperature, stackPressure);
        ce.setConditions(temperature, stackPressure);
    }

    /** Open-circuit voltage of the committed state [V]. */
    public double ocv() { return we.openCircuitPotential() - ce.openCircuitPotential(); }

    /**
     * Trial step: cell voltage [V] after dt at WE current density I [A/m2] (external current); NaN if it cannot be
     * solved. With a partial Li filament in the separator, the soft short {@link LithiumFilament#leakageConductance}
     * carries i_leak = G V internally, so the electrodes see i_ec = I - G V (fixed-point iteration).
     */
    public double trial(double dt, double current) {
        lastDt = dt;
        double g = filament.leakageConductance();
        if (g <= 0) {
            electrochemicalCurrent = current;
            return trialElectrochemical(dt, current);
        }
        // r(V) = V - f(I - G V) is increasing in V (f increases with current): secant steps with bisection fallback
        double start = Double.isFinite(lastVoltage) && lastVoltage != 0 ? lastVoltage : ocv();
        double v0 = start;
        double r0 = v0 - trialElectrochemical(dt, current - g * v0);
        if (Double.isNaN(r0)) return Double.NaN;
        double v1 = v0 - r0, r1 = v1 - trialElectrochemical(dt, current - g * v1);
        for (int k = 0; k < 40 && !Double.isNaN(r1) && Math.abs(r1) > 1e-10; k++) {
            double d = r1 - r0;
            double v2 = d != 0 ? v1 - r1 * (v1 - v0) / d : v1 - r1;
            if (!Double.isFinite(v2)) break;
            v0 = v1; r0 = r1; v1 = v2;
            r1 = v1 - trialElectrochemical(dt, current - g * v1);
        }
        if (Double.isNaN(r1) || Math.abs(r1) > 1e-6) {
            // the electrodes' potential may have kinks in the current (a nucleation threshold): bisection on r(V)
            v1 = bisect(dt, current, g, start);
            if (Double.isNaN(v1)) return Double.NaN;
        }
        electrochemicalCurrent = current - g * v1;
        // the electrodes' last trial must be the accepted one
        double v = trialElectrochemical(dt, electrochemicalCurrent);
        return v;
    }

    /** Root of the increasing r(V) = V - f(I - G V) by bracketing around v and bisection; NaN if none is found. */
    private double bisect(double dt, double current, double g, double v) {
        double lo = Double.NaN, hi = Double.NaN;
        for (double w = 1e-3; w <= 10 && (Double.isNaN(lo) || Double.isNaN(hi)); w *= 2) {
            if (Double.isNaN(lo)) {
                double r = (v - w) - trialElectrochemical(dt, current - g * (v - w));
                if (r < 0) lo = v - w;
            }
            if (Double.isNaN(hi)) {
                double r = (v + w) - trialElectrochemical(dt, current - g * (v + w));
                if (r > 0) hi = v + w;
            }
        }
        if (Double.isNaN(lo) || Double.isNaN(hi)) return Double.NaN;
        for (int k = 0; k < 80 && hi - lo > 1e-9; k++) {
            double m = 0.5 * (lo + hi), r = m - trialElectrochemical(dt, current - g * m);
            if (Double.isNaN(r)) return Double.NaN;
            if (r < 0) lo = m; else hi = m;
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Why the last trial had no solution, in words: which electrode could not carry its current and, where that is
     * the cause, that it has no lithium left to give (its metal and alloyed Li used up) or that its particle
     * surfaces are saturated or emptied; null if the last trial was solved.
     */
    public String failureCause() {
        if (failed == null) return null;
        String who = describe(failed);
        boolean oxidised = failedCurrent > 0;
        if (failed instanceof CompositeCathode cc)
            return who + " cannot carry " + (oxidised ? "the delithiation" : "the lithiation") + " current: its particle surfaces are "
                    + (oxidised ? "emptied of lithium" : "saturated with lithium (solid diffusion limit)") + " at mean stoichiometry "
                    + String.format(java.util.Locale.ROOT, "%.3f", cc.stoichiometry());
        LithiumInventory li = failed.inventory();
        double strippable = li.activeMetal() + li.host();
        if (oxidised && strippable * Constants.F < Math.abs(failedCurrent) * Math.max(lastDt, 60))
            return who + " has run out of lithium: " + String.format(java.util.Locale.ROOT, "%.4g", strippable * Constants.F / 36000)
                    + " mAh/cm2 of metal and alloyed Li left, less than the current takes in a minute";
        return who + " cannot carry the " + (oxidised ? "oxidation" : "reduction") + " current";
    }

    /**
     * Whether the last trial had no solution because a composite cathode's particle surfaces are saturated or emptied
     * under the current (solid diffusion's limit, {@link #failureCause}): a transport limit, where the voltage falls or
     * rises without bound, not the solver's failure.
     */
    public boolean failedAtTransportLimit() {
        return failed instanceof CompositeCathode;
    }

    /** How messages name an electrode of this cell: "the cathode (NCM811)", "the working electrode (...)". */
    public String describe(ElectrodeModel e) {
        String role = e == we ? (fullCell ? "cathode" : "working electrode") : (fullCell ? "negative electrode" : "counter electrode");
        return "the " + role + " (" + e.name() + ")";
    }

    /** The electrode that WE current I (anodic) oxidises, from which lithium leaves: the WE for I > 0, the CE otherwise. */
    public ElectrodeModel oxidisedBy(double current) { return current > 0 ? we : ce; }

    /** Current density [A/m2] through the electrodes in the last trial (external current minus soft-short leakage). */
    public double electrochemicalCurrent() { return electrochemicalCurrent; }

    private double trialElectrochemical(double dt, double current) {
        lastCurrent = current;
        failed = null;
        double ew = we.trial(dt, current);
        if (Double.isNaN(ew)) { failed = we; failedCurrent = current; return Double.NaN; }
        double ec = ce.trial(dt, -current);
        if (Double.isNaN(ec)) { failed = ce; failedCurrent = -current; return Double.NaN; }
        return ew - ec + current * separator.areaSpecificResistance();
    }

    /**
     * A fallback of {@link #trial} for short steps (each call costs tens of trials): the voltage at which the cell
     * carries the current, as the root of {@link #currentAtVoltage}(V) - I (bracketed from the last accepted voltage
     * towards the current's direction, then bisection to 1 nV); the last trial is at that voltage. Where the particle
     * surfaces saturate the voltage falls steeply with the current and a step at a set current is ill-conditioned
     * (with a soft short too: the leakage G V then moves the electrodes' current with that voltage); at a set
     * voltage it is not. NaN without a bracket. A rest (current 0) with a soft short is such a step too: an electrode
     * stripped empty (a CNT layer with no host and no Li left) carries no current over a range of potentials, so its
     * potential is no function of the tiny leak G V it must carry (Newton at a set current failed there, the rest
     * ended NOT_CONVERGED), while the cell's current is an increasing function of its voltage; the bracket then
     * goes from the last voltage towards where the cell's current changes sign.
     */
    public double voltageAtCurrent(double dt, double current) {
        ElectrodeModel before = failed;
        double beforeCurrent = failedCurrent;
        double start = Double.isFinite(lastVoltage) && lastVoltage != 0 ? lastVoltage : ocv();
        double iStart = currentAtVoltage(dt, start, current);
        if (Double.isNaN(iStart)) { failed = before; failedCurrent = beforeCurrent; return Double.NaN; }
        if (current == 0 && iStart == 0) return start;
        // the cell's current increases with its voltage: at rest, towards higher voltage where it is negative
        double sign = current != 0 ? Math.signum(current) : iStart < 0 ? 1 : -1;
        // near: carries less than the current; far: at least the current. The last voltage is usually near; with a
        // soft short it may already carry the current (the leak G V holds the voltage), then near lies back from it
        boolean startFar = sign * (iStart - current) >= 0;
        double near = startFar ? Double.NaN : start, far = startFar ? start : Double.NaN;
        for (double w = 1e-3; w <= 2; w *= 2) {
            double v = start + (startFar ? -sign : sign) * w, i = currentAtVoltage(dt, v, current);
            if (Double.isNaN(i)) break;
            boolean carries = sign * (i - current) >= 0;
            if (startFar && !carries) { near = v; break; }
            if (!startFar && carries) { far = v; break; }
            if (startFar) far = v; else near = v;
        }
        if (Double.isNaN(far) || Double.isNaN(near)) { failed = before; failedCurrent = beforeCurrent; return Double.NaN; }
        for (int k = 0; k < 60 && Math.abs(far - near) > 1e-9; k++) {
            double mid = 0.5 * (near + far), i = currentAtVoltage(dt, mid, current);
            if (Double.isNaN(i) || sign * (i - current) >= 0) far = mid; else near = mid;
        }
        double i = currentAtVoltage(dt, far, current);
        return Double.isNaN(i) ? Double.NaN : far;
    }

    /**
     * Trial step at a set cell voltage V [V]: the current [A/m2] the cell carries at V after dt, or NaN where the
     * working electrode cannot be solved at a set potential ({@link ElectrodeModel#currentAtPotential}). Secant
     * iteration on the electrodes' current: the counter electrode and the separator at the current, the working
     * electrode at the potential they leave; the last trials of both are at that current. A soft short adds its
     * leakage G V to the external current returned.
     * Used where the voltage falls steeply at a transport limit (a voltage cut-off located there).
     * @param guess the expected current [A/m2] (its sign: the direction)
     */
    public double currentAtVoltage(double dt, double voltage, double guess) {
        lastDt = dt;
        failed = null;
        double leak = filament.leakageConductance() * voltage;
        if (!Double.isFinite(leak)) return Double.NaN;
        double i0 = guess - leak, g0 = currentResidual(dt, voltage, i0), direction = Math.signum(i0);
        if (Double.isNaN(g0)) return Double.NaN;
        double i1 = i0 - g0, g1 = currentResidual(dt, voltage, i1);
        for (int k = 0; k < 30 && !Double.isNaN(g1) && Math.abs(g1) > 1e-12 * Math.max(1e-3, Math.abs(i1)); k++) {
            double d = g1 - g0;
            double i2 = d != 0 ? i1 - g1 * (i1 - i0) / d : i1 - g1;
            // the electrodes' current keeps the external current's direction; with a soft short it need not: the
            // leak G V may carry all of it (the electrodes then carry ~0, either way, e.g. a host in its hysteresis gap)
            if (!Double.isFinite(i2) || (leak == 0 && Math.signum(i2) != direction)) return Double.NaN;
            i0 = i1; g0 = g1; i1 = i2;
            g1 = currentResidual(dt, voltage, i1);
        }
        if (Double.isNaN(g1) || Math.abs(g1) > 1e-9 * Math.max(1e-3, Math.abs(i1))) return Double.NaN;
        // the working electrode's last trial carries i1 - g1: the counter electrode's must carry the same
        double i = i1 - g1;
        double ec = ce.trial(dt, -i);
        if (Double.isNaN(ec)) return Double.NaN;
        lastCurrent = i;
        electrochemicalCurrent = i;
        return i + leak;
    }

    /** i minus the working electrode's current at the potential that V leaves at current i (NaN: no solution). */
    private double currentResidual(double dt, double voltage, double i) {
        double ec = ce.trial(dt, -i);
        if (Double.isNaN(ec)) return Double.NaN;
        double iw = we.currentAtPotential(dt, voltage + ec - i * separator.areaSpecificResistance(), i);
        return Double.isNaN(iw) ? Double.NaN : i - iw;
    }

    /** Overpotential contributions of the last trial, indexed by {@link OverpotentialKind#ordinal()}. */
    public double[] overpotentials() {
        java.util.Arrays.fill(eta, 0);
        we.addOverpotentials(eta, 1);
        ce.addOverpotentials(eta, -1);
        eta[OverpotentialKind.SEPARATOR_OHMIC.ordinal()] += lastCurrent * separator.areaSpecificResistance();
        return eta.clone();
    }

    /** Largest state change of both electrodes in the last trial (see {@link ElectrodeModel#stateChange()}). */
    public double stateChange() { return Math.max(we.stateChange(), ce.stateChange()); }

    /** The working electrode's particle filling (a full cell's cathode; see {@link ElectrodeModel#particleFilling()}), or null. */
    public double[] particleFilling() { return we.particleFilling(); }

    /**
     * The error [V] of the cell's voltage for the working electrode's mesh, estimated by the run (a full cell's
     * composite cathode: its particle shells' error measured from the run's own fluxes,
     * {@link CompositeCathode#shellVoltageError}, and its control volumes' error measured by a shadow on half the volumes,
     * {@link CompositeCathode#volumeVoltageError}, added as magnitudes), or NaN.
     */
    public double meshVoltageError() {
        if (!(we instanceof CompositeCathode cc)) return Double.NaN; // NaN: not measured
        double shells = cc.shellVoltageError();
        // the volumes' shadow runs only when asked (ControlVolumeError): not where the shells' guard leaves the cut-off unmeasured
        return Double.isNaN(shells) ? Double.NaN : Math.abs(shells) + Math.abs(cc.volumeVoltageError());
    }

    /** An electrical step starts (see {@link ElectrodeModel#startStep}). */
    public void startStep() {
        we.startStep();
        ce.startStep();
    }

    public void commit(PhysicsEvents events) {
        we.commit(events);
        ce.commit(events);
        ElectrodeModel worst = we.penetrationRatio() >= ce.penetrationRatio() ? we : ce;
        double drive = worst.penetrationCurrent();
        filament.trial(lastDt, Double.isNaN(drive) ? Math.abs(lastCurrent) : drive, penetrationRatio());
        filament.commit();
        lastVoltage = ocvOrLast();
    }

    private double ocvOrLast() {
        double v = lastCurrent == 0 ? ocv() : lastVoltage;
        return Double.isFinite(v) ? v : ocv();
    }

    /** Records the accepted cell voltage (used as the start of the soft-short iteration). */
    public void acceptVoltage(double v) { lastVoltage = v; }

    /** Fraction of the separator spanned by Li filaments (>= 1: short circuit). */
    public double filamentFraction() { return filament.fraction(); }

    public LithiumInventory inventory() { return we.inventory().plus(ce.inventory()); }

    /** Largest penetration ratio of both electrodes (>1 = Li penetrates the SE). */
    public double penetrationRatio() { return Math.max(we.penetrationRatio(), ce.penetrationRatio()); }
}
