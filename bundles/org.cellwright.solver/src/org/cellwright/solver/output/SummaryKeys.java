package org.cellwright.solver.output;

/**
 * The members of a run's {@code summary.json}, in one place: written by {@link SummaryJsonWriter} (the solver's part)
 * and by org.cellwright.run (the run's metadata and the mechanism-map conditions), read by org.cellwright.run's
 * {@code Summary} and {@code RunFolder} (report, command line, IDE) and by the expectations' metrics.
 */
public final class SummaryKeys {
    private SummaryKeys() {}

    /** Name of the file in a run folder. */
    public static final String FILE_NAME = "summary.json";

    // the solver's part
    public static final String CELL = "cell", AREA_CM2 = "area_cm2", CATHODE_ACTIVE_MG_CM2 = "cathode_active_mg_cm2",
            NOMINAL_CAPACITY_MAH_CM2 = "nominal_capacity_mAh_cm2", STATUS = "status", CYCLES = "cycles",
            NUCLEATION_OVERPOTENTIAL_MV = "nucleation_overpotential_mV", NUCLEATION_DIPS = "nucleation_dips",
            SHORT_CIRCUIT = "short_circuit", END_TIME_H = "end_time_h", CAPACITY_RETENTION = "capacity_retention",
            MESSAGES = "messages";

    /** Members of one element of {@link #CYCLES}. */
    public static final String CYCLE_INDEX = "index", CHARGE_MAH_CM2 = "charge_mAh_cm2", DISCHARGE_MAH_CM2 = "discharge_mAh_cm2",
            COULOMBIC_EFFICIENCY = "coulombic_efficiency", DISCHARGE_MAH_G = "discharge_mAh_g", DEAD_LI_MAH_CM2 = "dead_li_mAh_cm2",
            INTERPHASE_LI_MAH_CM2 = "interphase_li_mAh_cm2",
            /**
             * The cell's lithium at the cycle's end, all of it (metal, interphase, dead, in the host and the cathode:
             * LithiumInventory.total), as a charge: what CycleBook.resolves compares a cycle's charge with, so that a
             * reader of the folder applies the rule the run applied (a reference discharge must pass more than 1e-5 of
             * it: {@code expect capacity-retention of cycle N relative to cycle M}). Absent in run folders written before
             * session 40; read through {@link SummaryJsonWriter#dischargeResolves}.
             */
            LITHIUM_MAH_CM2 = "lithium_mAh_cm2",
            /**
             * true where the cycle brought the cell back but stored too little for an efficiency (its record's
             * CycleSummary.NoEfficiency.STORED_TOO_LITTLE, CycleBook's decision); absent otherwise. Written since session
             * 28, kept beside {@link #NO_EFFICIENCY} for the readers of that version; read only where that is absent.
             */
            EFFICIENCY_UNRESOLVED = "efficiency_unresolved",
            /**
             * Why the cycle has no efficiency, where its record says (CycleSummary.NoEfficiency#key: "one-direction",
             * "not-brought-back", "stored-nothing", "stored-too-little"); absent where it has one, and in run folders
             * written before session 29. Read through {@link SummaryJsonWriter#noEfficiency}, the writer's own reader.
             */
            NO_EFFICIENCY = "no_efficiency";

    /** Members of one element of {@link #NUCLEATION_DIPS}. */
    public static final String DIP_CAPACITY_MAH_CM2 = "capacity_mAh_cm2", DIP_DEPTH_MV = "depth_mV";

    /**
     * The run's first full discharge: {@code {"cycle": 3, "discharge_mAh_cm2": ..., "discharge_mAh_g": ...}}, the first
     * cycle that counts for the capacity retention (SummaryJsonWriter: a full cell's that brought the cell back,
     * CycleSummary.broughtBack; a half cell's first that discharged), or {@code {"cycle": null, "reason": "..."}} when
     * no cycle does (an HPPC's pulses alone). Absent in run folders written before session 20, whose first discharge
     * is cycle 1's ({@code Summary.firstDischarge}).
     */
    public static final String FIRST_DISCHARGE = "first_discharge", FD_CYCLE = "cycle", FD_REASON = "reason";

    /**
     * The run's last full discharge, by the same rule and of the same shape as {@link #FIRST_DISCHARGE}: the report's
     * "last discharge capacity" (a protocol that discharges, then charges and holds, closes a cycle of that charge alone,
     * and its "last cycle discharge" read 0). Absent in run folders written before session 20 ({@code Summary.lastDischarge}).
     */
    public static final String LAST_DISCHARGE = "last_discharge";

    /**
     * The two cycles {@link #CAPACITY_RETENTION} compares: {@code {"first": 2, "last": 121, "temperature_degC": 60,
     * "stack_pressure_MPa": 65}} (the first full discharge of the same discharge steps as the last's, at the same
     * temperature and stack pressure, those given: the conditions both discharges ran at, null where the runner does
     * not give them), or null; absent in run folders written before session 20, without the conditions before session 21.
     */
    public static final String CAPACITY_RETENTION_CYCLES = "capacity_retention_cycles", RC_FIRST = "first", RC_LAST = "last",
            RC_TEMPERATURE_DEGC = "temperature_degC", RC_STACK_PRESSURE_MPA = "stack_pressure_MPa",
            /** Whether the retention's reference ran the last's charge steps too (absent: written before session 23). */
            RC_SAME_CHARGE = "same_charge";

    /**
     * Why the run has no {@link #CAPACITY_RETENTION} though it has two full discharges or more (SummaryJsonWriter.retentionCycles):
     * no earlier full discharge of the last's steps under its conditions, or none of those passed a charge a cycler
     * resolves; null where there is a retention or fewer than two full discharges (nothing to compare), absent in run
     * folders written before session 39. The report's key number and the CLI's summary give it ("none (...)").
     */
    public static final String CAPACITY_RETENTION_REASON = "capacity_retention_reason";

    /** Members of {@link #SHORT_CIRCUIT} (its reason is its cause) and {@link #SOFT_SHORT}. */
    public static final String SC_CYCLE = "cycle", SC_TIME_H = "time_h", SC_REASON = "reason";

    /**
     * A soft short (current leaking through Li filaments): an object like {@link #SHORT_CIRCUIT}, its reason the run's
     * warning ("warning: cycle 12, step 3.2 (line 14): soft short: ..."), with {@link #SC_STEP}, {@link #SC_STEP_NAME} and
     * {@link #SC_CAUSE}; or null.
     */
    public static final String SOFT_SHORT = "soft_short";

    /**
     * A soft short's step (the protocol step it showed in, as the warning names it; null for a soft short of a cycle's
     * Coulombic efficiency, which names no step); absent in run folders written before it.
     */
    public static final String SC_STEP = "step";

    /**
     * A soft short's step as its warning names it ({@link org.cellwright.solver.input.StepNumbers}: "step 3.2 (line 14)"),
     * for the Results view; absent for a soft short of a cycle's efficiency, and in run folders written before session 31.
     */
    public static final String SC_STEP_NAME = "step_name";

    /** A soft short's cause alone (the warning's text after "soft short: "); absent in run folders written before it. */
    public static final String SC_CAUSE = "cause";

    /**
     * Per cycle: how each step ended, {@code [{"step": 0, "number": "3.2", "end": "voltage-cutoff", "end_time_h": ...,
     * "end_voltage_V": ...}]}: step the solver's index in the flattened protocol (timeseries.csv's step column), number
     * the step's number as the protocol is written and the run's messages name it ({@link #STEP_NUMBER}).
     */
    public static final String STEPS = "steps", STEP_INDEX = "step", STEP_END = "end", STEP_END_TIME_H = "end_time_h",
            STEP_END_VOLTAGE_V = "end_voltage_V";

    /**
     * A step's number as the protocol is written ({@link org.cellwright.solver.input.StepNumbers}: "3.2", the second step
     * of the repeat that is the third step), what {@code expect ... of cycle N step 3.2} names; absent in run folders
     * written before session 31.
     */
    public static final String STEP_NUMBER = "number";

    // written by org.cellwright.run beside the solver's part
    /** The deformation-mechanism map's conditions: {temperature_K, strain_rate_per_s, characteristic_size_m}. */
    public static final String MECHANISM_MAP = "mechanism_map", MAP_TEMPERATURE_K = "temperature_K",
            MAP_STRAIN_RATE_PER_S = "strain_rate_per_s", MAP_CHARACTERISTIC_SIZE_M = "characteristic_size_m";

    /**
     * The run itself: {id, name, experiment, partial, interruption, started, finished, seconds, cellwright_version,
     * inputs_hash, source_file, source_line, source_relative_to}.
     */
    public static final String RUN = "run", RUN_ID = "id", RUN_NAME = "name", RUN_EXPERIMENT = "experiment",
            RUN_PARTIAL = "partial", RUN_INTERRUPTION = "interruption", RUN_STARTED = "started", RUN_FINISHED = "finished",
            RUN_SECONDS = "seconds", RUN_VERSION = "cellwright_version", RUN_INPUTS_HASH = "inputs_hash",
            RUN_SOURCE_FILE = "source_file", RUN_SOURCE_LINE = "source_line";

    /**
     * How {@link #RUN_SOURCE_FILE} is named: {@link #RUN_FOLDER}, relative to the run folder itself (the same whatever
     * the working folder of the process that ran it or reads it, CLI or IDE); absent in runs written before it, whose
     * source is named relative to the working folder of the process that ran them, or absolutely.
     */
    public static final String RUN_SOURCE_RELATIVE_TO = "source_relative_to", RUN_FOLDER = "run-folder";

    /**
     * A run re-run on a finer cathode mesh because its capacity's estimated mesh error was beyond the target (RunWriter,
     * session 38): {reason, estimate, coarse {particle_nodes, cathode_nodes, first_discharge_mAh_cm2,
     * last_discharge_mAh_cm2, seconds, folder}, fine {the same}, first_discharge_change, last_discharge_change (relative,
     * fine against coarse), status (the fine run's)}; absent where a run was not re-run.
     */
    public static final String MESH_RERUN = "mesh_rerun", MR_REASON = "reason", MR_ESTIMATE = "estimate", MR_COARSE = "coarse",
            MR_FINE = "fine", MR_PARTICLE_NODES = "particle_nodes", MR_CATHODE_NODES = "cathode_nodes",
            MR_FIRST_DISCHARGE = "first_discharge_mAh_cm2", MR_LAST_DISCHARGE = "last_discharge_mAh_cm2", MR_SECONDS = "seconds",
            MR_FOLDER = "folder", MR_FIRST_CHANGE = "first_discharge_change", MR_LAST_CHANGE = "last_discharge_change",
            MR_STATUS = "status";

    /**
     * In {@link #MESH_RERUN} where the re-run was taken (session 39, MeshRichardson): the fine run's error measured from
     * the two runs, {order, order_source, ratio, unrefined (the spacing not refined, or null), cycles [{cycle,
     * coarse_mAh_cm2, fine_mAh_cm2, extrapolated_mAh_cm2, fine_error (relative)}], worst_fine_error, worst_cycle}; the
     * cycles those with a discharge on both meshes.
     */
    public static final String MR_MEASURED = "measured", MR_ORDER = "order", MR_ORDER_SOURCE = "order_source", MR_RATIO = "ratio",
            MR_UNREFINED = "unrefined", MR_CYCLES = "cycles", MR_CYCLE = "cycle", MR_COARSE_CAP = "coarse_mAh_cm2",
            MR_FINE_CAP = "fine_mAh_cm2", MR_EXTRAPOLATED = "extrapolated_mAh_cm2", MR_FINE_ERROR = "fine_error",
            MR_WORST_FINE_ERROR = "worst_fine_error", MR_WORST_CYCLE = "worst_cycle";

    /**
     * In {@link #MESH_RERUN} where the re-run was measured beyond the target and run once more on the block its warning
     * names (session 40): {particle_nodes, cathode_nodes, first_discharge_mAh_cm2, last_discharge_mAh_cm2, seconds,
     * folder, reason, first_discharge_change, last_discharge_change (against the fine run), status, measured (as
     * {@link #MR_MEASURED}, of the finest run from the fine and the finest, each cycle with its order and the
     * observed_order of the three runs: null where they oscillate or a spacing was not refined)}; {@link #MR_FINE}'s
     * folder is then "fine-mesh" where it was taken.
     */
    public static final String MR_FINEST = "finest", MR_OBSERVED_ORDER = "observed_order";
}
