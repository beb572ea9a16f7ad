package org.cellwright.solver.output;

import static org.cellwright.solver.output.ReportUnits.*;
import static org.cellwright.solver.output.SummaryKeys.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunInfo;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.SimulationEvent;

/**
 * Writes {@code summary.json} on {@link #finish}: cell, status, cycles [{index, charge_mAh_cm2, discharge_mAh_cm2,
 * coulombic_efficiency, discharge_mAh_g}], nucleation_overpotential_mV (depth of the first dip of the first plating's
 * voltage trace at the solver's time steps, {@link NucleationDips}; null if none, and where the model has no nucleation: the DFN), nucleation_dips [{capacity_mAh_cm2, depth_mV}] (every dip of
 * the first plating, at the capacity plated in that step),
 * short_circuit (null or {cycle, time_h, reason}), soft_short (null or {cycle, step, time_h, reason, cause}: the first
 * soft short, its step (null for one of a cycle's efficiency), its warning and its cause alone), end_time_h, capacity_retention (the discharge of the last cycle with a
 * discharge step over the first one's; null with fewer than 2 such cycles: a closing charge has no discharge to
 * retain), messages (input
 * problems, non-convergence, warnings). Each cycle also lists its steps [{step, end, end_time_h, end_voltage_V}]
 * with end as {@link org.cellwright.solver.StepEnd#label()}.
 */
public final class SummaryJsonWriter implements ResultSink {
    private final Path file;
    private final JsonObject root = new JsonObject();
    private final JsonArray cycles = new JsonArray();
    private final JsonArray messages = new JsonArray();
    private final NucleationDips dips = new NucleationDips(false);
    /** Whether the run's model plates lithium through nucleation (else no dip is read: a DFN voltage's dips are none). */
    private boolean nucleates = true;
    private JsonObject shortCircuit, softShort;
    private double endTime;
    private double firstDischarge = Double.NaN, lastDischarge = Double.NaN;
    /** Whether the run is of a full cell (its capacity retention counts discharges taken to their end only). */
    private boolean fullCell;
    private int dischargedCycles;

    /** Builds the summary without writing it ({@link #json()} after {@link #finish}): the run store writes it, once, complete. */
    public SummaryJsonWriter() {
        this(null);
    }

    /**
     * @param path the file to write if its name ends with ".json", otherwise a directory (created if needed) in which
     *            {@code summary.json} is written
     */
    public SummaryJsonWriter(Path path) {
        if (path == null) { // see SummaryJsonWriter()
            this.file = null;
            return;
        }
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        this.file = n.endsWith(".json") ? path : path.resolve(FILE_NAME);
    }

    @Override
    public void start(RunInfo info) {
        dips.fullCell(info.fullCell());
        fullCell = info.fullCell();
        nucleates = info.nucleates();
        root.addProperty(CELL, info.cellName());
        root.addProperty(AREA_CM2, info.area() * 1e4);
        if (!Double.isNaN(info.cathodeActiveLoading())) root.addProperty(CATHODE_ACTIVE_MG_CM2, info.cathodeActiveLoading() * 100);
        if (!Double.isNaN(info.nominalCapacity())) root.addProperty(NOMINAL_CAPACITY_MAH_CM2, mAhPerCm2(info.nominalCapacity() / info.area()));
    }

    @Override
    public void sample(Sample s) {
        endTime = s.time();
        if (nucleates) dips.sample(s); // a model without nucleation keeps no trace to read dips from
    }

    /** The dips are read at the solver's time steps (a sample at the same time is then skipped), see {@link NucleationDips}. */
    @Override
    public void timeStep(Sample s) {
        if (nucleates) dips.sample(s);
    }

    @Override
    public void cycle(CycleSummary c) {
        JsonObject o = new JsonObject();
        o.addProperty(CYCLE_INDEX, c.index());
        o.addProperty(CHARGE_MAH_CM2, mAhPerCm2(c.chargeCapacity()));
        o.addProperty(DISCHARGE_MAH_CM2, mAhPerCm2(c.dischargeCapacity()));
        add(o, COULOMBIC_EFFICIENCY, c.coulombicEfficiency());
        add(o, DISCHARGE_MAH_G, mAhPerG(c.dischargeSpecificCapacity()));
        o.addProperty(DEAD_LI_MAH_CM2, lithiumMAhPerCm2(c.lithiumAtEnd().dead()));
        o.addProperty(INTERPHASE_LI_MAH_CM2, lithiumMAhPerCm2(c.lithiumAtEnd().interphase()));
        JsonArray steps = new JsonArray();
        for (org.cellwright.solver.StepResult r : c.steps()) {
            JsonObject st = new JsonObject();
            st.addProperty(STEP_INDEX, r.stepIndex());
            st.addProperty(STEP_END, r.end().label());
            st.addProperty(STEP_END_TIME_H, hours(r.endTime()));
            add(st, STEP_END_VOLTAGE_V, r.endVoltage());
            steps.add(st);
        }
        o.add(STEPS, steps);
        cycles.add(o);
        if (c.discharged() && (!fullCell || c.broughtBack())) {
            // a cycle without a discharge step (a protocol's closing charge) has no discharge to retain: the retention
            // of a run ending so read 0 %; nor has a full cell's cycle that did not bring the cell back (pulses, a
            // duration): an HPPC's first 10 s pulse against its last discharge to the cut-off read 35 690 %
            if (Double.isNaN(firstDischarge)) firstDischarge = c.dischargeCapacity();
            lastDischarge = c.dischargeCapacity();
            dischargedCycles++;
        }
        endTime = Math.max(endTime, c.endTime());
    }

    @Override
    public void event(SimulationEvent e) {
        switch (e.type()) {
            case SHORT_CIRCUIT -> {
                if (shortCircuit == null) {
                    shortCircuit = new JsonObject();
                    shortCircuit.addProperty(SC_CYCLE, e.cycleIndex());
                    shortCircuit.addProperty(SC_TIME_H, hours(e.time()));
                    shortCircuit.addProperty(SC_REASON, e.message());
                }
            }
            case SOFT_SHORT -> {
                if (softShort == null) {
                    softShort = new JsonObject();
                    softShort.addProperty(SC_CYCLE, e.cycleIndex());
                    softShort.addProperty(SC_STEP, e.stepIndex() >= 0 ? e.stepIndex() : null);
                    softShort.addProperty(SC_TIME_H, hours(e.time()));
                    softShort.addProperty(SC_REASON, e.message());
                    if (e.cause() != null) softShort.addProperty(SC_CAUSE, e.cause());
                }
                messages.add(e.type() + ": " + e.message());
            }
            case NOT_CONVERGED, INFO, CONSERVATION_ERROR, STEP_END -> messages.add(e.type() + ": " + e.message());
            default -> {}
        }
    }

    @Override
    public void finish(RunStatus status) {
        root.addProperty(STATUS, status.name());
        root.add(CYCLES, cycles);
        java.util.List<NucleationDips.Dip> found = dips.dips();
        add(root, NUCLEATION_OVERPOTENTIAL_MV, found.isEmpty() ? Double.NaN : mV(found.get(0).depth()));
        JsonArray dipArray = new JsonArray();
        for (NucleationDips.Dip d : found) {
            JsonObject o = new JsonObject();
            o.addProperty(DIP_CAPACITY_MAH_CM2, mAhPerCm2(d.capacity()));
            o.addProperty(DIP_DEPTH_MV, mV(d.depth()));
            dipArray.add(o);
        }
        root.add(NUCLEATION_DIPS, dipArray);
        root.add(SHORT_CIRCUIT, shortCircuit == null ? JsonNull.INSTANCE : shortCircuit);
        root.add(SOFT_SHORT, softShort == null ? JsonNull.INSTANCE : softShort);
        root.addProperty(END_TIME_H, hours(endTime));
        add(root, CAPACITY_RETENTION, dischargedCycles >= 2 && firstDischarge > 0 ? lastDischarge / firstDischarge : Double.NaN);
        root.add(MESSAGES, messages);
        if (file == null) return;
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues().create();
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                gson.toJson(root, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary as built so far (complete after {@link #finish}). */
    public JsonObject json() { return root; }

    private static void add(JsonObject o, String k, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) o.add(k, JsonNull.INSTANCE);
        else o.addProperty(k, v);
    }
}
