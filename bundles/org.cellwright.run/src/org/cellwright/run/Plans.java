package org.cellwright.run;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Protocol;
import org.cellwright.model.Quantity;
import org.cellwright.model.Sweep;
import org.cellwright.run.dfn.DfnMapping;
import org.cellwright.run.store.Names;
import org.cellwright.solver.input.InputValidator;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.json.ResolvedInputs;

/**
 * From the model (or an inputs.json) to {@link RunGroup}s: the mapping to solver inputs ({@link SimulationInputs}),
 * sweeps expanded ({@link Sweeps}), every name that becomes a folder checked ({@link Names}). Runs on the caller's
 * thread (the model is not thread-safe); what it returns is plain data.
 */
public final class Plans {
	private Plans() {}

	/** The groups of the elements given (experiments and sweeps), in order. */
	public static List<RunGroup> of(List<? extends Element> elements) {
		List<RunGroup> out = new ArrayList<>();
		for (Element e : elements) {
			if (e instanceof Experiment x) out.add(experiment(x));
			else if (e instanceof Sweep s) out.add(sweep(s));
		}
		return out;
	}

	static RunGroup experiment(Experiment x) {
		String bad = Names.problem(x.getName());
		if (bad != null) return refused(x.getName(), false, CellFiles.problemAt(x, Problem.Severity.ERROR, "experiment " + x.getName() + ": " + bad));
		try {
			return new RunGroup(x.getName(), false, List.of(unit(x, x.getName(), null, true, Map.of(), Map.of())), List.of());
		} catch (InputException ex) {
			return refused(x.getName(), false, ex.problem());
		}
	}

	static RunGroup sweep(Sweep s) {
		String bad = Names.problem(s.getName());
		if (bad != null) return refused(s.getName(), true, CellFiles.problemAt(s, Problem.Severity.ERROR, "sweep " + s.getName() + ": " + bad));
		List<Sweeps.Run> runs;
		try {
			runs = Sweeps.expand(s);
		} catch (InputException ex) {
			return refused(s.getName(), true, ex.problem());
		}
		Experiment x = s.getExperiment();
		List<RunUnit> units = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		// a problem of the swept values, by message: the runs it stops (one problem at the sweep for all of them)
		Map<String, List<String>> unsolvable = new LinkedHashMap<>();
		Map<String, Problem> firstOf = new LinkedHashMap<>();
		for (Sweeps.Run run : runs) {
			String name = s.getName() + SWEEP_RUN + run.folderName();
			String badRun = Names.problem(run.folderName());
			if (badRun != null) {
				problems.add(CellFiles.problemAt(s, Problem.Severity.ERROR, "sweep " + s.getName() + ": " + badRun));
				continue;
			}
			try {
				Map<String, String> params = new LinkedHashMap<>();
				for (Map.Entry<String, Quantity> p : run.overrides().entrySet()) params.put(p.getKey(), Sweeps.text(p.getValue()));
				// the expect clauses describe the experiment as written, not its variations: not checked here
				units.add(unit(x, name, run.folderName(), false, params, run.overrides()));
			} catch (InputException ex) {
				if (run.overrides().isEmpty()) problems.add(ex.problem()); // no value swept: the experiment's own
				else {
					unsolvable.computeIfAbsent(ex.problem().message(), k -> new ArrayList<>()).add(run.folderName());
					firstOf.putIfAbsent(ex.problem().message(), ex.problem());
				}
			} catch (IllegalArgumentException ex) {
				problems.add(CellFiles.problemAt(s, Problem.Severity.ERROR, "sweep " + s.getName() + ": " + ex.getMessage()));
			}
		}
		String own = null; // the experiment's own problem, without the swept values: not theirs
		if (!unsolvable.isEmpty())
			try {
				unit(x, s.getName(), null, false, Map.of(), Map.of());
			} catch (InputException | IllegalArgumentException ex) {
				own = ex instanceof InputException ie ? ie.problem().message() : ex.getMessage();
				if (ex instanceof InputException ie && unsolvable.containsKey(own)) problems.add(ie.problem());
			}
		for (Map.Entry<String, List<String>> u : unsolvable.entrySet())
			if (!u.getKey().equals(own)) problems.add(sweptValuesProblem(s, runs.size(), u.getValue(), firstOf.get(u.getKey())));
		return new RunGroup(s.getName(), true, units, problems);
	}

	/**
	 * A problem that the swept values make (a porosity that leaves no room for the active material): located at the
	 * sweep, naming the runs it stops and where the experiment's inputs fail (a library cell's line), once for all the
	 * runs it stops. Before, each run repeated the mapping's problem, located in the library as {@code <input>}.
	 */
	static Problem sweptValuesProblem(Sweep s, int total, List<String> runs, Problem cause) {
		Problem at = CellFiles.problemAt(s, Problem.Severity.ERROR, "");
		String where = cause.where() + ":" + cause.line();
		boolean elsewhere = cause.file() == null || at.file() == null || !cause.file().equals(at.file()) || cause.line() != at.line();
		String which = runs.size() == 1 ? "run " + runs.get(0)
				: runs.size() + " of its " + total + " runs (" + runs.get(0) + (runs.size() > 2 ? ", ..., " : ", ") + runs.get(runs.size() - 1) + ")";
		return new Problem(at.file(), at.line(), at.column(), Problem.Severity.ERROR, "sweep " + s.getName() + ": "
				+ which + " cannot run with their values: " + cause.message() + (elsewhere ? " (at " + where + ")" : ""), at.source());
	}

	private static RunGroup refused(String name, boolean sweep, Problem p) {
		return new RunGroup(name, sweep, List.of(), List.of(p));
	}

	/** Between a sweep's name and its run's folder in the name of a sweep's run ("sweep/variant", {@link RunUnit#name}). */
	private static final String SWEEP_RUN = "/";

	/**
	 * The folder a run's inputs.json is run again in: its experiment's name, or for a sweep's run ("sweep/variant") the
	 * variant's folder, whose single run it becomes (a sweep of one run would be no sweep).
	 */
	static String rerunFolder(String name) {
		int at = name == null ? -1 : name.indexOf(SWEEP_RUN);
		return at > 0 && Names.problem(name.substring(0, at)) == null ? name.substring(at + SWEEP_RUN.length()) : name;
	}

	/**
	 * Resolved inputs read from an inputs.json: one group named after its experiment (a sweep's run: after its variant's
	 * folder, {@link #rerunFolder}), or problems naming the file (a name that cannot name a folder, inputs the solver
	 * refuses). It used to refuse a sweep's run: "provenance.experiment: a path separator cannot be part of a folder name".
	 */
	public static RunGroup of(ResolvedInputs in, Path json) {
		String name = in.provenance().experiment();
		String folder = rerunFolder(name);
		String bad = Names.problem(folder);
		if (bad != null)
			return refused(String.valueOf(name), false, new Problem(json, 0, 0, Problem.Severity.ERROR, "provenance.experiment: " + bad));
		List<Problem> problems = new ArrayList<>();
		for (String p : InputValidator.validate(in.cell(), in.protocol(), in.settings()))
			problems.add(new Problem(json, 0, 0, Problem.Severity.ERROR, p));
		if (!problems.isEmpty()) return new RunGroup(folder, false, List.of(), problems);
		ResolvedInputs.Provenance p = in.provenance();
		ResolvedInputs now = in.withProvenance(p.resolvedAgain(InputsJson.cellwrightVersion(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
		// checked against the expect clauses it records (an inputs.json written before they were kept records none)
		// the unit keeps the name the user reads ("sweep/variant"): the run's record and a later re-run's staleness key
		return new RunGroup(folder, false, List.of(new RunUnit(name, null, now, null, in.expectations() != null, Map.of())), List.of());
	}

	/**
	 * The unit of experiment x with some of its cell's values replaced (a sweep's run, a fit's evaluation): mapped by
	 * {@link DfnMapping} for a liquid-electrolyte (DFN) cell, else by {@link SimulationInputs}; the one place that
	 * chooses. A value that cannot be mapped is an InputException at its line.
	 */
	public static RunUnit unit(Experiment x, String name, String variant, boolean checked, Map<String, String> parameters,
			Map<String, Quantity> overrides) {
		if (dfn(x)) return new RunUnit(name, variant, null, x, checked, parameters, DfnMapping.of(x, name, overrides, provenance(name, x)));
		// the expect clauses checked on the run, recorded in its inputs.json (a sweep's runs check none: the record says so)
		return new RunUnit(name, variant, resolved(SimulationInputs.of(x, name, overrides), x).withExpectations(checked ? Checks.clauses(x) : List.of()),
				x, checked, parameters);
	}

	/** Whether the experiment's cell is a liquid-electrolyte (DFN) cell: it runs through {@link DfnMapping} and the DFN solver. */
	static boolean dfn(Experiment x) {
		return x.getCell() != null && !x.getCell().eIsProxy() && DfnMapping.isDfnCell(x.getCell());
	}

	/**
	 * The solver inputs with their provenance: experiment, file and line (when {@code source} is given), version, now,
	 * and whether the solver chose the mesh (the experiment's solver block sets neither particle-nodes nor cathode-nodes:
	 * a run that may miss its capacity on that mesh is re-run on a finer one, RunWriter).
	 */
	public static ResolvedInputs resolved(SimulationInputs.Inputs in, Experiment source) {
		ResolvedInputs.Provenance p = provenance(in.name(), source);
		if (source != null) {
			SolverSettings set = SimulationInputs.settings(source);
			p = p.withMeshFromProtocol(set.particleNodes() == SolverSettings.PARTICLE_NODES_FROM_PROTOCOL
					&& set.cathodeNodes() == SolverSettings.CATHODE_NODES_FROM_PROTOCOL);
		}
		return new ResolvedInputs(p, in.cell(), in.protocol(), in.settings());
	}

	/**
	 * Provenance of inputs named {@code name}: experiment, file and line (when {@code source} is given), version, now,
	 * and the names of the protocols the experiment runs, in its order (the solver's protocol is named {@code name}).
	 */
	public static ResolvedInputs.Provenance provenance(String name, Experiment source) {
		String file = null;
		int line = 0;
		List<String> protocols = null;
		if (source != null) {
			Problem at = CellFiles.problemAt(source, Problem.Severity.INFO, "");
			if (at.file() != null) file = Problem.display(at.file());
			line = at.line();
			protocols = source.getProtocols().stream().map(Protocol::getName).filter(java.util.Objects::nonNull).toList();
		}
		return new ResolvedInputs.Provenance(name, file, line, InputsJson.cellwrightVersion(),
				Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), protocols);
	}
}
