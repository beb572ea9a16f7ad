package org.cellwright.solver.output;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.Sample;
import org.cellwright.solver.physics.MiecInterlayerElectrode;

/**
 * The nucleation dips of the first plating read off the voltage trace the way an experimentalist does: a dip is a
 * local minimum of the voltage from which the voltage recovers again; its depth is the plateau after it (the highest
 * voltage before the trace falls below the minimum again, or the step ends) minus the minimum, in volts, positive.
 * Only dips deeper than {@link #MIN_DEPTH} count (a potentiostat does not resolve less). Fed the samples of a run in
 * order; it keeps the step in which Li is first plated and the sample before it: a negative current in a cell without
 * cathode (the working electrode is plated), a positive one with a cathode (charge: the counter electrode is
 * plated, so its nucleation shows as a peak of the cell voltage, read here as a dip of -V). A dip counts only where Li
 * nucleates: the plated Li metal (in the interlayer's pores, at the collector side, at the SE side) grows from the
 * dip's minimum to its plateau by more than an empty site holds ({@link MiecInterlayerElectrode#EMPTY}). Else the
 * voltage recovered for another reason: a lithiated interlayer host that takes a small current on its lithiation
 * branch while its interphase takes more of its lithium rises with its equilibrium curve (at 1 uA/cm2 on the
 * Li3.75Si-CNT half cell by 38 mV in an hour), no Li plated.
 * <p>
 * Fed the solver's accepted time steps ({@link org.cellwright.solver.ResultSink#timeStep}, every one, and the step's
 * end it lands on) as well as the samples, it reads the dips at the steps: a state at a time not after the last one
 * fed is the same state again (a sample follows the time step it records) and is skipped. The depth is then a
 * property of the model, not of the output interval: read off 60 s samples, the first plating on bare steel at
 * 0.3 mA/cm2 showed 3.7 mV of a dip whose minimum lies within the first minute (14.2 mV at 5 s, 15.3 mV at 1 s).
 */
public final class NucleationDips {
    /** Shallowest dip that counts [V]. */
    public static final double MIN_DEPTH = 0.1e-3;

    /** One dip: the capacity plated in the step at its minimum [C/m2] and its depth [V]. */
    public record Dip(double capacity, double depth) {}

    private final List<double[]> trace = new ArrayList<>();
    private double[] before;
    private int step = -1;
    private boolean done;
    private boolean cathode;
    /** Time [s] of the last state fed. */
    private double last = Double.NEGATIVE_INFINITY;

    /** @param fullCell true when the cell has a cathode (Li is plated while the current is positive) */
    public NucleationDips(boolean fullCell) { this.cathode = fullCell; }

    /** Whether the cell has a cathode; set before the first sample. */
    public void fullCell(boolean fullCell) { this.cathode = fullCell; }

    /** A recorded sample, or the state after an accepted time step; a state not later than the last one fed is skipped. */
    public void sample(Sample s) {
        if (done || !(s.time() > last)) return;
        last = s.time();
        boolean plating = cathode ? s.current() > 0 : s.current() < 0;
        if (step < 0) {
            if (plating) {
                step = s.stepIndex();
                if (before != null) trace.add(before);
            } else {
                before = new double[] {0, cathode ? -s.voltage() : s.voltage(), plated(s)};
                return;
            }
        }
        if (s.stepIndex() != step || !plating) {
            done = true;
            return;
        }
        trace.add(new double[] {Math.abs(s.stepCapacity()), cathode ? -s.voltage() : s.voltage(), plated(s)});
    }

    /** Li metal plated in the cell [mol/m2] besides foils (NaN without an inventory: every dip then counts). */
    private static double plated(Sample s) {
        LithiumInventory li = s.lithium();
        return li == null ? Double.NaN : li.interlayerPores() + li.currentCollectorSide() + li.seSide();
    }

    /** The dips of the first plating, in order (empty when nothing was plated or no dip is resolved). */
    public List<Dip> dips() {
        List<Dip> out = new ArrayList<>();
        int m = trace.size();
        for (int i = 1; i < m - 1; i++) {
            double v = trace.get(i)[1];
            if (!(v < trace.get(i - 1)[1]) || v > trace.get(i + 1)[1]) continue;
            double plateau = v;
            int top = i;
            for (int j = i + 1; j < m && trace.get(j)[1] >= v; j++) {
                if (trace.get(j)[1] > plateau) top = j;
                plateau = Math.max(plateau, trace.get(j)[1]);
            }
            boolean nucleated = !(trace.get(top)[2] - trace.get(i)[2] <= MiecInterlayerElectrode.EMPTY); // NaN: counts
            if (plateau - v >= MIN_DEPTH && nucleated) out.add(new Dip(trace.get(i)[0], plateau - v));
        }
        return out;
    }
}
