package org.cellwright.solver;

import java.util.List;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;

/**
 * The mesh a run takes: the settings with the particle shells ({@link ParticleShells}) and the cathode's control
 * volumes ({@link CathodeVolumes}) that they leave to the protocol chosen for this cell and protocol, and the interval
 * between its samples where every step takes the same (else each step's is chosen as it runs, {@link OutputInterval}).
 * The one place the run (Simulation), its record (ResolvedInputs) and the language's inputs (SimulationInputs) resolve
 * them, from the protocol flattened once ({@link #steps}).
 */
public final class ProtocolMesh {
    private ProtocolMesh() {}

    public static SolverSettings resolve(SolverSettings settings, CellSpec cell, ProtocolSpec protocol) {
        List<StepSpec> steps = steps(protocol);
        return OutputInterval.resolve(CathodeVolumes.resolve(ParticleShells.resolve(settings, cell, steps), cell, steps), cell, steps);
    }

    /**
     * The protocol's steps as the run takes them (its repeats expanded: {@link ProtocolSpec#flatten}), the one flattening
     * the choices made before a run read; null without a protocol, or for one the validator refuses (more than
     * {@link ProtocolSpec#MAX_STEPS} steps), where each choice takes its bound.
     */
    public static List<StepSpec> steps(ProtocolSpec protocol) {
        return protocol == null || protocol.flatSize() > ProtocolSpec.MAX_STEPS ? null : protocol.flatten();
    }
}
