package org.cellwright.solver.input.json;

import java.util.Objects;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;

/**
 * Everything one run needs, fully resolved and in SI: the cell, the protocol, the solver settings, and where they
 * came from. Written as {@code inputs.json} beside a run's results by {@link InputsJson}.
 */
public record ResolvedInputs(Provenance provenance, CellSpec cell, ProtocolSpec protocol, SolverSettings settings) {

    public ResolvedInputs {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * Where the inputs came from: the experiment, the {@code .cell} file and line that define it (null / 0 when
     * unknown), the CellWright version that resolved them and when (ISO-8601 UTC).
     */
    public record Provenance(String experiment, String sourceFile, int sourceLine, String cellwrightVersion,
            String created) {
        public Provenance {
            Objects.requireNonNull(experiment, "experiment");
        }
    }
}
