package org.cellwright.solver;

/**
 * One cycle. A cycle starts with the first current of the run's first current sign and ends when current of that
 * sign starts again after current of the opposite sign. Capacities in C/m2 (magnitudes): charge = positive
 * current, discharge = negative current. coulombicEfficiency ({@link #coulombicEfficiency(double, double, boolean)}):
 * what the cell gives back over what it took (a cycle opens with its storing step: CycleBook): discharge / charge for a full
 * cell (a cell with a cathode, as a cycler reports it), charge / discharge = stripped / plated for a half cell. Specific
 * discharge capacity in C/kg of cathode active material (NaN without cathode). lithiumLoss: decrease of cyclable
 * Li (mol/m2) in the cycle. steps: how each step of the cycle ended (steps before the first current belong to the
 * first cycle). discharged: a step of the cycle discharged (negative current), even one that passed no charge (its
 * cut-off at once; no full discharge though, SummaryJsonWriter.countsAsDischarge); false for a cycle of charge steps alone, e.g. a protocol's closing charge, whose discharge is none
 * rather than 0 (the run's capacity retention leaves it out, {@link org.cellwright.solver.output.SummaryJsonWriter}).
 * broughtBack: the cycle ran from where the cell's giving (a full cell's discharge, a half cell's stripping) ends to
 * where it ends again (CycleBook.bringsTheCellBack, the rule of its efficiency); false for a cycle of pulses or one
 * stopped by a duration or a capacity, whose discharge is not the cell's capacity (an HPPC's 10 s pulse as the first
 * discharge read a retention of 35 690 %, and its last pulse cycle, which reached the 1 C cut-off, 3 700 %).
 * fromAFullCharge: the cycle's discharge started from a full charge (CycleBook.fromAFullCharge: a charge step of the
 * cycle reached its own end, its voltage cut-off or a hold's current cut-off; or the run's first cycle, discharged from
 * the state the cell was given); false after a charge stopped by a duration or a capacity (a 10 s pulse), whose
 * discharge gives back what the pulse stored, not the cell's capacity: with broughtBack, a full cell's full discharge
 * (SummaryJsonWriter.countsAsDischarge; session 22), not a condition of the efficiency.
 * dischargeSteps: the protocol's steps of the cycle's discharge with the temperature and stack pressure they ran at
 * ({@link DischargeStep}, compared by value: rate or current, cut-offs, conditions), in order, for a capacity retention
 * that compares discharges of the same steps under the same conditions only (SummaryJsonWriter: a 1 C discharge over a
 * 0.1 C formation's read 62 % where the 1 C discharges had kept 80 %); empty where the runner does not tell them apart.
 * chargeSteps: the same for the cycle's steps of the other direction before its first discharge step (a full cell's
 * charge, a CC-CV's hold; none in a half cell's cycle, which plates first), so that
 * the retention's reference is a discharge after the same charge (a CC-CV cycle's discharge over a CC cycle's read
 * 105.3 %, session 22's fuzz; SummaryJsonWriter.retentionCycles, session 23).
 * noEfficiency: why the cycle has no Coulombic efficiency ({@link NoEfficiency}, decided by CycleBook alone), null where it
 * has one or where who made the record does not say; summary.json's {@code no_efficiency} is written from it (session 29;
 * before, {@code efficiency_unresolved} alone, for STORED_TOO_LITTLE, which the writer re-derived from the stored-charge
 * rule before session 28: two decisions of one thing).
 */
public record CycleSummary(int index, double chargeCapacity, double dischargeCapacity, double coulombicEfficiency,
        double dischargeSpecificCapacity, double startTime, double endTime, LithiumInventory lithiumAtEnd,
        java.util.List<StepResult> steps, boolean discharged, boolean broughtBack, boolean fromAFullCharge,
        java.util.List<DischargeStep> dischargeSteps, java.util.List<DischargeStep> chargeSteps, NoEfficiency noEfficiency) {

    /**
     * Why a cycle has no Coulombic efficiency, in the order CycleBook asks: the first that holds is the reason. Its
     * outputs: an empty cell of cycles.csv, null in summary.json with the reason beside it ({@link #key}, summary.json's
     * {@code no_efficiency}; {@code efficiency_unresolved} too for {@link #STORED_TOO_LITTLE}, as written before session
     * 29), "-" in the CLI, the report's dash and {@link #brief} words, a check's missing value that says {@link #why}.
     */
    public enum NoEfficiency {
        /** No step stored the charge a giving step gives back, or none gave it back (a plating alone, a drive cycle). */
        ONE_DIRECTION("one direction only", "it ran in one direction only (nothing stored what a step gives back, or nothing gave it back)"),
        /** The cycle did not run from where the cell's giving ends to where it ends again (pulses: CycleBook.bringsTheCellBack). */
        NOT_BROUGHT_BACK("not a full cycle", "it did not run from one end of the discharge to the next: pulses, or a cell that started charged"),
        /** Its storing steps passed no charge (their cut-off at once): the efficiency's denominator is 0. */
        STORED_NOTHING("stored nothing", "its storing steps passed no charge (their cut-off at once)"),
        /** It stored at most NumericalThresholds.EFFICIENCY_RESOLUTION_SHARE of the cell's lithium (CycleBook.resolves). */
        STORED_TOO_LITTLE("stored too little", "it stored too little to resolve one (at most " + NumericalThresholds.EFFICIENCY_RESOLUTION_SHARE
                + " of the cell's lithium)");

        private final String brief, why;

        NoEfficiency(String brief, String why) {
            this.brief = brief;
            this.why = why;
        }

        /** The reason in a few words, after a dash where a number would be (the report's key numbers: a narrow column). */
        public String brief() { return brief; }

        /** The reason in a clause, after "cycle N has no efficiency: " (a check's missing value). */
        public String why() { return why; }

        /** Its name in summary.json ({@code no_efficiency}): "one-direction", "not-brought-back", "stored-nothing", "stored-too-little". */
        public String key() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

        /** The reason of a {@link #key}; null for none or one this version does not know (written by a later one). */
        public static NoEfficiency ofKey(String key) {
            for (NoEfficiency n : values())
                if (n.key().equals(key)) return n;
            return null;
        }
    }

    /**
     * A discharge step of a cycle: the protocol's step (equal by value: rate or current, cut-offs; null for a step
     * index outside the protocol) and the temperature [K] and stack pressure [Pa] it ran at, those the protocol set
     * before it or the cell's (NaN: the cell's, where the runner does not give them). Two discharges of the same step at
     * another temperature or pressure (a formation at 5 MPa, cycling at 65 MPa with the same step) are not the same
     * condition (session 21).
     */
    public record DischargeStep(org.cellwright.solver.input.StepSpec step, double temperature, double stackPressure) {}


    public CycleSummary {
        if (noEfficiency != null && !Double.isNaN(coulombicEfficiency))
            throw new IllegalArgumentException("cycle " + index + " has an efficiency (" + coulombicEfficiency + ") and a reason for none: " + noEfficiency);
        steps = steps == null ? java.util.List.of() : java.util.List.copyOf(steps);
        dischargeSteps = dischargeSteps == null ? java.util.List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(dischargeSteps));
        chargeSteps = chargeSteps == null ? java.util.List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(chargeSteps));
    }

    /** A cycle whose charge steps are not told apart (each cycle's charge the same for the retention), no reason said for no efficiency. */
    public CycleSummary(int index, double chargeCapacity, double dischargeCapacity, double coulombicEfficiency,
            double dischargeSpecificCapacity, double startTime, double endTime, LithiumInventory lithiumAtEnd,
            java.util.List<StepResult> steps, boolean discharged, boolean broughtBack, boolean fromAFullCharge,
            java.util.List<DischargeStep> dischargeSteps) {
        this(index, chargeCapacity, dischargeCapacity, coulombicEfficiency, dischargeSpecificCapacity, startTime, endTime,
                lithiumAtEnd, steps, discharged, broughtBack, fromAFullCharge, dischargeSteps, java.util.List.of(), null);
    }

    /** A cycle whose discharge steps are not told apart (each cycle's the same for the retention), its discharge from a full charge. */
    public CycleSummary(int index, double chargeCapacity, double dischargeCapacity, double coulombicEfficiency,
            double dischargeSpecificCapacity, double startTime, double endTime, LithiumInventory lithiumAtEnd,
            java.util.List<StepResult> steps, boolean discharged, boolean broughtBack) {
        this(index, chargeCapacity, dischargeCapacity, coulombicEfficiency, dischargeSpecificCapacity, startTime, endTime,
                lithiumAtEnd, steps, discharged, broughtBack, true, java.util.List.of(), java.util.List.of(), null);
    }

    /** A cycle with step records that discharged if it passed discharge, taken as bringing the cell back (without the book's step directions). */
    public CycleSummary(int index, double chargeCapacity, double dischargeCapacity, double coulombicEfficiency,
            double dischargeSpecificCapacity, double startTime, double endTime, LithiumInventory lithiumAtEnd,
            java.util.List<StepResult> steps) {
        this(index, chargeCapacity, dischargeCapacity, coulombicEfficiency, dischargeSpecificCapacity, startTime,
                endTime, lithiumAtEnd, steps, dischargeCapacity > 0, true);
    }

    /** A cycle without step records. */
    public CycleSummary(int index, double chargeCapacity, double dischargeCapacity, double coulombicEfficiency,
            double dischargeSpecificCapacity, double startTime, double endTime, LithiumInventory lithiumAtEnd) {
        this(index, chargeCapacity, dischargeCapacity, coulombicEfficiency, dischargeSpecificCapacity, startTime,
                endTime, lithiumAtEnd, java.util.List.of());
    }

    /**
     * A cycle's Coulombic efficiency from its charge and discharge capacities [C/m2, magnitudes]: for a full cell (with
     * a cathode) discharge / charge, the charge stored by the charge and given back by the discharge that follows it,
     * as cyclers report it (CycleBook opens a cycle with its charge; a protocol that discharges a charged cell first read
     * charge / discharge before session 17: 135 %, then discharge / charge of a discharge before its charge: 403 %); for a half cell charge / discharge, the Li stripped (or the host de-lithiated)
     * over the Li plated (or the host lithiated). NaN where the denominator passed no charge.
     */
    public static double coulombicEfficiency(double charge, double discharge, boolean fullCell) {
        double stored = fullCell ? charge : discharge, given = fullCell ? discharge : charge;
        return stored > 0 ? given / stored : Double.NaN;
    }

    /** The step ends as written in cycles.csv: "step:end" separated by spaces, e.g. "1:voltage-cutoff 2:duration". */
    public String stepEnds() {
        StringBuilder b = new StringBuilder();
        for (StepResult r : steps) {
            if (b.length() > 0) b.append(' ');
            b.append(r.stepIndex()).append(':').append(r.end().label());
        }
        return b.toString();
    }
}
