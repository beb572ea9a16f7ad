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

import org.cellwright.solver.CycleBook;
import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.NumericalThresholds;
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
 * first_discharge ({cycle, discharge_mAh_cm2, discharge_mAh_g} of the first full discharge, {@link #countsAsDischarge}:
 * one that passed a charge a cycler resolves, the retention's reference's rule; or {cycle: null, reason}), last_discharge
 * (the last full discharge from the first on, the same shape), short_circuit (null or {cycle, time_h, reason}), soft_short (null or {cycle, step, time_h, reason, cause}: the first
 * soft short, its step (null for one of a cycle's efficiency), its warning and its cause alone), end_time_h, capacity_retention (the discharge of the last cycle that
 * {@link #countsAsDischarge} over the first such one's of the same discharge steps at the same temperature and
 * stack pressure and, where one ran, after the same charge steps, {@link #retentionCycles}; the two cycles and those
 * conditions in capacity_retention_cycles {first, last, temperature_degC, stack_pressure_MPa, same_charge}, and an INFO
 * message where the reference's charge differs; null with fewer than 2 such cycles: a closing charge has no discharge to
 * retain), capacity_retention_reason (why none where the run has two full discharges or more, else null; an INFO
 * message too where earlier discharges of the last's steps passed too little), messages (input
 * problems, non-convergence, warnings: STEP_END, SOFT_SHORT, ACCURACY and VALIDITY events, each "TYPE: message"). Each cycle also lists its steps [{step, end, end_time_h, end_voltage_V}]
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
    /** The first full discharge (the first cycle {@link #countsAsDischarge}), null before it. */
    private CycleSummary first;
    /**
     * The most a full discharge before the first passed where it passed some charge, but less than a cycler resolves
     * ({@link #passedCharge}), 0 where none did: the reason a run whose full discharges all passed so little has no first
     * discharge.
     */
    private double passedTooLittle;
    /** Whether a cycle discharged at all (for the reason a run has no first full discharge). */
    private boolean anyDischarge;
    /**
     * The first cycle whose discharge ran from a full charge to its end but passed no charge (crossed its cut-off at
     * once, or a power limit), 0 before one: the reason a run whose only full discharge is such a one has no first
     * discharge (it read "no discharge ... brought the cell back ... (pulses, or steps stopped by a duration or a
     * capacity)" for a 3 C discharge at 0 degC crossed at once, session 30).
     */
    private int passedNothing;
    /** Whether the run is of a full cell (its capacity retention counts discharges taken to their end only). */
    private boolean fullCell;
    /** The run's full discharges ({@link #isFullDischarge}, whatever they passed), for the retention and the last discharge. */
    private final java.util.List<CycleSummary> full = new java.util.ArrayList<>();

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

    /** How the run's steps are named to a user (the run's {@link RunInfo#steps}). */
    private org.cellwright.solver.input.StepNumbers stepNumbers = org.cellwright.solver.input.StepNumbers.of(null);

    @Override
    public void start(RunInfo info) {
        stepNumbers = info.steps();
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
        // why none, as the cycle's record says it (CycleBook decides; session 28 wrote "stored too little" alone, and the
        // report and the checks guessed the others from the capacities); efficiency_unresolved kept for that version's readers
        if (c.noEfficiency() != null) o.addProperty(NO_EFFICIENCY, c.noEfficiency().key());
        if (c.noEfficiency() == CycleSummary.NoEfficiency.STORED_TOO_LITTLE) o.addProperty(EFFICIENCY_UNRESOLVED, true);
        add(o, DISCHARGE_MAH_G, mAhPerG(c.dischargeSpecificCapacity()));
        o.addProperty(DEAD_LI_MAH_CM2, lithiumMAhPerCm2(c.lithiumAtEnd().dead()));
        o.addProperty(INTERPHASE_LI_MAH_CM2, lithiumMAhPerCm2(c.lithiumAtEnd().interphase()));
        // what the charge a cycler resolves is a share of (CycleBook.resolves), for the readers of the folder (session 40:
        // 'relative to cycle M' took any discharge above 0 as its reference, the run's own retention not)
        o.addProperty(LITHIUM_MAH_CM2, lithiumMAhPerCm2(Math.abs(c.lithiumAtEnd().total())));
        JsonArray steps = new JsonArray();
        for (org.cellwright.solver.StepResult r : c.steps()) {
            JsonObject st = new JsonObject();
            st.addProperty(STEP_INDEX, r.stepIndex());
            st.addProperty(STEP_NUMBER, stepNumbers.number(r.stepIndex()));
            st.addProperty(STEP_END, r.end().label());
            st.addProperty(STEP_END_TIME_H, hours(r.endTime()));
            add(st, STEP_END_VOLTAGE_V, r.endVoltage());
            steps.add(st);
        }
        o.add(STEPS, steps);
        cycles.add(o);
        anyDischarge |= c.discharged();
        // a cycle without a discharge step (a protocol's closing charge) has no discharge to retain: the retention of a
        // run ending so read 0 %; nor has a full cell's cycle that did not bring the cell back (pulses, a duration): an
        // HPPC's first 10 s pulse against its last discharge to the cut-off read 35 690 %
        if (isFullDischarge(c, fullCell)) {
            full.add(c);
            if (first == null && passedCharge(c)) first = c;
            else if (first == null && c.dischargeCapacity() > 0) passedTooLittle = Math.max(passedTooLittle, c.dischargeCapacity());
            else if (first == null && passedNothing == 0) passedNothing = c.index();
        }
        endTime = Math.max(endTime, c.endTime());
    }

    /**
     * Why a cycle of summary.json (an element of {@link SummaryKeys#CYCLES}) has no Coulombic efficiency, as
     * {@link #cycle} wrote it ({@link SummaryKeys#NO_EFFICIENCY}): the one reader of it, for the report, the checks and
     * the command line. A run folder written in session 28 says {@link SummaryKeys#EFFICIENCY_UNRESOLVED} alone: stored
     * too little. Null where the cycle has an efficiency, and where its folder does not say why (written before): its
     * readers then read it as they did.
     */
    public static CycleSummary.NoEfficiency noEfficiency(JsonObject cycle) {
        if (cycle == null || cycle.get(COULOMBIC_EFFICIENCY) instanceof com.google.gson.JsonPrimitive p && p.isNumber()) return null;
        if (cycle.get(NO_EFFICIENCY) instanceof com.google.gson.JsonPrimitive p && p.isString()) {
            CycleSummary.NoEfficiency n = CycleSummary.NoEfficiency.ofKey(p.getAsString());
            if (n != null) return n;
        }
        return cycle.get(EFFICIENCY_UNRESOLVED) instanceof com.google.gson.JsonPrimitive p && p.isBoolean() && p.getAsBoolean()
                ? CycleSummary.NoEfficiency.STORED_TOO_LITTLE : null;
    }

    /**
     * Whether a cycle's discharge is one of the run's full discharges: the first of them is the run's "first discharge"
     * (summary.json's {@link SummaryKeys#FIRST_DISCHARGE}: the printed summary, the report's key numbers, sweep and run
     * tables, {@code expect capacity-retention}'s default reference) and it and the last are the capacity retention's.
     * A cycle that discharged, and for a full cell one that brought the cell back ({@link CycleSummary#broughtBack}, the
     * efficiencies' rule): an HPPC's first cycle (a full charge and a 10 s pulse) read "first discharge 0.58 mAh/g". A
     * half cell's discharge is its plating (a set capacity): every cycle that plated counts, as before. A discharge that
     * passed no charge (its cut-off or a power limit at once) is not the run's first discharge: a 10 s charge at 40
     * mW/cm2 then a discharge at 60 mW/cm2 beyond the cell's power, after the last full discharge, printed "first
     * discharge (cycle 7): 0.0 mAh/g" (session 21's fuzz); after the first, such a discharge is kept as the last
     * ({@link #isFullDischarge}: a cell that gives nothing any more retains 0 %, not the last figure it gave). A full
     * cell's discharge counts only from a full charge ({@link CycleSummary#fromAFullCharge}): after a charge stopped by
     * a duration or a capacity (a 10 s charge pulse) the discharge gives back what the pulse stored, brought back or
     * not (session 22). Since session 39 the charge passed is the retention's reference's rule ({@link #passedCharge}:
     * more than a cycler resolves), one predicate for the first discharge, the retention and
     * {@code expect capacity-retention}'s default reference: the first discharge was any above 0, so a run whose
     * discharges passed 1.2e-10 mAh/cm2 had that as its first discharge but no retention over it.
     */
    public static boolean countsAsDischarge(CycleSummary c, boolean fullCell) {
        return isFullDischarge(c, fullCell) && passedCharge(c);
    }

    /**
     * {@link #countsAsDischarge}'s rule without the charge passed: a cycle that discharged and, for a full cell, brought
     * the cell back from a full charge.
     */
    static boolean isFullDischarge(CycleSummary c, boolean fullCell) {
        return c.discharged() && (!fullCell || c.broughtBack() && c.fromAFullCharge());
    }

    /**
     * The cycles the run's capacity retention compares, {first, last}, or null: the last full discharge
     * ({@link #countsAsDischarge}) over the first full discharge of the same discharge steps
     * ({@link CycleSummary#dischargeSteps}: the protocol's steps, equal by value, so its rate or current and cut-offs,
     * and the temperature and stack pressure each ran at), not over a discharge at another rate: 120 cycles at 1 C and
     * 60 degC after a 0.1 C formation read 62 % over the formation's discharge, where the 1 C discharges had kept 80 %
     * (session 20); a 0.1 C discharge after a 1 C one to the cut-off gives more than the cell took back. Nor at another
     * temperature or pressure the protocol set: a formation at 5 MPa then cycling at 65 MPa with the same step
     * compared the two (session 21). Of those, the first after the same charge steps ({@link CycleSummary#chargeSteps}:
     * the same protocol), where there is one: a CC-CV cycle's discharge (its charge held 10 min at 4.3 V) over a CC
     * cycle's read 105.3 % (session 22's fuzz; session 23); where none ran the same charge, the first of the same
     * discharge steps, {@link Retention#sameCharge} false (summary.json says so and warns). With no earlier
     * discharge of the same steps under the same conditions that passed charge ({@link #passedCharge}: one that passed
     * nothing, or less than a cycler resolves, is no reference; the last may have passed nothing: 0 %) a Retention
     * without a reference that says why ({@link Retention#none}, summary.json's capacity_retention_reason), in one pass
     * over the cycles; null with fewer than two full discharges (nothing to compare).
     */
    static Retention retentionCycles(java.util.List<CycleSummary> full) {
        if (full.size() < 2) return null;
        CycleSummary last = full.get(full.size() - 1), sameDischarge = null;
        // the earlier discharges of the last's steps and conditions, for the reason where none is a reference
        java.util.List<CycleSummary> sameSteps = new java.util.ArrayList<>();
        for (CycleSummary c : full.subList(0, full.size() - 1)) {
            if (!c.dischargeSteps().equals(last.dischargeSteps())) continue;
            if (!passedCharge(c)) sameSteps.add(c);
            else if (c.chargeSteps().equals(last.chargeSteps())) return new Retention(c, last, true);
            else if (sameDischarge == null) sameDischarge = c;
        }
        if (sameDischarge != null) return new Retention(sameDischarge, last, false);
        if (sameSteps.isEmpty())
            return new Retention(null, last, false, "no earlier full discharge ran cycle " + last.index()
                    + "'s discharge steps (rate or current, cut-offs) at its temperature and stack pressure", false);
        double most = sameSteps.stream().mapToDouble(CycleSummary::dischargeCapacity).max().orElse(0);
        String which = "the earlier discharges of cycle " + last.index() + "'s steps (" + cycles(sameSteps) + ") passed ";
        return new Retention(null, last, false, which + (most > 0 ? String.format(java.util.Locale.ROOT, "%.3g", mAhPerCm2(most))
                + " mAh/cm2 at most, no charge worth a retention (below " + resolution() + ")" : "no charge"), true);
    }

    /**
     * Whether a cycle of summary.json (an element of {@link SummaryKeys#CYCLES}) discharged a charge a cycler resolves,
     * the rule a reference discharge of the run's retention and first discharge passed ({@link #passedCharge}): a
     * discharge above 0 and above {@link NumericalThresholds#EFFICIENCY_RESOLUTION_SHARE} of the cell's lithium its
     * record gives ({@link SummaryKeys#LITHIUM_MAH_CM2}, {@link CycleBook#resolves(double, double)}). False where it
     * discharged nothing; null where it discharged some but its record gives no lithium (a run folder written before
     * session 40): its reader takes any discharge above 0, as it did.
     */
    public static Boolean dischargeResolves(JsonObject cycle) {
        double discharge = cycle != null && cycle.get(DISCHARGE_MAH_CM2) instanceof com.google.gson.JsonPrimitive d && d.isNumber()
                ? d.getAsDouble() : Double.NaN;
        if (!(discharge > 0)) return false;
        if (!(cycle.get(LITHIUM_MAH_CM2) instanceof com.google.gson.JsonPrimitive li && li.isNumber())) return null;
        return CycleBook.resolves(discharge, li.getAsDouble());
    }

    /** The share of the cell's lithium a cycler resolves, in words: "1e-5 of the cell's lithium, the charge a cycler resolves, ...". */
    public static String resolution() {
        return String.format(java.util.Locale.ROOT, "%.0e", NumericalThresholds.EFFICIENCY_RESOLUTION_SHARE).replace("e-0", "e-")
                + " of the cell's lithium, the charge a cycler resolves, as for a Coulombic efficiency";
    }

    /**
     * Cycles named as a user reads them: "cycle 2", "cycles 2 and 5", "cycles 2-4, 7 and 9" (a range only where the
     * cycles are consecutive: "cycles 2-9" named cycles that were not all among them).
     */
    static String cycles(java.util.List<CycleSummary> cs) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int k = 0; k < cs.size();) {
            int from = cs.get(k).index(), to = from;
            while (++k < cs.size() && cs.get(k).index() == to + 1) to++;
            if (to > from + 1) parts.add(from + "-" + to);
            else for (int i = from; i <= to; i++) parts.add(String.valueOf(i));
        }
        String list = parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return (cs.size() == 1 ? "cycle " : "cycles ") + list;
    }

    /**
     * Whether a cycle's discharge passed a charge a retention can be taken over: more than a cycler resolves, the
     * share of the cell's lithium below which a cycle's Coulombic efficiency is none ({@link CycleBook#resolves},
     * {@link NumericalThresholds#EFFICIENCY_RESOLUTION_SHARE}). The baseline full cell (cell 7)
     * formed at 1 MPa and cycled at 5 MPa never regains its contact: its discharges at 5 MPa pass 1.2e-10 mAh/cm2 each,
     * and their retention read 0.99999999984, the ratio of two numbers that are both nothing (session 38).
     */
    static boolean passedCharge(CycleSummary c) {
        return c.dischargeCapacity() > 0 && CycleBook.resolves(c.dischargeCapacity(), c.lithiumAtEnd());
    }

    /**
     * The two cycles the capacity retention compares (the reference, first, and the last full discharge) and whether
     * the reference's charge ran the same steps as the last's (else only its discharge did); or no reference (first
     * null) and why none ({@code none}; {@code tooLittle}: earlier discharges of the last's steps ran, but none passed
     * a charge a cycler resolves).
     */
    record Retention(CycleSummary first, CycleSummary last, boolean sameCharge, String none, boolean tooLittle) {
        /** The retention of a reference. */
        Retention(CycleSummary first, CycleSummary last, boolean sameCharge) { this(first, last, sameCharge, null, false); }
    }

    /** A full discharge of the run as summary.json records it (the first, the last): its cycle and capacities, or no cycle and why. */
    private JsonObject fullDischarge(CycleSummary first) {
        JsonObject o = new JsonObject();
        if (first != null) {
            o.addProperty(FD_CYCLE, first.index());
            o.addProperty(DISCHARGE_MAH_CM2, mAhPerCm2(first.dischargeCapacity()));
            add(o, DISCHARGE_MAH_G, mAhPerG(first.dischargeSpecificCapacity()));
            return o;
        }
        o.add(FD_CYCLE, JsonNull.INSTANCE);
        o.addProperty(FD_REASON, cycles.isEmpty() ? "no cycle ran" : !anyDischarge ? "no cycle discharged"
                : passedTooLittle > 0 ? (fullCell ? "the discharges from a full charge" : "the platings") + " passed "
                        + String.format(java.util.Locale.ROOT, "%.3g", mAhPerCm2(passedTooLittle)) + " mAh/cm2 at most, too little to"
                        + " count (below " + resolution() + ")"
                : passedNothing > 0 ? (fullCell ? "the discharge from a full charge" : "the plating") + " in cycle " + passedNothing + " passed no charge: it ended at"
                        + " once, at its cut-off or a power limit (its STEP_END warning says where)"
                : "no discharge from a full charge brought the cell back to where a discharge ends (pulses, or steps stopped by a duration or a capacity)");
        return o;
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
                    if (e.stepIndex() >= 0) softShort.addProperty(SC_STEP_NAME, stepNumbers.name(e.stepIndex()));
                    softShort.addProperty(SC_TIME_H, hours(e.time()));
                    softShort.addProperty(SC_REASON, e.message());
                    if (e.cause() != null) softShort.addProperty(SC_CAUSE, e.cause());
                }
                messages.add(e.type() + ": " + e.message());
            }
            case NOT_CONVERGED, INFO, CONSERVATION_ERROR, STEP_END, ACCURACY, VALIDITY -> messages.add(e.type() + ": " + e.message());
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
        root.add(FIRST_DISCHARGE, fullDischarge(first));
        // the last from the first on: before the first, the full discharges passed too little to count
        root.add(LAST_DISCHARGE, fullDischarge(first == null ? null : full.get(full.size() - 1)));
        Retention r = retentionCycles(full), pair = r == null || r.first() == null ? null : r;
        add(root, CAPACITY_RETENTION, pair == null ? Double.NaN : pair.last().dischargeCapacity() / pair.first().dischargeCapacity());
        root.add(CAPACITY_RETENTION_REASON, r == null || r.none() == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(r.none()));
        if (pair != null) {
            JsonObject o = new JsonObject();
            o.addProperty(RC_FIRST, pair.first().index());
            o.addProperty(RC_LAST, pair.last().index());
            // the conditions both ran at (those of the cycle's first discharge step, where a cycle sets others between
            // its discharge steps; equal in both cycles)
            CycleSummary.DischargeStep at = pair.last().dischargeSteps().isEmpty() ? null : pair.last().dischargeSteps().get(0);
            add(o, RC_TEMPERATURE_DEGC, at == null ? Double.NaN : degC(at.temperature()));
            add(o, RC_STACK_PRESSURE_MPA, at == null ? Double.NaN : mPa(at.stackPressure()));
            o.addProperty(RC_SAME_CHARGE, pair.sameCharge());
            root.add(CAPACITY_RETENTION_CYCLES, o);
            if (!pair.sameCharge()) messages.add(SimulationEvent.Type.INFO + ": " + otherCharge(pair));
        } else {
            root.add(CAPACITY_RETENTION_CYCLES, JsonNull.INSTANCE);
            // where earlier discharges of the last's steps passed too little (not where none ran them): a run that lost
            // its contact, said in the messages as well (the Results view lists them)
            if (r != null && r.tooLittle())
                messages.add(SimulationEvent.Type.INFO + ": capacity retention: none: " + r.none());
        }
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

    /**
     * The warning of a retention whose reference discharge followed another charge than the last's (no earlier cycle
     * ran the last's charge and discharge steps): the two cycles named, and why the figure may not be a fade.
     */
    static String otherCharge(Retention r) {
        return "capacity retention: cycle " + r.last().index() + "'s discharge is taken over cycle " + r.first().index()
                + "'s, the first of the same discharge steps, whose charge ran other steps (a hold, another rate or cut-off):"
                + " no earlier cycle ran the same charge and discharge, so the retention compares discharges from different charges";
    }

    /** The summary as built so far (complete after {@link #finish}). */
    public JsonObject json() { return root; }

    private static void add(JsonObject o, String k, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) o.add(k, JsonNull.INSTANCE);
        else o.addProperty(k, v);
    }
}
