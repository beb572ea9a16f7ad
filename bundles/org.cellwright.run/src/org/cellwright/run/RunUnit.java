package org.cellwright.run;

import java.util.Map;

import org.cellwright.model.Experiment;
import org.cellwright.solver.input.json.ResolvedInputs;

/**
 * The unit of work: resolved inputs that become one run folder. {@code name} is what the user reads (the experiment,
 * or "sweep/variant"); {@code variant} the folder of a sweep's run inside the sweep's run (null for an experiment);
 * {@code experiment} the model element whose {@code expect} clauses are checked when {@code checked} (null for inputs
 * read from an inputs.json); {@code parameters} a sweep run's values as written (parameter -> "20 MPa").
 */
public record RunUnit(String name, String variant, ResolvedInputs inputs, Experiment experiment, boolean checked,
		Map<String, String> parameters) {}
