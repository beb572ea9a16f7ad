package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.ParticleShells;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.bench.WorkPrecisionBenchmark;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.CompositeCathode;
import org.junit.jupiter.api.Test;

/**
 * The particle shells chosen from the protocol (sessions 31, 33, 34 and 35, {@link ParticleShells}): a protocol whose
 * largest current at its lowest temperature sets up a steep profile in the cathode particles gets a fine mesh (32
 * shells, 48 for the steepest or where the reaction gathers near the separator, 80 where it is confined nearest it), a gentle one the coarse mesh (20), and the default settings meet issue 13's target (1 mV RMS,
 * 0.1 % of the capacity) on each against the work-precision benchmark's reference; a run's inputs record the shells
 * it took.
 */
class ParticleShellsTest {

    static final double MINUS_35_C = 238.15, MINUS_30_C = 243.15, MINUS_25_C = 248.15, MINUS_20_C = 253.15, MINUS_10_C = 263.15, ZERO_C = 273.15, ROOM = 298.15;

    static ProtocolSpec discharge(double rate) {
        return ProtocolSpec.of(StepSpec.cRate(-rate, Cutoff.voltageBelow(2.8), Cutoff.duration(4 * 3600)));
    }

    static RecordingSink run(CellSpec cell, ProtocolSpec p, SolverSettings st) {
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(cell, p, st, s, null));
        return s;
    }

    /** WorkPrecisionBenchmark.REFERENCE: 80 x 120 x 40, rtol 1e-6, steps <= 60 s, sampled at every step. */
    static SolverSettings reference() {
        return SolverSettings.builder().cathodeNodes(80).particleNodes(120).interlayerNodes(40).relativeTolerance(1e-6)
                .maxStep(60).outputInterval(0).build();
    }

    /** {voltage RMS [V], relative capacity error} of the default settings (samples every {@code every} s) against the reference. */
    static double[] defaultError(CellSpec cell, ProtocolSpec p, double every) {
        return defaultError(run(cell, p, reference()), cell, p, every);
    }

    static double[] defaultError(RecordingSink ref, CellSpec cell, ProtocolSpec p, double every) {
        RecordingSink def = run(cell, p, SolverSettings.builder().outputInterval(every).build());
        double a = ref.cycles.get(0).dischargeCapacity(), b = def.cycles.get(0).dischargeCapacity();
        return new double[] {WorkPrecisionBenchmark.voltageErrors(ref, def)[0], Math.abs(b - a) / a};
    }

    /**
     * Gentle: the study's 200 cycles at 0.35 C and 60 degC (diffusion number 0.08) and the 1 C discharge at 25 degC
     * (0.37) take 20 shells, and the 1 C discharge is within the target with them (0.41 mV, 0.064 %).
     */
    @Test
    void aGentleProtocolTakesTheCoarseShellsAndMeetsTheTarget() {
        assertEquals(ParticleShells.GENTLE, ParticleShells.forRun(Sung2023Parameters.cell6Full(65e6, Sung2023Parameters.T_60C),
                Sung2023Parameters.fullCellCycling(199)));
        CellSpec cell = WorkPrecisionBenchmark.chargedBaseline(ROOM);
        assertEquals(20, ParticleShells.forRun(cell, discharge(1)));
        double[] e = defaultError(cell, discharge(1), 10);
        assertTrue(e[0] < 1e-3, "1 C at 25 degC: voltage RMS " + e[0] + " V");
        assertTrue(e[1] < 1e-3, "1 C at 25 degC: capacity " + e[1]);
    }

    /**
     * Steep: 5 C at 25 degC (diffusion number 1.86) takes 48 shells and meets the target with them, where 20 shells
     * miss 1 mV RMS (1.67 mV, session 31); 1 C at 60 degC (0.22) is gentle.
     */
    @Test
    void aSteepProtocolTakesTheFineShellsAndMeetsTheTarget() {
        CellSpec room = WorkPrecisionBenchmark.chargedBaseline(ROOM);
        assertEquals(ParticleShells.STEEPEST, ParticleShells.forRun(room, discharge(5)));
        assertEquals(ParticleShells.GENTLE, ParticleShells.forRun(WorkPrecisionBenchmark.chargedBaseline(Sung2023Parameters.T_60C), discharge(1)));
        RecordingSink ref = run(room, discharge(5), reference());
        double[] e = defaultError(ref, room, discharge(5), 2);
        assertTrue(e[0] < 1e-3 && e[1] < 1e-3, "5 C at 25 degC: voltage RMS " + e[0] + " V, capacity " + e[1]);
        double coarse = WorkPrecisionBenchmark.voltageErrors(ref, run(room, discharge(5),
                SolverSettings.builder().particleNodes(ParticleShells.GENTLE).outputInterval(2).build()))[0];
        assertTrue(coarse > 1e-3, "the gentle protocols' shells at 5 C: voltage RMS " + coarse + " V, beyond the target");
    }

    /**
     * The tiers, by the diffusion number at the protocol's largest current and lowest temperature (session 33): up to
     * 0.4 20 shells (1 C at 25 degC, 0.37), up to 0.55 32 (0.5 C at -20 degC, 0.44; 0.6 C at -20 degC, 0.53), above it
     * 48 (1 C at 0 degC, 0.58, 32 until session 33's pulse rules; 0.84 C at -20 degC, 0.74; 2 C at 25 degC, 0.75; 2 C
     * at 0 degC, 1.16; 5 C at 25 degC, 1.86); and (session 34) 48 wherever the composite's dimensionless current is
     * above 6.5, whatever the diffusion number (at -25 degC from 0.48 on); (session 35) 80 wherever it is above 7.5
     * (0.84 C at -20 degC, 8.24; at -35 degC 0.3 C with 0.38, 7.68).
     */
    @Test
    void theShellsGrowInTiersWithTheDiffusionNumberAndTheDimensionlessCurrent() {
        CellSpec room = WorkPrecisionBenchmark.chargedBaseline(ROOM), zero = WorkPrecisionBenchmark.chargedBaseline(ZERO_C),
                cold = WorkPrecisionBenchmark.chargedBaseline(MINUS_20_C);
        assertEquals(20, ParticleShells.forRun(room, discharge(1)));
        assertEquals(32, ParticleShells.forRun(cold, discharge(0.5)));
        assertEquals(32, ParticleShells.forRun(cold, discharge(0.6)));
        assertEquals(48, ParticleShells.forRun(zero, discharge(1)));
        assertEquals(80, ParticleShells.forRun(cold, discharge(0.84)));
        assertEquals(48, ParticleShells.forRun(room, discharge(2)));
        assertEquals(48, ParticleShells.forRun(zero, discharge(2)));
        assertEquals(48, ParticleShells.forRun(room, discharge(5)));
        // the tiers' bounds on the diffusion number, from either side
        double perAmp = CompositeCathode.diffusionNumber(cold.cathode(), 1, MINUS_20_C); // beta of 1 A/m2 at -20 degC
        double atSteepest = ParticleShells.STEEPEST_FROM / perAmp, atSteep = ParticleShells.STEEP_FROM / perAmp; // [A/m2]
        assertEquals(32, ParticleShells.forRun(cold, density(0.99 * atSteepest)));
        assertEquals(48, ParticleShells.forRun(cold, density(1.01 * atSteepest)));
        assertEquals(20, ParticleShells.forRun(cold, density(0.99 * atSteep)));
        assertEquals(32, ParticleShells.forRun(cold, density(1.01 * atSteep)));
        // colder, the dimensionless current's bound (CathodeVolumes') from either side, in the steep tier by diffusion
        CellSpec colder = WorkPrecisionBenchmark.chargedBaseline(MINUS_25_C);
        double atConcentrated = org.cellwright.solver.CathodeVolumes.FINE_FROM
                / CompositeCathode.dimensionlessCurrent(colder.cathode(), 1, MINUS_25_C); // [A/m2]
        assertEquals(32, ParticleShells.forRun(colder, density(0.99 * atConcentrated)));
        assertEquals(48, ParticleShells.forRun(colder, density(1.01 * atConcentrated)));
        // the narrow zone's bound (session 35) from either side
        double atNarrow = ParticleShells.NARROW_ZONE_FROM / CompositeCathode.dimensionlessCurrent(colder.cathode(), 1, MINUS_25_C); // [A/m2]
        assertEquals(48, ParticleShells.forRun(colder, density(0.99 * atNarrow)));
        assertEquals(80, ParticleShells.forRun(colder, density(1.01 * atNarrow)));
        // and gentle by diffusion: 0.3 C at -35 degC (beta 0.38, delta 7.68; 48 shells 0.063 %, 80 0.031 %, 2026-12-07)
        assertEquals(80, ParticleShells.forRun(WorkPrecisionBenchmark.chargedBaseline(MINUS_35_C), discharge(0.3)));
    }

    /** A discharge at a current density [A/m2] to 2.8 V. */
    static ProtocolSpec density(double i) {
        return ProtocolSpec.of(StepSpec.currentDensity(-i, Cutoff.voltageBelow(2.8), Cutoff.duration(4 * 3600)));
    }

    /**
     * Cold, near the largest current the cell carries: 0.84 C at -20 degC (diffusion number 0.74; the charged cell 7
     * delivers a quarter of its capacity before 2.8 V, which it reaches falling 0.25 mV/s) takes 48 shells and its
     * capacity is within 0.1 % of the benchmark's reference with them (0.086 %, session 33); with 32 shells, the tier
     * below, it is not (0.140 %: the shells' share, the time stepping's being 0.03 % since session 32's step control
     * onto the cut-off).
     */
    @Test
    void aColdDischargeNearTheCellsLimitTakesTheFinestShellsAndMeetsTheCapacityTarget() {
        takesTheFinestShellsAndMeetsTheTargetWhere32Miss(WorkPrecisionBenchmark.chargedBaseline(MINUS_20_C), discharge(0.84),
                org.cellwright.solver.CathodeVolumes.GENTLE, "0.84 C at -20 degC");
    }

    /**
     * Cold, in the steepest tier: 0.65 C at -25 degC (diffusion number 0.645, dimensionless current 8.67; the charged
     * cell 7 delivers 11 % of what it delivers at 1 C and 25 degC before 2.8 V) takes 80 shells and is within 0.1 % of
     * the reference's capacity with them (0.049 %, 2026-12-07); with 32 shells, the tier below, on 20 volumes it is not
     * (0.209 %). Until session 36 the scenario was 0.6 C at -25 degC (0.595, just below the steepest tier's bound of
     * session 33), whose 32 shells missed by too little to show it (0.104 %; 48 shells 0.075 %): no discharge whose
     * diffusion number lies between 0.55 and 0.6 shows a clear miss with 32 shells (0.58 C at -25 degC 0.090 %, 0.59 C
     * 0.103 %), and the pulses that set the bound at 0.55 (session 33) missed mostly through their charge's landing,
     * landed within its time tolerance since session 36 (CutoffEndTimeTest).
     */
    @Test
    void aColdDischargeInTheSteepestTierTakesTheFinestShellsAndMeetsTheCapacityTarget() {
        takesTheFinestShellsAndMeetsTheTargetWhere32Miss(WorkPrecisionBenchmark.chargedBaseline(MINUS_25_C), discharge(0.65),
                org.cellwright.solver.CathodeVolumes.GENTLE, "0.65 C at -25 degC");
    }

    /**
     * Cold, where the reaction gathers near the separator (session 34): 0.45 C at -30 degC (diffusion number 0.50,
     * the composite's dimensionless current 8.26; the charged cell 7 delivers a tenth of its capacity before 2.8 V)
     * lies in the steep tier by its diffusion number, but above {@code CathodeVolumes}' bound of 6.5 the particles near
     * the separator carry several times the mean flux: it takes 48 shells or more (80 since session 35) and is within
     * 0.1 % of the capacity of the reference with them (and the 40 volumes its protocol takes; 0.043 %, 2026-12-07); with
     * 32 shells, which it took before, it is not (0.154 %). Until session 36 the pulses of 0.55 C at -25 degC (0.546,
     * 7.34) showed this too (0.128 -> 0.066 %), but most of their 32 shells' error was the 0.1 C charge before them,
     * landed on 4.3 V only within 0.1 mV: landed within its time tolerance (CutoffEndTimeTest) they are within 0.048 %
     * with 32 shells and 0.010 % with the default's 48. (Until the CEI's growth barrier became derived, 150 kJ/mol,
     * session 34, the pulses of 0.5 C at -25 degC: 0.190 -> 0.039 %.)
     */
    @Test
    void aColdProtocolWhoseReactionGathersNearTheSeparatorTakesTheFinestShellsAndMeetsTheCapacityTarget() {
        CellSpec cold = WorkPrecisionBenchmark.chargedBaseline(MINUS_30_C);
        assertSteepByDiffusionAndConcentratedByConduction(cold, 0.45, MINUS_30_C);
        takesTheFinestShellsAndMeetsTheTargetWhere32Miss(cold, discharge(0.45), SolverSettings.CATHODE_NODES_FROM_PROTOCOL, "0.45 C at -30 degC");
    }

    /** At c C and temperature t the diffusion number alone gives the steep tier, and the dimensionless current is above 6.5. */
    private static void assertSteepByDiffusionAndConcentratedByConduction(CellSpec cell, double c, double t) {
        double i = c * Simulation.nominalCapacity(cell) / cell.area() / 3600; // [A/m2]
        double beta = CompositeCathode.diffusionNumber(cell.cathode(), i, t);
        assertTrue(beta > ParticleShells.STEEP_FROM && beta <= ParticleShells.STEEPEST_FROM, "the diffusion number's tier: " + beta);
        double delta = CompositeCathode.dimensionlessCurrent(cell.cathode(), i, t);
        assertTrue(delta > org.cellwright.solver.CathodeVolumes.FINE_FROM, "the dimensionless current: " + delta);
    }

    /**
     * A run of the cell through p takes {@link ParticleShells#STEEPEST} shells or more and is within 1 mV RMS and 0.1 % of the
     * capacity of the benchmark's reference with them, where {@link ParticleShells#STEEP} shells miss 0.1 % (the
     * scenario's own check) on the given cathode volumes: for the discharges of session 33 (0.84 C at -20 degC; since
     * session 36 0.65 C at -25 degC in place of 0.6 C) the mesh the tiers were measured on, 20 volumes (both take 40
     * since session 34, {@code CathodeVolumes}); for session 34's cold case the volumes its protocol takes. Since
     * session 35 the discharges above the dimensionless current 7.5 take {@link ParticleShells#NARROW_ZONE} (0.84 C at
     * -20 degC, 0.65 C at -25 degC, 0.45 C at -30 degC: 0.021, 0.049 and 0.043 % with them and 40 volumes, 2026-12-07).
     */
    private static void takesTheFinestShellsAndMeetsTheTargetWhere32Miss(CellSpec cell, ProtocolSpec p, int volumes, String what) {
        int shells = ParticleShells.forRun(cell, p);
        assertTrue(shells >= ParticleShells.STEEPEST, what + ": " + shells + " shells");
        takesTheseShellsAndMeetsTheTargetWhereFewerMiss(cell, p, shells, ParticleShells.STEEP, volumes, what);
    }

    /**
     * A run of the cell through p takes {@code shells} and is within 1 mV RMS and 0.1 % of the capacity of the
     * benchmark's reference with them (the default settings), where {@code fewer} shells on the given cathode volumes
     * miss 0.1 % (the scenario's own check).
     */
    private static void takesTheseShellsAndMeetsTheTargetWhereFewerMiss(CellSpec cell, ProtocolSpec p, int shells, int fewer,
            int volumes, String what) {
        assertEquals(shells, ParticleShells.forRun(cell, p), what);
        RecordingSink ref = run(cell, p, reference());
        double[] e = defaultError(ref, cell, p, 10);
        assertTrue(e[0] < 1e-3, what + ": voltage RMS " + e[0] + " V");
        assertTrue(e[1] < 1e-3, what + ": capacity " + e[1]);
        RecordingSink coarser = run(cell, p, SolverSettings.builder().cathodeNodes(volumes)
                .particleNodes(fewer).outputInterval(10).build());
        double a = ref.cycles.get(0).dischargeCapacity(), b = coarser.cycles.get(0).dischargeCapacity();
        assertTrue(Math.abs(b - a) / a > 1e-3, "the scenario: " + fewer + " shells miss 0.1 % of the capacity here, " + Math.abs(b - a) / a);
    }

    /**
     * Cold, where the reaction is confined nearest the separator (session 35): 2 C at -10 degC (the composite's
     * dimensionless current 11.0, diffusion number 1.42), where the charged cell 7 delivers about a twentieth of the
     * capacity it delivers at 1 C and 25 degC before 2.8 V, takes {@link ParticleShells#NARROW_ZONE} shells and is within
     * 0.1 % of the capacity of the reference with them (and its 40 volumes; 0.057 %, 2026-12-07); with 48 shells, the
     * tier below, it is not (0.141 %; 1.9 to 2.05 C: 0.134-0.158 % with 48, 0.057-0.073 % with 80). Until session 37 the
     * scenarios were 0.7 C at -25 degC (9.34) and 0.3 C at -35 degC (7.68), 0.135 and 0.121 % with 48 shells: with
     * NCM811's faster charge transfer (exchange current 0.09 -> 0.249 mA/cm2) the kinetic share of the cathode's
     * overpotential fell and the reaction spreads further from the separator, so 48 shells meet 0.1 % there (0.095 and
     * 0.063 %; 80 shells 0.049 and 0.031 %). A scan of constant-current discharges from -10 to -40 degC up to the largest
     * current each carries (2026-12-07): those that take 80 shells, that 48 miss clearly (above 0.12 %) and 80 meet lie
     * within about a tenth of that largest current, from -25 to -10 degC (0.68 C at -25 degC 0.123 -> 0.085 %, 1.15-1.2
     * C at -18 degC, 1.38-1.45 C at -15 degC, 1.9-2.05 C at -10 degC); closer still to it, and at -30 to -40 degC, where
     * 48 miss only when the cell delivers under 3 % of its capacity, 80 miss too (0.48 C at -30 degC: 0.190 and 0.123 %).
     */
    @Test
    void aColdDischargeWhoseReactionIsConfinedNearestTheSeparatorTakesTheNarrowZonesShellsAndMeetsTheCapacityTarget() {
        double rate = 2, t = MINUS_10_C;
        CellSpec cell = WorkPrecisionBenchmark.chargedBaseline(t);
        double i = rate * Simulation.nominalCapacity(cell) / cell.area() / 3600; // [A/m2]
        assertTrue(CompositeCathode.dimensionlessCurrent(cell.cathode(), i, t) > ParticleShells.NARROW_ZONE_FROM);
        takesTheseShellsAndMeetsTheTargetWhereFewerMiss(cell, discharge(rate), ParticleShells.NARROW_ZONE, ParticleShells.STEEPEST,
                SolverSettings.CATHODE_NODES_FROM_PROTOCOL, "2 C at -10 degC");
    }

    /**
     * The lowest temperature the protocol sets counts, not only the cell's: 1 C after 'set temperature 0 degC' (0.58:
     * 48 shells since the steepest tier starts at 0.55).
     */
    @Test
    void theProtocolsLowestTemperatureCounts() {
        CellSpec room = WorkPrecisionBenchmark.chargedBaseline(ROOM);
        assertEquals(20, ParticleShells.forRun(room, discharge(1)));
        assertEquals(48, ParticleShells.forRun(room, ProtocolSpec.of(StepSpec.rest(60), new StepSpec.SetTemperature(ZERO_C),
                StepSpec.cRate(-1, Cutoff.voltageBelow(2.8)))));
        // the diffusion number: i R^2 / (3 F eps L D(T) c_max), linear in the current, Arrhenius in T
        double b1 = CompositeCathode.diffusionNumber(room.cathode(), 10, ROOM);
        assertEquals(2 * b1, CompositeCathode.diffusionNumber(room.cathode(), -20, ROOM), 1e-12 * b1);
        assertTrue(CompositeCathode.diffusionNumber(room.cathode(), 10, ZERO_C) > 1.4 * b1);
    }

    /**
     * A hold starts at the current of the step before it where that step ends at the hold's voltage (constant current,
     * constant voltage): bounded. A hold after a rest, or a power step without a voltage below which it ends, carries
     * a current not known before the run: the finest shells.
     */
    @Test
    void aCurrentThatCannotBeBoundedBeforeTheRunTakesTheFinestShells() {
        CellSpec cell = Sung2023Parameters.cell6Full(65e6, ROOM);
        assertEquals(20, ParticleShells.forRun(cell, ProtocolSpec.of(StepSpec.cRate(0.5, Cutoff.voltageAbove(4.3)),
                StepSpec.voltageHold(4.3, Cutoff.currentBelowCRate(0.05)))));
        assertEquals(ParticleShells.STEEPEST, ParticleShells.forRun(cell, ProtocolSpec.of(StepSpec.rest(60),
                StepSpec.voltageHold(4.3, Cutoff.currentBelowCRate(0.05)))));
        assertEquals(ParticleShells.STEEPEST, ParticleShells.forRun(cell, ProtocolSpec.of(new StepSpec.ConstantPower(-10, java.util.List.of(Cutoff.duration(60))))));
        assertEquals(ParticleShells.STEEPEST, ParticleShells.forRun(cell, null), "a cathode built without its protocol");
        assertEquals(20, ParticleShells.forRun(cell, ProtocolSpec.of(new StepSpec.ConstantPower(-10,
                java.util.List.of(Cutoff.voltageBelow(2.8))))));
    }

    /** The run's inputs (inputs.json) record the shells chosen; shells the settings give are kept. */
    @Test
    void theRunsInputsRecordTheShellsItTook() {
        ResolvedInputs.Provenance p = new ResolvedInputs.Provenance("c", null, 0, "test", "now");
        CellSpec room = WorkPrecisionBenchmark.chargedBaseline(ROOM);
        assertEquals(20, new ResolvedInputs(p, room, discharge(1), SolverSettings.defaults()).settings().particleNodes());
        ResolvedInputs steep = new ResolvedInputs(p, room, discharge(5), SolverSettings.defaults());
        assertEquals(48, steep.settings().particleNodes());
        assertTrue(InputsJson.toJson(steep).toString().contains("\"particle_nodes\":48"));
        assertEquals(40, new ResolvedInputs(p, room, discharge(1), SolverSettings.builder().particleNodes(40).build())
                .settings().particleNodes());
    }
}
