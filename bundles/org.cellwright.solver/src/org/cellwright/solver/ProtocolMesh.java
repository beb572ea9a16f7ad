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
     * Whether the settings' particle shells and cathode control volumes are those the solver chooses for this cell and
     * protocol (what {@link #resolve} gives settings that leave both to it): true for settings that leave them to it,
     * and for a mesh set to what it would choose. What a run's record without a word on who chose its mesh is read as
     * (an inputs.json written before session 38: the mesh was then either chosen, and so the choice, or set; session 39),
     * and what the inputs' hash needs a word for where the record says otherwise (InputsJson, {@code mesh_from_protocol}).
     */
    public static boolean isChoice(SolverSettings settings, CellSpec cell, ProtocolSpec protocol) {
        List<StepSpec> steps = steps(protocol);
        SolverSettings given = CathodeVolumes.resolve(ParticleShells.resolve(settings, cell, steps), cell, steps);
        SolverSettings chosen = CathodeVolumes.resolve(ParticleShells.resolve(settings.toBuilder()
                .particleNodes(SolverSettings.PARTICLE_NODES_FROM_PROTOCOL).cathodeNodes(SolverSettings.CATHODE_NODES_FROM_PROTOCOL).build(),
                cell, steps), cell, steps);
        return given.particleNodes() == chosen.particleNodes() && given.cathodeNodes() == chosen.cathodeNodes();
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
