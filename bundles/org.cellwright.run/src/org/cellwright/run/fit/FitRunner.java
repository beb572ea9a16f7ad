package org.cellwright.run.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.cellwright.fit.Bracketing;
import org.cellwright.fit.FitOptions;
import org.cellwright.fit.FitParameter;
import org.cellwright.fit.FitResult;
import org.cellwright.fit.ParameterEstimation;
import org.cellwright.fit.ResidualModel;
import org.cellwright.lang.units.Units;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.model.Experiment;
import org.cellwright.model.Fit;
import org.cellwright.model.FitEstimate;
import org.cellwright.model.FitTarget;
import org.cellwright.model.MeasuredData;
import org.cellwright.model.Quantity;
import org.cellwright.run.Cancel;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Checks;
import org.cellwright.run.InputException;
import org.cellwright.run.Plans;
import org.cellwright.run.Problem;
import org.cellwright.run.RunExecutor;
import org.cellwright.run.RunUnit;
import org.cellwright.run.RunWriter;
import org.cellwright.run.SimulationInputs;
import org.cellwright.run.Sweeps;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.output.SummaryKeys;

import com.google.gson.JsonObject;

/**
 * Runs a {@code fit} of a .cell file: its estimates become sweep-style overrides of the target experiments, searched
 * by {@link ParameterEstimation}; each evaluation simulates every target experiment (through the one pipeline's
 * {@link RunWriter}, in a scratch folder) and turns the outcome into weighted residuals: for an {@code expectations}
 * target (simulated - expected) / tolerance of each numeric {@code expect = ... within ...} clause; for a
 * {@code measured} target (measured - simulated voltage) / noise at each measured time.
 */
public final class FitRunner {

	/** Residual of an expectation whose value the run did not produce (e.g. a cycle it never reached). */
	public static final double MISSING_RESIDUAL = 10;
	/** Voltage noise assumed for a measurement without 'noise' [V]. */
	public static final double DEFAULT_NOISE_V = 0.005;

	/** One estimate: its target as a sweep names it, the unit its values are searched in, and the bounded parameter. */
	public record Estimate(String target, String unit, FitParameter parameter) {}

	/** One target: an experiment, its measurement when it is a measured target, and its weight. */
	public record Target(Experiment experiment, MeasuredSeries measured, double noise, double weight) {}

	/** What a fit of a file is made of, resolved on the caller's thread. */
	public record Plan(Fit fit, List<Estimate> estimates, List<Target> targets) {}

	/** Relative change of cost and parameters at which a fit stops: simulations carry numerical noise far above Hipparchus' 1e-10. */
	public static final double TOLERANCE = 1e-4;
	/**
	 * Finite-difference step of the Jacobian relative to a parameter's bound range (in logistic coordinates 10 times
	 * it): a simulation's outputs carry the noise of its adaptive time steps and step ends, which a step of 1e-4 (the
	 * default for exact models) would turn into a Jacobian of noise.
	 */
	public static final double RELATIVE_STEP = 1e-2;

	private final Object modelLock = new Object();
	private final Path scratch;
	private final Cancel cancel;
	private final java.util.concurrent.atomic.AtomicInteger simulations = new java.util.concurrent.atomic.AtomicInteger();
	private RunExecutor executor;

	public FitRunner(Path scratch, Cancel cancel) {
		this.scratch = scratch;
		this.cancel = cancel;
	}

	private org.cellwright.run.RunExecutor engine;

	/**
	 * Runs the evaluations' simulations on an engine ({@code run --engine}: e.g. each one Spark task, the n + 1 of a
	 * Jacobian at once); without one they run on the evaluating thread.
	 */
	public FitRunner on(org.cellwright.run.RunExecutor executor) {
		this.engine = executor;
		return this;
	}

	/**
	 * The mesh every evaluation of a target runs on (particle shells x cathode control volumes) and why: the first
	 * evaluation's, the mesh its result is on (the solver's choice, a finer one it was re-run on, or the solver block's).
	 * A run on the mesh the solver chose is re-run on a finer one where its capacity may miss the target ({@code
	 * RunWriter}, session 38), and the solver's choice itself depends on the cell: a fit whose target's evaluations
	 * switched mesh between its points would see the mesh's error as a jump of its objective. So the first evaluation of
	 * each target decides, and every later one (the search's, the before and after runs') runs on that mesh as set in a
	 * solver block: not re-run, nor chosen again (session 39). {@code fit.json} records it per target.
	 */
	public record Mesh(int particleNodes, int cathodeNodes, String why) {
		/** "48 x 40": shells x volumes, as the run's messages say a mesh. */
		public String text() {
			return particleNodes + " x " + cathodeNodes;
		}
	}

	/** Per target (by its index in the plan): the mesh its first evaluation decided, once it has. */
	private final Map<Integer, CompletableFuture<Mesh>> meshes = new ConcurrentHashMap<>();

	/** The mesh each target's evaluations ran on, by experiment, in the plan's order (none for a liquid-electrolyte target, or before any evaluation). */
	public Map<String, Mesh> meshes(Plan plan) {
		Map<String, Mesh> out = new LinkedHashMap<>();
		for (int i = 0; i < plan.targets().size(); i++) {
			Mesh m = pinned(i);
			if (m != null) out.put(plan.targets().get(i).experiment().getName(), m);
		}
		return out;
	}

	/** The mesh target i's first evaluation decided, or null (not decided yet). */
	private Mesh pinned(int i) {
		CompletableFuture<Mesh> f = meshes.get(i);
		return f != null && f.isDone() ? f.getNow(null) : null;
	}

	/** The unit on {@code mesh} as a solver block that sets it gives (not re-run, not chosen again); a DFN unit as it is. */
	static RunUnit on(RunUnit unit, Mesh mesh) {
		if (mesh == null || unit.inputs() == null) return unit;
		ResolvedInputs in = unit.inputs();
		return unit.withInputs(new ResolvedInputs(in.provenance().withMeshFromProtocol(false), in.cell(),
				in.protocol(), in.settings().toBuilder().particleNodes(mesh.particleNodes()).cathodeNodes(mesh.cathodeNodes()).build(),
				in.expectations(), in.measured()));
	}

	/** The mesh an evaluation's result is on, and why: the re-run's where it was re-run and that was taken, else its own. */
	private static Mesh meshOf(RunUnit unit, RunWriter.Outcome o) {
		SolverSettings s = unit.inputs().settings();
		JsonObject r = o.summary() == null ? null
				: o.summary().json().get(SummaryKeys.MESH_RERUN) instanceof JsonObject j ? j : null;
		if (r != null && r.get(SummaryKeys.MR_STATUS) != null
				&& List.of("COMPLETED", "SHORT_CIRCUIT").contains(r.get(SummaryKeys.MR_STATUS).getAsString())) {
			JsonObject fine = r.getAsJsonObject(SummaryKeys.MR_FINE);
			Mesh m = new Mesh(fine.get(SummaryKeys.MR_PARTICLE_NODES).getAsInt(),
					fine.get(SummaryKeys.MR_CATHODE_NODES).getAsInt(), null);
			String why = "re-run on " + m.text() + " (" + r.get(SummaryKeys.MR_REASON).getAsString() + ")";
			// and once more where that was taken (session 40): its mesh the result's
			if (r.get(SummaryKeys.MR_FINEST) instanceof JsonObject f && f.get(SummaryKeys.MR_STATUS) != null
					&& List.of("COMPLETED", "SHORT_CIRCUIT").contains(f.get(SummaryKeys.MR_STATUS).getAsString())) {
				m = new Mesh(f.get(SummaryKeys.MR_PARTICLE_NODES).getAsInt(), f.get(SummaryKeys.MR_CATHODE_NODES).getAsInt(), null);
				why += " and once more on " + m.text() + " (" + f.get(SummaryKeys.MR_REASON).getAsString() + ")";
			}
			return new Mesh(m.particleNodes(), m.cathodeNodes(), "the first evaluation's: " + why + "; every evaluation on it, none re-run");
		}
		Mesh m = new Mesh(s.particleNodes(), s.cathodeNodes(), null);
		return new Mesh(m.particleNodes(), m.cathodeNodes(), unit.provenance().meshChosenBySolver()
				? "the first evaluation's: the solver's choice at the start values; every evaluation on it, neither chosen again nor re-run"
				: "set in the solver block");
	}

	/**
	 * Target i's unit simulated on the mesh its first evaluation decided ({@link Mesh}); the first decides it (the others
	 * of that target wait for it: the first point of a search is evaluated before its next ones, and a Jacobian's points
	 * are queued after it).
	 */
	private RunWriter.Outcome simulate(int i, RunUnit unit, Path folder) throws IOException {
		if (unit.inputs() == null) return simulate(unit, folder); // a liquid-electrolyte cell: its mesh is its own, never re-run
		while (true) {
			CompletableFuture<Mesh> mine = new CompletableFuture<>();
			CompletableFuture<Mesh> first = meshes.putIfAbsent(i, mine);
			if (first == null) { // the first evaluation of the target: its mesh is every other's
				try {
					RunWriter.Outcome o = simulate(unit, folder);
					mine.complete(meshOf(unit, o));
					return o;
				} catch (IOException | RuntimeException | Error e) {
					meshes.remove(i, mine);
					mine.complete(null); // another evaluation decides
					throw e;
				}
			}
			Mesh m;
			try {
				m = first.get();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("simulation of " + unit.name() + " interrupted", e);
			} catch (ExecutionException e) {
				throw new IOException(e.getCause());
			}
			if (m != null) return simulate(on(unit, m), folder);
		}
	}

	private RunWriter.Outcome simulate(RunUnit unit, Path folder) throws IOException {
		if (engine == null) return RunWriter.write(unit, folder.getFileName().toString(), folder, ProgressListener.NONE, cancel);
		try {
			return engine.run(unit, folder.getFileName().toString(), folder, ProgressListener.NONE, cancel, () -> {}).get();
		} catch (java.util.concurrent.ExecutionException e) {
			throw new IOException("simulation of " + unit.name() + " failed: " + e.getCause(), e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("simulation of " + unit.name() + " interrupted", e);
		}
	}

	/** Resolves a fit: bounds in one unit, measured files read (relative to the .cell file); a problem is an InputException at its line. */
	public static Plan plan(Fit fit) {
		List<Estimate> estimates = new ArrayList<>();
		for (FitEstimate e : fit.getEstimates()) {
			Quantity lo = e.getLower(), hi = e.getUpper();
			String unit = lo.getUnit() == null ? "" : lo.getUnit();
			try {
				double upper = Units.convert(hi.getValue(), hi.getUnit() == null ? "" : hi.getUnit(), unit);
				double initial = e.getInitial() == null ? Double.NaN
						: Units.convert(e.getInitial().getValue(), e.getInitial().getUnit() == null ? "" : e.getInitial().getUnit(), unit);
				FitParameter p = Double.isNaN(initial) ? FitParameter.between(e.getTarget(), lo.getValue(), upper)
						: new FitParameter(e.getTarget(), initial, lo.getValue(), upper);
				estimates.add(new Estimate(e.getTarget(), unit, p));
			} catch (IllegalArgumentException ex) {
				throw new InputException(CellFiles.problemAt(e, Problem.Severity.ERROR, "estimate " + e.getTarget() + ": " + ex.getMessage()));
			}
		}
		List<Target> targets = new ArrayList<>();
		for (FitTarget t : fit.getTargets()) {
			Experiment x = t.getExperiment();
			if (x == null || x.eIsProxy())
				throw new InputException(CellFiles.problemAt(t, Problem.Severity.ERROR, "target names no experiment"));
			MeasuredSeries data = null;
			double noise = DEFAULT_NOISE_V;
			if (t.isMeasured()) {
				MeasuredData m = x.getMeasured();
				if (m == null)
					throw new InputException(CellFiles.problemAt(t, Problem.Severity.ERROR, "experiment " + x.getName()
							+ " has no 'measured' data to fit against"));
				data = MeasuredComparison.read(m);
				if (m.getNoise() != null) noise = Units.toSI(m.getNoise());
			} else if (x.getExpectations().isEmpty()) {
				throw new InputException(CellFiles.problemAt(t, Problem.Severity.ERROR, "experiment " + x.getName()
						+ " has no expect clauses to fit against"));
			}
			targets.add(new Target(x, data, noise, t.getWeight()));
		}
		Plan plan = new Plan(fit, estimates, targets);
		mapped(plan);
		return plan;
	}

	/**
	 * Maps every target at the start values before anything runs, as an evaluation will (solid-state or
	 * liquid-electrolyte cell alike): a target whose cell cannot run is an InputException at the line that says why,
	 * an estimate its cell's mapping cannot vary (or, for a DFN cell, whose values at a quarter and three quarters of
	 * its bounds map to the same inputs) one at the estimate.
	 */
	static void mapped(Plan plan) {
		for (Target t : plan.targets()) {
			Experiment x = t.experiment();
			Plans.unit(x, x.getName(), null, true, Map.of(), Map.of());
			for (int i = 0; i < plan.estimates().size(); i++) {
				Estimate e = plan.estimates().get(i);
				if (!SimulationInputs.appliesTo(x.getCell(), e.target())) continue;
				FitParameter q = e.parameter();
				RunUnit start;
				try {
					start = unitAt(x, e, q.initial());
				} catch (InputException | IllegalArgumentException ex) {
					throw new InputException(CellFiles.problemAt(plan.fit().getEstimates().get(i), Problem.Severity.ERROR, "estimate " + e.target()
							+ " (target " + x.getName() + "): " + (ex instanceof InputException ie ? ie.problem().message() : ex.getMessage())));
				}
				if (start.dfn() == null) continue;
				// a DFN cell's inputs record every value its solver takes: the same at two values, the estimate is none of them
				String a, b;
				try {
					a = unitAt(x, e, q.lower() + 0.25 * (q.upper() - q.lower())).hash();
					b = unitAt(x, e, q.lower() + 0.75 * (q.upper() - q.lower())).hash();
				} catch (InputException | IllegalArgumentException ex) {
					continue; // a value the cell cannot take: the evaluation that reaches it says so
				}
				if (a.equals(b))
					throw new InputException(CellFiles.problemAt(plan.fit().getEstimates().get(i), Problem.Severity.ERROR, "estimate "
							+ e.target() + " (target " + x.getName() + "): its value does not reach the simulation (the cell's own value"
							+ " takes its place, e.g. a layer's initial-stoichiometry or particle-radius before its material's)"));
			}
		}
	}

	/** The run unit of experiment x with estimate e at value (in the estimate's unit), the other values the cell's own. */
	private static RunUnit unitAt(Experiment x, Estimate e, double value) {
		return Plans.unit(x, x.getName(), null, true, Map.of(), Map.of(e.target(), Sweeps.quantity(value, e.unit())));
	}

	/**
	 * Runs the fit; progress and cancel through the options. The simulations run on {@code options.parallelism()}
	 * threads: all those of one Jacobian (its n + 1 points times the targets) are queued at once, so the cores stay busy
	 * however the targets' run times differ. The stopping tolerance is at least {@value #TOLERANCE}, the finite-difference
	 * step at least {@value #RELATIVE_STEP}.
	 */
	public FitResult run(Plan plan, FitOptions options) throws Exception {
		List<FitParameter> params = plan.estimates().stream().map(Estimate::parameter).toList();
		ResidualModel model = p -> residuals(plan, p);
		FitOptions o = options.withCancel(() -> cancel.requested() || options.cancelled().getAsBoolean())
				.withTolerance(Math.max(options.tolerance(), TOLERANCE)).withRelativeStep(Math.max(options.relativeStep(), RELATIVE_STEP))
				.withParallelism(params.size() + 1); // the points of a Jacobian: they only wait for their simulations
		try (RunExecutor pool = RunExecutor.local(options.parallelism())) {
			executor = pool;
			if (o.method() == FitOptions.Method.BRACKET) return Bracketing.run(p -> failures(bracketed(plan), p), params, o);
			return ParameterEstimation.run(model, params, o);
		} finally {
			executor = null;
			org.cellwright.lang.files.FileTrees.deleteTreeQuietly(scratch);
		}
	}

	/** The overrides of the targets' cells for parameter values p (in the estimates' units). */
	public static Map<String, Quantity> overrides(Plan plan, double[] p) {
		Map<String, Quantity> o = new LinkedHashMap<>();
		for (int i = 0; i < p.length; i++) {
			Estimate e = plan.estimates().get(i);
			o.put(e.target(), Sweeps.quantity(p[i], e.unit()));
		}
		return o;
	}

	/** The overrides of one target's cell: a material estimate applies to the targets whose cells use the material. */
	public static Map<String, Quantity> overrides(Plan plan, double[] p, org.cellwright.model.Cell cell) {
		Map<String, Quantity> o = overrides(plan, p);
		o.keySet().removeIf(target -> !SimulationInputs.appliesTo(cell, target));
		return o;
	}

	/** The targets' run units at parameters p, each a solid-state or a liquid-electrolyte (DFN) cell as 'run' maps it. */
	private List<RunUnit> units(Plan plan, double[] p) {
		List<RunUnit> units = new ArrayList<>();
		synchronized (modelLock) { // the EMF model is not thread-safe: map to solver inputs one at a time
			for (Target t : plan.targets())
				units.add(Plans.unit(t.experiment(), t.experiment().getName(), null, true, Map.of(), overrides(plan, p, t.experiment().getCell())));
		}
		return units;
	}

	/**
	 * The weighted residuals of every target at p: the targets' inputs are mapped on this thread (the model is not
	 * thread-safe), their simulations run in parallel on the fit's {@link RunExecutor}, the residuals joined in order.
	 */
	double[] residuals(Plan plan, double[] p) throws Exception {
		List<Double> r = each(plan, p, FitRunner::addResiduals);
		double[] out = new double[r.size()];
		for (int i = 0; i < out.length; i++) out[i] = r.get(i);
		return out;
	}

	/**
	 * A bracket fit's outcome at p: the expectations of its targets that fail, each as "experiment, check: expected E,
	 * simulated S", in order; simulated as {@link #residuals} simulates them.
	 */
	List<String> failures(Plan plan, double[] p) throws Exception {
		return each(plan, p, (out, t, unit, folder, checks) -> {
			for (Checks.Check c : checks.get())
				if (!c.pass()) out.add(c.experiment() + ", " + c.named() + ": expected " + c.expected() + ", simulated " + c.simulated());
		});
	}

	/** A bracket fit's plan: one estimate, targets by their expectations (a measurement has no pass or fail). */
	private static Plan bracketed(Plan plan) {
		for (Target t : plan.targets())
			if (t.measured() != null)
				throw new IllegalArgumentException("a bracket fit reads its targets' expectations, pass or fail; target "
						+ t.experiment().getName() + " is 'measured'");
		return plan;
	}

	/** What one evaluated target adds: from its run folder and (evaluated on demand) its checks. */
	private interface TargetReading<T> {
		void add(List<T> out, Target t, RunUnit unit, Path folder, Evaluated checks) throws IOException;
	}

	/** The checks of an evaluated target, evaluated when asked. */
	private interface Evaluated {
		List<Checks.Check> get();
	}

	/** Every target simulated at p in parallel on the fit's {@link RunExecutor}, what each adds joined in order. */
	private <T> List<T> each(Plan plan, double[] p, TargetReading<T> reading) throws Exception {
		List<RunUnit> units = units(plan, p);
		List<Future<List<T>>> parts = new ArrayList<>();
		for (int i = 0; i < units.size(); i++) {
			Target t = plan.targets().get(i);
			RunUnit unit = units.get(i);
			int target = i;
			parts.add(executor.submit(() -> evaluated(target, t, unit, reading)));
		}
		List<T> r = new ArrayList<>();
		try {
			for (Future<List<T>> f : parts) r.addAll(f.get());
		} catch (ExecutionException e) {
			for (Future<List<T>> f : parts) f.cancel(true);
			throw e.getCause() instanceof Exception ex ? ex : e;
		}
		return r;
	}

	/** One target's simulation (in a scratch folder, through the pipeline's {@link RunWriter}) and what it adds. */
	private <T> List<T> evaluated(int i, Target t, RunUnit unit, TargetReading<T> reading) throws IOException {
		List<T> r = new ArrayList<>();
		Files.createDirectories(scratch);
		Path folder = Files.createTempDirectory(scratch, "eval-");
		try {
			RunWriter.Outcome o = simulate(i, unit, folder); // on the mesh the target's first evaluation decided
			simulations.incrementAndGet();
			if (o.error() != null) throw new IOException("simulation of " + unit.name() + " failed: " + o.error().getMessage(), o.error());
			reading.add(r, t, unit, folder, () -> {
				synchronized (modelLock) {
					return Checks.evaluate(unit, o.summary().json(), folder);
				}
			});
		} finally {
			org.cellwright.lang.files.FileTrees.deleteTreeQuietly(folder);
		}
		return r;
	}

	/** A target's residuals: at the measured times (its time series read alone), else of its numeric expectations. */
	private static void addResiduals(List<Double> r, Target t, RunUnit unit, Path folder, Evaluated checks) throws IOException {
		if (t.measured() != null) addMeasured(r, t, CsvTable.read(folder.resolve(RunFiles.TIMESERIES), RunFiles.TIMESERIES_REQUIRED), unit.area());
		else addExpectations(r, t, checks.get());
	}

	/**
	 * Simulates every target once at parameter values p into {@code folder/<experiment>/}: a complete run folder with
	 * its checks and, for a measured target, its comparison with the measurement (the fit report's before/after).
	 * Simulations run in parallel; a target that fails leaves its folder marked so (its summary says why).
	 */
	public void keep(Plan plan, double[] p, Path folder) throws IOException {
		List<RunUnit> units = units(plan, p);
		for (int i = 0; i < units.size(); i++) units.set(i, on(units.get(i), pinned(i))); // on the mesh of the fit's evaluations
		try (RunExecutor pool = RunExecutor.local(Runtime.getRuntime().availableProcessors())) {
			List<Future<RunWriter.Outcome>> fs = new ArrayList<>();
			for (int i = 0; i < units.size(); i++) {
				RunUnit planned = units.get(i);
				Target t = plan.targets().get(i);
				Path f = folder.resolve(planned.name());
				Files.createDirectories(f);
				// a measured target's run keeps its measurement and names it in its inputs.json, as the pipeline's runs do
				RunUnit u = t.measured() == null || planned.inputs() == null ? planned
						: planned.withInputs(planned.inputs().withMeasured(MeasuredComparison.record(MeasuredComparison.Clause.of(t.experiment().getMeasured()),
								new MeasuredComparison.Measurement(t.measured(), null), f)));
				fs.add(pool.submit(() -> RunWriter.write(u, folder.getFileName().toString(), f, ProgressListener.NONE, cancel)));
			}
			for (int i = 0; i < fs.size(); i++) {
				Target t = plan.targets().get(i);
				Path f = folder.resolve(units.get(i).name());
				RunWriter.Outcome o;
				try {
					o = fs.get(i).get();
				} catch (ExecutionException | InterruptedException e) {
					continue; // the folder says what it has
				}
				if (o.error() != null) continue;
				synchronized (modelLock) {
					if (t.measured() != null)
						MeasuredComparison.write(f, t.experiment().getMeasured(), new MeasuredComparison.Measurement(t.measured(), null),
								units.get(i).area());
					Checks.write(f, units.get(i).name(), Checks.evaluate(units.get(i), o.summary().json(), f));
				}
			}
		}
	}

	/** How many simulations the fits of this runner have made. */
	public int simulations() {
		return simulations.get();
	}

	static void addExpectations(List<Double> r, Target t, List<Checks.Check> checks) {
		for (Checks.Check c : checks) {
			if (c.expectedValue() == null) continue; // a status: not a number to fit
			if (c.simulatedValue() == null) {
				r.add(t.weight() * MISSING_RESIDUAL);
				continue;
			}
			double scale = c.tolerance() != null && c.tolerance() > 0 ? c.tolerance() : 0.05 * Math.abs(c.expectedValue()) + 1e-12;
			double d = c.simulatedValue() - c.expectedValue();
			if (c.expected().startsWith("<")) d = Math.max(0, d);
			else if (c.expected().startsWith(">")) d = Math.min(0, d);
			r.add(t.weight() * d / scale);
		}
	}

	/** Residuals at every measured time; after the simulation's end the last simulated voltage stands. */
	static void addMeasured(List<Double> r, Target t, CsvTable timeseries, double areaM2) {
		double[] vm = t.measured().values(MeasuredQuantity.VOLTAGE);
		double[] current = t.measured().has(MeasuredQuantity.CURRENT) ? t.measured().values(MeasuredQuantity.CURRENT) : null;
		double[] vs = MeasuredComparison.simulated(timeseries, areaM2).voltageAt(t.measured().values(MeasuredQuantity.TIME), current);
		for (int i = 0; i < vm.length; i++) r.add(t.weight() * (vm[i] - vs[i]) / t.noise());
	}
}
