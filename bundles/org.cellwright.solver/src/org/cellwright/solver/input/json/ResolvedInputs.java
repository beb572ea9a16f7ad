package org.cellwright.solver.input.json;

import java.util.List;
import java.util.Objects;

import org.cellwright.solver.ProtocolMesh;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;

/**
 * Everything one run needs, fully resolved and in SI: the cell, the protocol, the solver settings (the particle shells
 * and cathode control volumes a default leaves to the protocol chosen, {@link ProtocolMesh#resolve}), and where they came from. Written as
 * {@code inputs.json} beside a run's results by {@link InputsJson}. Beside what the solver takes,
 * the record of what the run is checked against, so that a re-run from inputs.json checks and compares as the run did:
 * the experiment's {@code expect} clauses ({@code expectations}; null for a record written before they were kept, empty
 * for a run that checks none, e.g. a sweep's) and the measurement it is compared with ({@code measured}; null for none).
 * Neither is part of the inputs' hash.
 */
public record ResolvedInputs(Provenance provenance, CellSpec cell, ProtocolSpec protocol, SolverSettings settings,
        List<Expect> expectations, Measured measured) {

    public ResolvedInputs {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(settings, "settings");
        // who chose the mesh, where not recorded (an inputs.json written before session 38): settings that leave it to
        // the solver, or that set it to what the solver chooses, read as its choice; a mesh other than that as set
        if (provenance.meshFromProtocol() == null)
            provenance = provenance.withMeshFromProtocol(ProtocolMesh.isChoice(settings, cell, protocol));
        settings = ProtocolMesh.resolve(settings, cell, protocol); // the mesh the run takes, as its record says
        expectations = expectations == null ? null : List.copyOf(expectations);
    }

    /** Inputs with no record of checks or measurement (as an inputs.json written before them reads). */
    public ResolvedInputs(Provenance provenance, CellSpec cell, ProtocolSpec protocol, SolverSettings settings) {
        this(provenance, cell, protocol, settings, null, null);
    }

    /** The same inputs with another provenance. */
    public ResolvedInputs withProvenance(Provenance p) {
        return new ResolvedInputs(p, cell, protocol, settings, expectations, measured);
    }

    /** The same inputs with these expect clauses (null: not recorded). */
    public ResolvedInputs withExpectations(List<Expect> e) {
        return new ResolvedInputs(provenance, cell, protocol, settings, e, measured);
    }

    /** The same inputs compared with this measurement (null: none). */
    public ResolvedInputs withMeasured(Measured m) {
        return new ResolvedInputs(provenance, cell, protocol, settings, expectations, m);
    }

    /**
     * An {@code expect} clause as written, for the checks evaluator: the metric ("coulombic-efficiency"), {@code average},
     * the cycle, reference and from-cycle (0: none), the comparison ({@code EQUAL}, {@code LESS}, {@code GREATER}), the
     * value in its own unit with its text as written ("92.0 %"), or the state ("completed"), the tolerance likewise
     * (null: none), the label and source (null: none) and the clause's line in the experiment's file; the named point it
     * is read at ({@code at probe}: a step group, null: none) with the solver's step numbers of the group's last run
     * (timeseries.csv's step column; -1 both when the protocols have no such group), and for a point read in a cycle
     * ({@code of cycle N at probe}) every run of the group, each place it is run from as [first step, steps, period,
     * count, ...] over the repeats around it, outermost first (org.cellwright.lang.expectations.Metric.Runs; empty
     * otherwise); the step it is read at ({@code of cycle N step 3.2}: the step's number as the protocol is written,
     * {@link org.cellwright.solver.input.StepNumbers}; null: none).
     */
    public record Expect(String label, boolean average, String metric, int cycle, int reference, int fromCycle, String comparison,
            Double value, String unit, String valueText, String state, Double tolerance, String toleranceUnit, String toleranceText,
            String source, int line, String point, int pointFirstStep, int pointLastStep, List<List<Integer>> pointRuns, String step) {
        /** A clause read at no step. */
        public Expect(String label, boolean average, String metric, int cycle, int reference, int fromCycle, String comparison,
                Double value, String unit, String valueText, String state, Double tolerance, String toleranceUnit, String toleranceText,
                String source, int line, String point, int pointFirstStep, int pointLastStep, List<List<Integer>> pointRuns) {
            this(label, average, metric, cycle, reference, fromCycle, comparison, value, unit, valueText, state, tolerance, toleranceUnit,
                    toleranceText, source, line, point, pointFirstStep, pointLastStep, pointRuns, null);
        }

        public Expect {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(comparison, "comparison");
            pointRuns = pointRuns == null ? List.of() : pointRuns.stream().map(List::copyOf).toList();
        }

        /** A clause read at no named point. */
        public Expect(String label, boolean average, String metric, int cycle, int reference, int fromCycle, String comparison,
                Double value, String unit, String valueText, String state, Double tolerance, String toleranceUnit, String toleranceText,
                String source, int line) {
            this(label, average, metric, cycle, reference, fromCycle, comparison, value, unit, valueText, state, tolerance, toleranceUnit,
                    toleranceText, source, line, null, -1, -1, List.of());
        }
    }

    /**
     * The measurement a run is compared with: its file as the experiment's {@code measured} clause names it, the copy kept
     * in the run folder ({@code measured.bdf.csv}, relative to the folder of the inputs.json; as read, absolute) with its
     * SHA-256 (null both when the measurement could not be read), and the clause's line and column in the experiment's file.
     */
    public record Measured(String file, String copy, String sha256, int line, int column) {
        public Measured {
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * Where the inputs came from: the experiment, the {@code .cell} file and line that define it (null / 0 when
     * unknown), the CellWright version that resolved them and when (ISO-8601 UTC), and the names of the protocols the
     * experiment runs, in its order, as the {@code .cell} file has them (null: not recorded, a record written before
     * session 25; the solver's protocol is named after the run, and that name is hashed, so the protocols' names are
     * kept here, outside the hash); {@code meshFromProtocol}: whether the settings' particle shells and cathode volumes
     * were chosen by the solver for the protocol ({@link ProtocolMesh#resolve}: the solver block set neither), which lets
     * a run whose capacity that mesh may miss be re-run on a finer one (RunWriter, session 38); null: not recorded (an
     * inputs.json written before session 38, inputs not from a {@code .cell} file), where {@link ResolvedInputs} reads
     * the mesh as the solver's choice if it is what the solver chooses for the cell and protocol
     * ({@link ProtocolMesh#isChoice}), else as set (session 39; before, taken as set, and such a run was never re-run).
     * Part of the inputs' hash where the mesh alone does not say it ({@link InputsJson#MESH_FROM_PROTOCOL}).
     */
    public record Provenance(String experiment, String sourceFile, int sourceLine, String cellwrightVersion,
            String created, List<String> protocols, Boolean meshFromProtocol) {
        public Provenance {
            Objects.requireNonNull(experiment, "experiment");
            protocols = protocols == null ? null : List.copyOf(protocols);
        }

        /** A provenance that names no protocols (as one written before they were kept reads). */
        public Provenance(String experiment, String sourceFile, int sourceLine, String cellwrightVersion, String created) {
            this(experiment, sourceFile, sourceLine, cellwrightVersion, created, null, null);
        }

        /** A provenance that does not record where the mesh came from. */
        public Provenance(String experiment, String sourceFile, int sourceLine, String cellwrightVersion, String created,
                List<String> protocols) {
            this(experiment, sourceFile, sourceLine, cellwrightVersion, created, protocols, null);
        }

        /** The same provenance with its source named so (the run folder's record names it relative to itself). */
        public Provenance withSourceFile(String file) {
            return new Provenance(experiment, file, sourceLine, cellwrightVersion, created, protocols, meshFromProtocol);
        }

        /** The same provenance resolved again by this CellWright, at {@code time} (a re-run of an inputs.json). */
        public Provenance resolvedAgain(String version, String time) {
            return new Provenance(experiment, sourceFile, sourceLine, version, time, protocols, meshFromProtocol);
        }

        /** The same provenance recording whether the solver chose the mesh ({@link #meshFromProtocol}). */
        public Provenance withMeshFromProtocol(Boolean chosen) {
            return new Provenance(experiment, sourceFile, sourceLine, cellwrightVersion, created, protocols, chosen);
        }

        /** True where the record says the solver chose the mesh (false where the user set it; in ResolvedInputs never unknown). */
        public boolean meshChosenBySolver() {
            return Boolean.TRUE.equals(meshFromProtocol);
        }
    }
}
