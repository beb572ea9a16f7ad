package org.cellwright.solver;

import java.util.List;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.physics.CompositeCathode;

/**
 * The number of control volumes through the composite cathode's thickness in a run (numerics: the mesh of
 * {@link CompositeCathode}), chosen before the run from its cell and protocol where the settings leave it to the
 * protocol ({@link SolverSettings#CATHODE_NODES_FROM_PROTOCOL}, the default), as {@link ParticleShells} chooses the
 * particle shells. How narrow a reaction zone the protocol can set up through the layer is the layer's dimensionless
 * current ({@link CompositeCathode#dimensionlessCurrent}: the ohmic drop across it in units of RT/F, the reaction
 * concentrated within about L / delta of the separator) at the protocol's largest current and lowest temperature,
 * where the solid electrolyte conducts least: up to {@link #FINE_FROM}, {@link #GENTLE} volumes, at least three in a
 * penetration depth; above it, or where a step's current cannot be bounded before the run, {@link #FINE}. Session 34
 * (docs/solid-state-solver.md, "The cathode's control volumes chosen from the protocol"), the WorkPrecisionBenchmark's
 * default steps and shells against its reference, the charged cell 7 discharged and cell 6 pulsed from -30 to 25 degC
 * (1 C at 25 degC is 0.97, the study's 200 cycles at 60 degC 0.085): 20 volumes are within 0.084 % of the capacity on
 * every case measured up to 6.41 (2 C at 0 degC; pulses of 0.65 C at -20 degC, 6.38); above, the pulses of 0.7 C at
 * -20 degC (6.87) miss 0.1 % with them (0.143 %), which 40 take to 0.070 % (30: 0.088 %), and every other case
 * measured above 6.5 where the cell delivers a fifth of its capacity or more gains with 40 (0.84 C at -20 degC 0.067 ->
 * 0.051 %, 1 C at -15 degC 0.073 -> 0.047 %). Beyond the reach of the cathode mesh alone: the cliff in the cold, where
 * the cell delivers a few percent of its capacity (0.9 and 1 C at -20 degC, 8.8 and 9.8: 40 volumes 0.122 and 0.112 %,
 * 80 0.109 and 0.097 %; with 120 shells too, 40 volumes 0.081 and 0.025 %). Those figures are of the calibrated CEI
 * growth barrier of 50 kJ/mol; with the derived 150 kJ/mol (session 34's merge) the film grown in the cold is thinner,
 * the 0.7 C pulses at -20 degC deliver six times the charge and 20 volumes are within 0.028 % there; the cases that
 * miss 0.1 % with 20 volumes and meet it with 40 are the pulses of 0.55 C at -25 degC (7.34: 0.124 -> 0.066 %) and
 * 0.45 C at -30 degC (8.26: 0.144 -> 0.085 %); 20 volumes are within 0.078 % up to 6.41 and within 0.088 % above it
 * where the cell delivers a fifth of its capacity or more (docs/solid-state-solver.md, the table re-run).
 */
public final class CathodeVolumes {
    private CathodeVolumes() {}

    /** Control volumes where the protocol's reaction zone spans the layer (the default before session 34 for every run). */
    public static final int GENTLE = 20;

    /** Control volumes where it is narrow (or cannot be bounded before the run). */
    public static final int FINE = 40;

    /** Dimensionless current above which a run takes {@link #FINE} volumes: 20 volumes keep three in L / delta up to 6.7. */
    public static final double FINE_FROM = 6.5;

    /** The settings with their cathode control volumes chosen for this cell and protocol, unless they give a number. */
    static SolverSettings resolve(SolverSettings settings, CellSpec cell, List<StepSpec> steps) {
        if (settings.cathodeNodes() != SolverSettings.CATHODE_NODES_FROM_PROTOCOL) return settings;
        return settings.toBuilder().cathodeNodes(forSteps(cell, steps)).build();
    }

    /**
     * The control volumes a run of this cell through this protocol takes ({@link #GENTLE} without a cathode: none are
     * used; {@link #FINE} for a cathode built without its protocol, protocol null).
     */
    public static int forRun(CellSpec cell, ProtocolSpec protocol) {
        return forSteps(cell, ProtocolMesh.steps(protocol));
    }

    /** {@link #forRun} of the protocol's steps as the run takes them ({@link ProtocolMesh#steps}; null: none or refused). */
    static int forSteps(CellSpec cell, List<StepSpec> steps) {
        if (cell == null || !cell.hasCathode()) return GENTLE;
        if (steps == null) return FINE; // no protocol, or one the validator refuses
        double delta = CompositeCathode.dimensionlessCurrent(cell.cathode(), ParticleShells.largestCurrentDensity(cell, steps),
                ParticleShells.lowestTemperature(cell, steps));
        return delta <= FINE_FROM ? GENTLE : FINE; // NaN (a current without bound): FINE
    }
}
