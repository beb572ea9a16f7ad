package org.cellwright.solver.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.cellwright.solver.ParticleShells;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialProperty;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.params.Sung2023Parameters;
import org.junit.jupiter.api.Test;

/**
 * Numerics of the MIEC interlayer's Newton solve (MiecChargeBalance) with a metal-like host: its electronic face
 * conductance (1e6 S/m over the 0.2 um control volumes, ~2e12 S/m2) makes the root's electronic potentials differ by
 * less than the spacing of doubles, so the electronic rows' residual cannot fall below about that conductance times the
 * spacing (~5e-7 A/m2 at 1 mV), above the 1e-8 at which Newton counted a stalled residual as converged; the solve
 * failed (session 36: the first charge of cell 6 at -20 degC, fine steps, after 30.5 s from 1e6 S/m, its residual
 * stalled at 1.16e-8). Newton now counts a stalled residual within the rounding the balance states
 * (MiecChargeBalance.roundingResidual) as converged.
 */
class MetalLikeInterlayerHostTest {

    /** The first 0.1 C charge to 4.3 V of cell 6 (65 MPa, -20 degC) whose SiNP conducts sigma [S/m], at fine steps. */
    static StepResult firstCharge(double sigma) {
        MaterialSpec si = Sung2023Parameters.silicon().with(MaterialProperty.ELECTRONIC_CONDUCTIVITY, sigma);
        LayerSpec il = LayerSpec.builder("SiNP-CNT", LayerRole.INTERLAYER).thickness(2e-6).porosity(0.585).poreSize(1e-6)
                .particleRadius(25e-9).bruggeman(1.5).component(si, 0.9).component(Sung2023Parameters.cnt(), 0.1).build();
        CellSpec ref = Sung2023Parameters.cell6Full(65e6, 253.15);
        CellSpec.Builder b = CellSpec.builder(ref.name()).area(ref.area()).temperature(ref.temperature())
                .stackPressure(ref.stackPressure());
        for (LayerSpec l : ref.layers()) b.layer(l.role() == LayerRole.INTERLAYER ? il : l);
        CellSpec cell = b.build();
        ProtocolSpec protocol = ProtocolSpec.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)));
        // PulseChargeTest's reference settings: its shells, rtol 1e-6, steps of at most 10 s
        SolverSettings fine = SolverSettings.builder().particleNodes(ParticleShells.forRun(cell, protocol))
                .relativeTolerance(1e-6).maxStep(10).build();
        RecordingSink s = new RecordingSink();
        assertEquals(RunStatus.COMPLETED, new Simulation().run(cell, protocol, fine, s, null));
        return s.cycles.get(0).steps().get(0);
    }

    /**
     * With the host at 1e6 and 1e7 S/m (Li12Si7's measured ~1e-4 Ohm cm, and Li metal's) the charge reaches 4.3 V
     * with the charge of a host at 1e2 S/m within 1e-4 (the layer's electronic drop is below 1 uV at either; the
     * difference is the step sequence's); before, it ended by a solver failure after 30.5 s.
     */
    @Test
    void aColdChargeThroughAMetalLikeHostSolvesAndChargesAsAPoorlyConductingOne() {
        StepResult poor = firstCharge(1e2);
        assertEquals(StepEnd.VOLTAGE_CUTOFF, poor.end(), "the scenario: 1e2 S/m charges to 4.3 V");
        for (double sigma : new double[] {1e6, 1e7}) {
            StepResult metal = firstCharge(sigma);
            assertEquals(StepEnd.VOLTAGE_CUTOFF, metal.end(), sigma + " S/m: the charge ends on 4.3 V, not by a solver failure after "
                    + metal.endTime() + " s");
            double rel = (metal.charge() - poor.charge()) / poor.charge();
            assertTrue(Math.abs(rel) < 1e-4, String.format("%.0e S/m charges %.3f C/m2, 1e2 S/m %.3f (%.2e)", sigma,
                    metal.charge(), poor.charge(), rel));
        }
    }
}
