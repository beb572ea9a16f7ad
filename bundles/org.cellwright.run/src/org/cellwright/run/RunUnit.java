package org.cellwright.run;

import java.util.Map;

import org.cellwright.model.Experiment;
import org.cellwright.run.dfn.DfnInputs;
import org.cellwright.solver.input.json.ResolvedInputs;

/**
 * The unit of work: resolved inputs that become one run folder. {@code name} is what the user reads (the experiment,
 * or "sweep/variant"); {@code variant} the folder of a sweep's run inside the sweep's run (null for an experiment);
 * {@code experiment} the model element whose {@code expect} clauses are checked when {@code checked} (null for inputs
 * read from an inputs.json); {@code parameters} a sweep run's values as written (parameter -> "20 MPa").
 * A liquid-electrolyte cell's unit carries {@code dfn} (its DFN inputs) and no solid-state {@code inputs}; every
 * other unit carries {@code inputs} and no {@code dfn}.
 */
public record RunUnit(String name, String variant, ResolvedInputs inputs, Experiment experiment, boolean checked,
		Map<String, String> parameters, DfnInputs dfn) {

	/** A solid-state unit. */
	public RunUnit(String name, String variant, ResolvedInputs inputs, Experiment experiment, boolean checked,
			Map<String, String> parameters) {
		this(name, variant, inputs, experiment, checked, parameters, null);
	}

	/** Where the inputs came from (experiment, file, line, version, time). */
	public ResolvedInputs.Provenance provenance() {
		return dfn != null ? dfn.provenance() : inputs.provenance();
	}

	/**
	 * The run record's source file: the experiment's file, absolute (summary.json names it relative to the run folder;
	 * the provenance names it as this process shows it, {@link Problem#display}, and is read back here without the
	 * model, which is read on its planning thread only); for inputs read from an inputs.json, the file its provenance
	 * names, as named there (relative to the working folder of the process that wrote it, or absolute).
	 */
	public String sourceFile() {
		String shown = provenance().sourceFile();
		return experiment != null && shown != null ? Problem.located(shown).toString() : shown;
	}

	/**
	 * The solid-state inputs with their provenance naming {@link #sourceFile()} (the experiment's file absolute): what
	 * the run folder records (relative to itself, {@link org.cellwright.run.folder.SourceRecord}) and what a Spark
	 * worker is sent, whose working folder is not this process's. Null for a DFN unit.
	 */
	public ResolvedInputs inputsAsRecorded() {
		if (inputs == null) return null;
		return inputs.withProvenance(inputs.provenance().withSourceFile(sourceFile()));
	}

	/** The same unit with other solid-state inputs (e.g. with the record of its measurement). */
	public RunUnit withInputs(ResolvedInputs in) {
		return new RunUnit(name, variant, in, experiment, checked, parameters, dfn);
	}

	/** The protocol the unit runs, as written (a DFN unit's or a solid-state unit's): what names its steps to a user. */
	public org.cellwright.solver.input.ProtocolSpec protocol() {
		return dfn != null ? dfn.protocol() : inputs.protocol();
	}

	/** The cell's area [m2]. */
	public double area() {
		return dfn != null ? dfn.area() : inputs.cell().area();
	}

	/** SHA-256 of the inputs without their provenance (the same inputs give the same hash), in hex. */
	public String hash() {
		return dfn != null ? dfn.hash() : RunWriter.hash(inputs);
	}
}
