package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.CompositeCathode;
import org.cellwright.solver.physics.PhysicsEvents;
import org.junit.jupiter.api.Test;

/**
 * What the composite cathode's overpotential breakdown measures (README "Which mechanism limits the cathode at each
 * rate"; docs/solid-state-solver.md "The composite cathode's overpotential breakdown"): eta_cathode_diffusion_V is
 * the solid-diffusion loss, each node's U(x_surface) - U(x_mean) weighted by its share of the current, with the mean
 * the electrode's after the step; with the kinetic and composite parts it makes up the electrode's potential less
 * U(x_mean). Session 34 read the column at the first sample of each discharge instead of at half (45 against 110 mV
 * at 1 C and 25 degC) and took the difference for a dependence on the particle mesh; it has none (session 35, diff35).
 */
class CathodeOverpotentialBreakdownTest {
    static final double T = 298.15;

    /**
     * Cell 6's cathode charged (delithiated, where NCM811's diffusivity drop is off) at 0.2 C for 2 h in 30 s steps,
     * the breakdown read after the last: {diffusion, kinetic, composite [V], mean stoichiometry, electrode potential
     * [V], its open-circuit potential at the mean after the step [V], diffusion number}.
     */
    static double[] chargedFor2h(int shells, int volumes) {
        CellSpec cell = Sung2023Parameters.cell6Full(65e6, T);
        SolverSettings settings = SolverSettings.builder().particleNodes(shells).cathodeNodes(volumes).build();
        CompositeCathode c = new CompositeCathode("c", cell.cathode(), 0, cell, settings, Sung2023Parameters.lpscl());
        c.setConditions(T, 65e6);
        double i = 0.2 * 28.0; // A/m2: 0.2 C of cell 6 (1 C = 2.8 mA/cm2, README's rate table)
        double e = Double.NaN;
        double[] eta = new double[OverpotentialKind.values().length];
        for (int step = 0; step < 240; step++) {
            e = c.trial(30, i);
            assertTrue(Double.isFinite(e), "step " + step);
            java.util.Arrays.fill(eta, 0);
            c.addOverpotentials(eta, 1);
            c.commit(PhysicsEvents.IGNORE);
        }
        return new double[] {eta[OverpotentialKind.CATHODE_DIFFUSION.ordinal()], eta[OverpotentialKind.CATHODE_KINETIC.ordinal()],
                eta[OverpotentialKind.CATHODE_OHMIC.ordinal()], c.stoichiometry(), e, c.openCircuitPotential(),
                CompositeCathode.diffusionNumber(cell.cathode(), i, T)};
    }

    /**
     * Under a constant flux a particle's profile settles into a parabola with its surface beta c_max / 5 below the
     * mean (Crank, The Mathematics of Diffusion, 2nd ed., 1975, eq. 6.60 at long times; beta the diffusion number,
     * {@link CompositeCathode#diffusionNumber}), so the solid-diffusion loss of a charge is U(x - beta/5) - U(x); 2 h at
     * 0.2 C is D t / R^2 above 1, where the transient is gone. The composite conducts well enough at 0.2 C (its
     * dimensionless current 0.2) for every node to carry about the mean flux. Fails if the diffusion part reads the
     * mean stoichiometry before the step (7.9 % off) or holds anything but the particles' concentration difference.
     */
    @Test
    void theDiffusionPartIsTheParticlesSurfaceOcpLessTheOcpAtTheirMeanAsCrankGivesIt() {
        double[] r = chargedFor2h(48, 20);
        DoubleUnaryOperator u = Sung2023Parameters.ncm811().ocv();
        double x = r[3], beta = r[6];
        double expected = u.applyAsDouble(x - beta / 5) - u.applyAsDouble(x);
        assertTrue(expected > 0.005, "a loss a charge's voltage shows: " + expected + " V (beta " + beta + ", x " + x + ")");
        assertEquals(expected, r[0], 0.01 * expected, "diffusion part " + r[0] + " V against Crank's " + expected);
        // the parts make up the electrode's potential less the OCP at the mean stoichiometry after the step
        assertEquals(r[4] - r[5], r[0] + r[1] + r[2], 1e-9);
        assertTrue(r[1] > 0 && r[2] > 0, "every part opposes the charge: kinetic " + r[1] + ", composite " + r[2]);
    }

    /**
     * The breakdown is a property of the solution, not of its mesh: at half of a 1 C discharge after a 0.05 C charge
     * (the rate test's fifth cycle without the four before), where the surfaces run into NCM811's diffusivity drop and
     * the OCP's features, 16 to 64 shells and 20 or 40 control volumes read the same diffusion part within 0.5 % (0.26 %
     * measured; equal shells instead of graded ones 0.67 %; README's
     * rate table: 109.7-109.8 mV from 16 to 128 shells in the rate test, 109.7 with 40 and 80 volumes; session 34's
     * 45 mV was the discharge's first sample).
     */
    @Test
    void theDiffusionPartAtHalfOfA1CDischargeConvergesWithTheParticleShellsAndTheControlVolumes() {
        RecordingSink run = oneC(64, 40);
        double fine = StudyMechanismsTest.cathodeLossesAtHalf(run, 1)[1];
        assertTrue(fine > 0.08, "the diffusion part at half of the 1 C discharge " + fine + " V");
        // at every sample the cell's voltage is its open-circuit voltage plus the sum of the eta_* columns
        for (Sample x : run.samples) {
            double sum = x.ocv();
            for (double e : x.overpotentials()) sum += e;
            assertEquals(x.voltage(), sum, 1e-9, "at " + x.time() + " s");
        }
        for (int[] mesh : new int[][] {{16, 20}, {48, 20}, {16, 40}}) {
            double[] eta = StudyMechanismsTest.cathodeLossesAtHalf(oneC(mesh[0], mesh[1]), 1);
            assertEquals(fine, eta[1], 0.005 * fine, mesh[0] + " shells, " + mesh[1] + " volumes: " + StudyMechanismsTest.losses(eta));
        }
    }

    /** Cell 6 charged at 0.05 C to 4.3 V and discharged at 1 C to 2.8 V (its step 1) on this mesh, samples every 10 s. */
    static RecordingSink oneC(int shells, int volumes) {
        List<StepSpec> steps = List.of(StepSpec.cRate(0.05, Cutoff.voltageAbove(4.3), Cutoff.duration(30 * 3600)),
                StepSpec.cRate(-1, Cutoff.voltageBelow(2.8), Cutoff.duration(30 * 3600)));
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(Sung2023Parameters.cell6Full(65e6, T), new ProtocolSpec("1C", steps),
                SolverSettings.builder().particleNodes(shells).cathodeNodes(volumes).outputInterval(10).build(), s, null),
                s.events::toString);
        return s;
    }
}
