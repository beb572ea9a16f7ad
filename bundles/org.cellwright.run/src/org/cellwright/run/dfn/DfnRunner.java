package org.cellwright.run.dfn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunInfo;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.dfn.BernardiHeat;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.dfn.PowerProfile;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.numerics.dae.BdfIntegrator;

/**
 * Runs a protocol on a DFN cell ({@link DfnModel} with the variable-step BDF of {@code numerics.dae}) and streams
 * the results into a {@link ResultSink}, as {@link Simulation} does for solid-state cells, so that the one run writer
 * writes timeseries.csv, cycles.csv and summary.json of both alike.
 *
 * <p>Steps: constant current (current density, current, C-rate), constant power (the current an unknown with
 * V I = P: DfnModel.controlled), rest, set temperature; each ends at the first of its
 * cut-offs (voltage, crossed located by bisection on the integrator's dense output as in {@code DfnSimulation};
 * duration; charge passed), or at the solver's bound on a step without a duration ({@link Simulation#stepBound}).
 * After each step the integrator restarts from the state at the step's end (the current jumps). Sign convention of
 * the samples as for solid-state cells: positive current charges the cell (the DFN's own convention is the
 * opposite). Per sample: the open-circuit voltage at the electrodes' mean stoichiometries, lithium in the negative
 * electrode's particles as {@code host} and in the positive's as {@code cathode} of the lithium inventory; no
 * overpotential breakdown (empty columns).
 */
public final class DfnRunner {
	private DfnRunner() {}

	/** A current set per step. DFN convention: positive = discharge [A/m2]. */
	private static final class StepCurrent implements CurrentProfile, PowerProfile {
		double value;

		@Override
		public double at(double time) {
			return value;
		}
	}

	public static RunStatus run(DfnInputs in, ResultSink sink, ProgressListener progress) {
		return new Run(in, sink, progress).run();
	}

	private static final class Run {
		final DfnInputs in;
		final ResultSink sink;
		final ProgressListener progress;
		final List<StepSpec> steps;
		final StepCurrent current = new StepCurrent();
		/** Power of a constant-power step, DFN convention (positive = discharge) [W/m2]. */
		final StepCurrent power = new StepCurrent();
		/** Whether the current is an unknown of the state (a protocol with constant-power steps: DfnModel.controlled). */
		final boolean controlled;
		final DfnModel model;
		final BdfIntegrator bdf;
		final double nominalDensity;
		/** The lumped thermal model (null: isothermal); 'set temperature' sets the surroundings' temperature too. */
		LumpedThermal thermal;
		final double[] y;
		final int totalCycles;
		int stepIndex, cycle, firstSign;
		boolean seenOpposite;
		double cycleCharge, cycleDischarge, cycleStart, nextOutput;
		final List<StepResult> cycleSteps = new ArrayList<>();

		Run(DfnInputs in, ResultSink sink, ProgressListener progress) {
			this.in = in;
			this.sink = sink;
			this.progress = progress;
			steps = in.protocol().flatten();
			controlled = steps.stream().anyMatch(x -> x instanceof StepSpec.ConstantPower);
			model = controlled ? DfnModel.controlled(in.cell(), in.mesh(), current, power) : new DfnModel(in.cell(), in.mesh(), current);
			bdf = new BdfIntegrator(model, 2, in.relativeTolerance());
			nominalDensity = in.nominalCapacity() / in.area();
			thermal = in.thermal();
			y = new double[model.size()];
			totalCycles = estimateCycles(steps);
		}

		static int estimateCycles(List<StepSpec> steps) {
			int first = 0, n = 0;
			boolean opposite = false;
			for (StepSpec s : steps) {
				if (!(s instanceof StepSpec.ConstantCurrent cc) || cc.value() == 0) continue;
				int sg = (int) Math.signum(cc.value());
				if (first == 0) {
					first = sg;
					n = 1;
				} else if (sg != first) opposite = true;
				else if (opposite) {
					n++;
					opposite = false;
				}
			}
			return n;
		}

		RunStatus run() {
			sink.start(new RunInfo(in.cellName(), in.area(), Double.NaN, in.nominalCapacity(), true, steps.size(), totalCycles));
			int first = 0;
			double temperature = in.cell().temperature();
			for (; first < steps.size() && steps.get(first) instanceof StepSpec.SetTemperature t; first++) temperature = t.temperature();
			model.setTemperature(temperature);
			if (thermal != null && first > 0) thermal = new LumpedThermal(thermal.heatCapacityPerArea(), thermal.heatTransferCoefficient(),
					thermal.coolingAreaRatio(), temperature);
			if (!bdf.start(0, model.initialState(), 1e-3)) return notConverged(0, "no consistent initial state (the cell at rest)");
			emit(0, bdf.state(), 0, 0);
			nextOutput = in.outputInterval();
			for (stepIndex = first; stepIndex < steps.size(); stepIndex++) {
				if (progress.isCancelled()) return end(RunStatus.CANCELLED);
				StepSpec s = steps.get(stepIndex);
				RunStatus st = switch (s) {
					case StepSpec.SetTemperature t -> {
						model.setTemperature(t.temperature());
						if (thermal != null) thermal = new LumpedThermal(thermal.heatCapacityPerArea(), thermal.heatTransferCoefficient(),
								thermal.coolingAreaRatio(), t.temperature());
						yield null;
					}
					case StepSpec.ConstantCurrent cc -> step(currentDensity(cc), cc.cutoffs());
					case StepSpec.Rest rest -> step(0, rest.cutoffs());
					case StepSpec.ConstantPower cp -> powerStep(cp.powerDensity(), cp.cutoffs());
					// the mapping refuses these with a located error: only inputs made elsewhere end here
					default -> throw new IllegalArgumentException("step " + stepIndex + " (" + s + ") is not supported for DFN cells");
				};
				if (st != null) return end(st);
			}
			return end(RunStatus.COMPLETED);
		}

		/** Signed current density of a constant-current step, charge positive [A/m2]. */
		double currentDensity(StepSpec.ConstantCurrent cc) {
			return switch (cc.mode()) {
				case DENSITY -> cc.value();
				case CURRENT -> cc.value() / in.area();
				case C_RATE -> cc.value() * nominalDensity / 3600.0;
			};
		}

		/** One step at current i (charge positive) until its cut-offs; null to continue, else how the run ends. */
		RunStatus step(double i, List<Cutoff> cutoffs) {
			double t0 = bdf.time();
			startDirection((int) Math.signum(i));
			if (controlled) model.controlByPower(false);
			if (!applyCurrent(-i)) return notConverged(t0, "no consistent state at the start of the step (current " + i + " A/m2)");
			startHeat(t0);
			if (i != current0) emit(t0, bdf.state(), i, t0); // the state just after the current jumped (two rows at t0)
			current0 = i;
			double duration = Double.POSITIVE_INFINITY;
			StepEnd timeEnd = StepEnd.DURATION;
			for (Cutoff c : cutoffs) {
				if (c.kind() == Cutoff.Kind.DURATION && c.value() < duration) {
					duration = c.value();
					timeEnd = StepEnd.DURATION;
				}
				if (c.kind() == Cutoff.Kind.CAPACITY && i != 0 && c.value() / Math.abs(i) < duration) {
					duration = c.value() / Math.abs(i);
					timeEnd = StepEnd.CAPACITY;
				}
			}
			if (Double.isInfinite(duration)) {
				duration = Simulation.stepBound(nominalDensity, i);
				timeEnd = StepEnd.TIME_BOUND;
			}
			double tEnd = t0 + duration;
			// the step's time scale: its duration, or the time the nominal capacity lasts at this current
			double scale = i != 0 && nominalDensity > 0 ? Math.min(duration, nominalDensity / Math.abs(i)) : duration;
			bdf.setMaxStep(Math.min(in.maxStep(), scale / 20));
			double v = model.voltage(t0, bdf.state());
			if (crossed(cutoffs, v)) return endStep(StepEnd.VOLTAGE_CUTOFF, t0, i, v);
			while (true) {
				if (progress.isCancelled()) return RunStatus.CANCELLED;
				if (!bdf.step(tEnd, 1e-9)) {
					sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, bdf.time(), stepIndex, cycle, Double.NaN, String.format(
							Locale.ROOT, "warning: cycle %d, step %d: the DFN solver found no solution beyond t = %.1f s (step size underflow)",
							cycle, stepIndex, bdf.time())));
					if (i > 0) cycleCharge += i * (bdf.time() - t0);
					else cycleDischarge -= i * (bdf.time() - t0);
					recordStep(StepEnd.SOLVER_FAILURE, t0, i, model.voltage(bdf.time(), bdf.state()));
					return RunStatus.NOT_CONVERGED;
				}
				moved = true;
				double ta = bdf.previousTime(), tb = bdf.time();
				double vb = model.voltage(tb, bdf.state());
				if (!crossed(cutoffs, vb)) heat(ta, tb, bdf.state());
				if (crossed(cutoffs, vb)) {
					double lo = ta, hi = tb; // bisection for the crossing on the dense output
					for (int it = 0; it < 40; it++) {
						double mid = 0.5 * (lo + hi);
						bdf.interpolate(mid, y);
						if (crossed(cutoffs, model.voltage(mid, y))) hi = mid;
						else lo = mid;
					}
					bdf.interpolate(lo, y);
					heat(ta, lo, y);
					outputsBefore(lo, t0, i);
					bdf.interpolate(lo, y);
					double[] yc = y.clone();
					double vc = model.voltage(lo, yc);
					if (!bdf.start(lo, yc, Math.max(1e-3, 0.1 * (lo - ta)))) return notConverged(lo, "no consistent state at the voltage cut-off");
					return endStep(StepEnd.VOLTAGE_CUTOFF, t0, i, vc);
				}
				outputsBefore(tb, t0, i);
				if (in.outputInterval() <= 0 && tb < tEnd) emit(tb, bdf.state(), i, t0);
				progress.progress(tb, stepIndex, steps.size(), Math.max(cycle, 1), Math.max(totalCycles, 1));
				if (tb >= tEnd) {
					if (timeEnd == StepEnd.TIME_BOUND)
						sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, tb, stepIndex, cycle, vb, String.format(Locale.ROOT,
								"warning: cycle %d, step %d: no cut-off was reached; the step ended at the solver's bound of %.1f h", cycle,
								stepIndex, duration / 3600)));
					return endStep(timeEnd, t0, i, vb);
				}
			}
		}

		/** Bernardi's heat at the end of the last thermal step [W/m2] and its time (NaN: none yet in this step). */
		double heatAt = Double.NaN, heatTime = Double.NaN;

		/**
		 * The lumped thermal model's step (operator splitting, as DfnSimulation couples it): the temperature advances
		 * over [ta, tb] with Bernardi's heat (irreversible and entropic), the mean of its values at ta and at tb (the
		 * state y) when ta continues the last thermal step, else its value at tb; cooling implicit. The DAE's step over
		 * [ta, tb] saw the temperature at ta: that lag is the splitting's error, first order in the step
		 * (DfnThermalRunTest: the end temperature at 20 s steps against the default steps).
		 */
		void heat(double ta, double tb, double[] state) {
			if (thermal == null || tb <= ta) return;
			double qb = BernardiHeat.of(model, tb, state).total();
			double q = heatTime == ta ? 0.5 * (heatAt + qb) : qb;
			model.setTemperature(thermal.advance(model.temperature(), q, tb - ta));
			heatAt = qb;
			heatTime = tb;
		}

		/** The heat just after a step's current or power is set, where its first thermal step starts. */
		void startHeat(double t0) {
			if (thermal == null) return;
			heatAt = BernardiHeat.of(model, t0, bdf.state()).total();
			heatTime = t0;
		}

		/** The current of the step before [A/m2, charge positive]. */
		double current0;

		/** Whether any time has passed (before, the state is the initial one and may be built for the first current). */
		boolean moved;

		/**
		 * Sets the current (DFN convention) and makes the algebraic unknowns consistent with it, keeping the differential
		 * ones: before any time has passed from the model's initial state for that current (as DfnSimulation starts);
		 * later, if the jump is too large for one Newton solve, by continuation in the current (2, 4, ... 64 stages; no
		 * time passes, so the physics is unchanged).
		 */
		boolean applyCurrent(double value) {
			double old = current.value;
			current.value = value;
			if (!moved) return bdf.start(bdf.time(), model.initialState(), 1e-3) || continuation(old, value);
			return bdf.restart(1e-3) || continuation(old, value);
		}

		boolean continuation(double from, double to) {
			for (int stages = 2; stages <= 64; stages *= 2) {
				double[] saved = bdf.state().clone();
				boolean ok = true;
				for (int k = 1; k <= stages && ok; k++) {
					current.value = from + (to - from) * k / stages;
					ok = bdf.restart(1e-3);
				}
				if (ok) return true;
				current.value = from;
				if (!bdf.start(bdf.time(), saved, 1e-3)) return false;
				current.value = to;
			}
			return false;
		}

		/** Samples at the output interval's times in (last output, t) (not at t itself), from the dense output. */
		void outputsBefore(double t, double stepStart, double i) {
			if (in.outputInterval() <= 0) return;
			while (nextOutput < t) {
				bdf.interpolate(nextOutput, y);
				emit(nextOutput, y, i, stepStart);
				nextOutput += in.outputInterval();
			}
		}

		RunStatus endStep(StepEnd end, double stepStart, double i, double v) {
			double t = bdf.time();
			emit(t, bdf.state(), i, stepStart);
			if (in.outputInterval() > 0) while (nextOutput <= t) nextOutput += in.outputInterval();
			double h = t - stepStart;
			if (i > 0) cycleCharge += i * h;
			else cycleDischarge -= i * h;
			recordStep(end, stepStart, i, v);
			return null;
		}

		void recordStep(StepEnd end, double stepStart, double i, double v) {
			cycleSteps.add(new StepResult(stepIndex, cycle, end, stepStart, bdf.time(), i * (bdf.time() - stepStart), v));
		}

		static boolean crossed(List<Cutoff> cutoffs, double v) {
			for (Cutoff c : cutoffs) {
				if (c.kind() == Cutoff.Kind.VOLTAGE_ABOVE && v >= c.value()) return true;
				if (c.kind() == Cutoff.Kind.VOLTAGE_BELOW && v <= c.value()) return true;
			}
			return false;
		}

		void emit(double t, double[] state, double i, double stepStart) {
			emitCharge(t, state, i, i * (t - stepStart));
		}

		/** A sample at time t of the state; i the current (charge positive), stepCharge the charge passed in the step [C/m2]. */
		void emitCharge(double t, double[] state, double i, double stepCharge) {
			double[] eta = new double[OverpotentialKind.values().length];
			Arrays.fill(eta, Double.NaN);
			sink.sample(new Sample(t, stepIndex, cycle, model.voltage(t, state), i, model.temperature(), 0, stepCharge,
					model.openCircuitVoltage(state), eta, inventory(state)));
		}

		/** Current of a state, charge positive [A/m2] (the model's own convention is the opposite). */
		double currentOf(double t, double[] state) {
			return -model.current(t, state);
		}

		/**
		 * One step at constant power p (charge positive) [W/m2]: the model's current is an unknown with V I = P
		 * (DfnModel.controlled, controlByPower). Ends at its cut-offs as a current step does (a capacity after the step
		 * that reaches it); a power the cell cannot deliver ends the run with DfnSimulation's reason.
		 */
		RunStatus powerStep(double p, List<Cutoff> cutoffs) {
			double t0 = bdf.time();
			startDirection((int) Math.signum(p));
			power.value = -p;
			model.controlByPower(true);
			boolean ok = moved ? bdf.restart(1e-3) : bdf.start(t0, model.initialState(), 1e-3); // at t = 0: built for this power
			if (!ok) return notConverged(t0, "no consistent state at the start of the constant-power step (" + p + " W/m2)");
			startHeat(t0);
			moved = true;
			current0 = Double.NaN; // the next current step shows its jump
			double ia = currentOf(t0, bdf.state());
			emitCharge(t0, bdf.state(), ia, 0);
			double duration = Double.POSITIVE_INFINITY, capacity = Double.POSITIVE_INFINITY;
			for (Cutoff c : cutoffs) {
				if (c.kind() == Cutoff.Kind.DURATION) duration = Math.min(duration, c.value());
				if (c.kind() == Cutoff.Kind.CAPACITY) capacity = Math.min(capacity, c.value());
			}
			StepEnd timeEnd = StepEnd.DURATION;
			if (Double.isInfinite(duration)) {
				duration = Simulation.stepBound(nominalDensity, ia);
				timeEnd = StepEnd.TIME_BOUND;
			}
			double tEnd = t0 + duration;
			double scale = ia != 0 && nominalDensity > 0 ? Math.min(duration, nominalDensity / Math.abs(ia)) : duration;
			bdf.setMaxStep(Math.min(in.maxStep(), scale / 20));
			double q = 0;
			if (crossed(cutoffs, model.voltage(t0, bdf.state()))) return endPowerStep(StepEnd.VOLTAGE_CUTOFF, t0, q);
			while (true) {
				if (progress.isCancelled()) return RunStatus.CANCELLED;
				if (!bdf.step(tEnd, 1e-9) || !model.deliversPower(bdf.time(), bdf.state())) {
					double t = bdf.time();
					sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t, stepIndex, cycle, Double.NaN, String.format(Locale.ROOT,
							"warning: cycle %d, step %d: %s", cycle, stepIndex, model.deliversPower(t, bdf.state())
									? "the DFN solver found no solution beyond t = " + t + " s (step size underflow)" : DfnSimulation.undeliverable(model, t))));
					addCharge(q);
					cycleSteps.add(new StepResult(stepIndex, cycle, StepEnd.SOLVER_FAILURE, t0, t, q, model.voltage(t, bdf.state())));
					return RunStatus.NOT_CONVERGED;
				}
				double ta = bdf.previousTime(), tb = bdf.time();
				double ib = currentOf(tb, bdf.state());
				boolean cut = crossed(cutoffs, model.voltage(tb, bdf.state()));
				if (!cut) heat(ta, tb, bdf.state());
				if (cut) {
					double lo = ta, hi = tb;
					for (int it = 0; it < 40; it++) {
						double mid = 0.5 * (lo + hi);
						bdf.interpolate(mid, y);
						if (crossed(cutoffs, model.voltage(mid, y))) hi = mid;
						else lo = mid;
					}
					bdf.interpolate(lo, y);
					heat(ta, lo, y);
					powerOutputsBefore(lo, ta, ia, q);
					bdf.interpolate(lo, y);
					double ic = currentOf(lo, y);
					q += 0.5 * (ia + ic) * (lo - ta);
					if (!bdf.start(lo, y.clone(), Math.max(1e-3, 0.1 * (lo - ta)))) return notConverged(lo, "no consistent state at the voltage cut-off");
					return endPowerStep(StepEnd.VOLTAGE_CUTOFF, t0, q);
				}
				powerOutputsBefore(tb, ta, ia, q);
				q += 0.5 * (ia + ib) * (tb - ta);
				ia = ib;
				progress.progress(tb, stepIndex, steps.size(), Math.max(cycle, 1), Math.max(totalCycles, 1));
				if (Math.abs(q) >= capacity) return endPowerStep(StepEnd.CAPACITY, t0, q);
				if (tb >= tEnd) return endPowerStep(timeEnd, t0, q);
				if (in.outputInterval() <= 0) emitCharge(tb, bdf.state(), ib, q);
			}
		}

		/** Outputs in (last output, t) of a power step, the charge trapezoidal from (ta, q at ta). */
		void powerOutputsBefore(double t, double ta, double ia, double qa) {
			if (in.outputInterval() <= 0) return;
			while (nextOutput < t) {
				bdf.interpolate(nextOutput, y);
				double i = currentOf(nextOutput, y);
				emitCharge(nextOutput, y, i, qa + 0.5 * (ia + i) * (nextOutput - ta));
				nextOutput += in.outputInterval();
			}
		}

		RunStatus endPowerStep(StepEnd end, double stepStart, double q) {
			double t = bdf.time();
			emitCharge(t, bdf.state(), currentOf(t, bdf.state()), q);
			if (in.outputInterval() > 0) while (nextOutput <= t) nextOutput += in.outputInterval();
			addCharge(q);
			cycleSteps.add(new StepResult(stepIndex, cycle, end, stepStart, t, q, model.voltage(t, bdf.state())));
			return null;
		}

		void addCharge(double q) {
			if (q > 0) cycleCharge += q;
			else cycleDischarge -= q;
		}

		LithiumInventory inventory(double[] state) {
			return new LithiumInventory(0, 0, 0, 0, 0, 0, model.lithiumInSolid(state, 0), model.lithiumInSolid(state, 2));
		}

		/** Cycles as for solid-state runs: a cycle starts with the first direction and ends when it starts again after the other. */
		void startDirection(int sign) {
			if (sign == 0) return;
			if (firstSign == 0) {
				firstSign = sign;
				cycle = 1;
				cycleStart = bdf.time();
				return;
			}
			if (sign != firstSign) seenOpposite = true;
			else if (seenOpposite) {
				closeCycle();
				cycle++;
				seenOpposite = false;
				cycleStart = bdf.time();
			}
		}

		void closeCycle() {
			if (cycle == 0 || (cycleCharge == 0 && cycleDischarge == 0)) return;
			double firstDir = firstSign > 0 ? cycleCharge : cycleDischarge, second = firstSign > 0 ? cycleDischarge : cycleCharge;
			sink.cycle(new CycleSummary(cycle, cycleCharge, cycleDischarge, firstDir > 0 ? second / firstDir : Double.NaN, Double.NaN,
					cycleStart, bdf.time(), inventory(bdf.state()), cycleSteps));
			cycleSteps.clear();
			cycleCharge = 0;
			cycleDischarge = 0;
		}

		RunStatus notConverged(double t, String why) {
			sink.event(new SimulationEvent(SimulationEvent.Type.NOT_CONVERGED, t, stepIndex, cycle, Double.NaN,
					String.format(Locale.ROOT, "cycle %d, step %d, at %.1f s: %s", cycle, stepIndex, t, why)));
			return RunStatus.NOT_CONVERGED;
		}

		RunStatus end(RunStatus st) {
			closeCycle();
			sink.finish(st);
			return st;
		}
	}
}
