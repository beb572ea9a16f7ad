package org.cellwright.solver;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;

/**
 * The mesh a run takes: the settings with the particle shells ({@link ParticleShells}) and the cathode's control
 * volumes ({@link CathodeVolumes}) that they leave to the protocol chosen for this cell and protocol, and with them the
 * interval between its samples ({@link OutputInterval}). The one place the run (Simulation), its record
 * (ResolvedInputs) and the language's inputs (SimulationInputs) resolve them.
 */
public final class ProtocolMesh {
    private ProtocolMesh() {}

    public static SolverSettings resolve(SolverSettings settings, CellSpec cell, ProtocolSpec protocol) {
        return OutputInterval.resolve(CathodeVolumes.resolve(ParticleShells.resolve(settings, cell, protocol), cell, protocol), cell, protocol);
    }
}
