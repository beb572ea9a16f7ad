package org.cellwright.run.dfn;

import java.util.List;
import java.util.Locale;

import org.cellwright.lang.text.Printable;
import org.cellwright.solver.CycleBook;
import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunInfo;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.Simulation;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.StepEnd;
import org.cellwright.solver.dfn.CellModel;
import org.cellwright.solver.dfn.CurrentProfile;
import org.cellwright.solver.dfn.DfnModel;
import org.cellwright.solver.dfn.DfnSimulation;
import org.cellwright.solver.dfn.TransportPropertyGuard;
import org.cellwright.solver.dfn.DriveCycle;
import org.cellwright.solver.dfn.LocalHeat;
import org.cellwright.solver.dfn.LumpedThermal;
import org.cellwright.solver.dfn.PowerProfile;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.numerics.Continuation;
import org.cellwright.solver.numerics.CurrentAtCutoff;
import org.cellwright.solver.numerics.LargestPower;
import org.cellwright.solver.numerics.dae.CutoffLanding;
import org.cellwright.solver.numerics.dae.DaeStepper;
import org.cellwright.solver.numerics.dae.VariableOrderBdf;

/**
 * Runs a protocol on a DFN cell ({@link DfnModel} with the variable-order BDF {@link VariableOrderBdf}, driven through
 * {@link DaeStepper}; samples between step ends are solved states, {@link DaeStepper#solvedAt}) and streams
 * the results into a {@link ResultSink}, as {@link Simulation} does for solid-state cells, so that the one run writer
 * writes timeseries.csv, cycles.csv and summary.json of both alike.
 *
 * <p>Steps: constant current (current density, current, C-rate), constant power (the current an unknown with
 * V I = P: DfnModel.controlled), rest, set temperature; each ends at the first of its
 * cut-offs (voltage, landed on by steps of the integrator, {@link CutoffLanding}; duration; charge passed), where a
 * discharge has stripped all the lithium of a lithium-metal foil negative ({@link StepEnd#LITHIUM_EXHAUSTED}, located
 * by bisection on the dense output, with a warning naming cell, cycle and step; the run goes on with the next step), or
 * at the solver's bound on a step without a duration ({@link Simulation#stepBound}).
 * After each step the integrator restarts from the state at the step's end (the current jumps). Sign convention of
 * the samples as for solid-state cells: positive current charges the cell (the DFN's own convention is the
 * opposite). Per sample: the open-circuit voltage at the electrodes' mean stoichiometries, lithium in the negative
 * electrode's particles as {@code host}, in the positive's as {@code cathode} and a foil negative's lithium as
 * {@code foil} of the lithium inventory; no
 * overpotential breakdown (empty columns).
 */
public final class DfnRunner {
	private DfnRunner() {}

	/** A current (or power) set per step, constant or a profile from the step's start. DFN convention: positive = discharge. */
	private static final class StepCurrent implements CurrentProfile, PowerProfile {
		double value;
		/** The step's profile, or null for the constant value. */
		DriveCycle profile;
		double origin;
		/** The sign of the profile's piece being integrated, fixing the OCP branch (NaN: the current's own sign). */
		double branch = Double.NaN;

		void follow(DriveCycle p, double t0) {
			profile = p;
			origin = t0;
			branch = Double.NaN;
		}

		@Override
		public double at(double time) {
			return profile == null ? value : profile.at(time - origin);
		}

		@Override
		public double direction(double time) {
			return Double.isNaN(branch) ? at(time) : branch;
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
		final CellModel model;
		final DaeStepper bdf;
		final double nominalDensity;
		/** The lumped thermal model (null: isothermal); 'set temperature' sets the surroundings' temperature too. */
		LumpedThermal thermal;
		final double[] y;
		final int totalCycles;
		int stepIndex;
		double nextOutput;
		/** The run's cycles, kept as the solid-state runner's are (CycleBook); a full cell's efficiency, no specific capacity. */
		final CycleBook cycles;
		/** How the protocol's steps are named to a user ("cycle 5, step 3.2 (line 14)"), as the solid-state runner names them. */
		final org.cellwright.solver.input.StepNumbers numbers;

		Run(DfnInputs in, ResultSink sink, ProgressListener progress) {
			this.in = in;
			this.sink = sink;
			this.progress = progress;
			steps = in.protocol().flatten();
			numbers = org.cellwright.solver.input.StepNumbers.of(in.protocol());
			controlled = steps.stream().anyMatch(x -> x instanceof StepSpec.ConstantPower || x instanceof StepSpec.ConstantVoltage
					|| x instanceof StepSpec.Follow f && f.power());
			model = CellModel.of(in.cell(), in.mesh(), controlled, current, power); // a DfnModel, or a SingleParticleModel
			bdf = new VariableOrderBdf(model, VariableOrderBdf.MAX_ORDER, in.relativeTolerance());
			if (controlled) bdf.newton().controlled();
			// every unknown within Newton's bound, not only their RMS: the voltage is read from a few potentials among ~1400
			// unknowns, which the RMS test let keep tens of weights of error, so two states with the same concentrations read
			// 12 mV apart and a landing's bracket closed on a jump (BPX's blended cell at 0.2 C; docs/dfn.md, "How a step ends")
			else bdf.newton().setComponentShare(1);
			nominalDensity = in.nominalCapacity() / in.area();
			thermal = in.thermal();
			y = new double[model.size()];
			totalCycles = CycleBook.estimate(steps, true);
			// a liquid-electrolyte cell starts at its parameters' state of charge, not where its discharge ends: its first
			// cycle from the run's start has no efficiency (charged 5 min, discharged to its cut-off: 1 021 %)
			cycles = new CycleBook(true, Double.NaN, false, (c, last) -> sink.cycle(c))
					.stepsOf(steps); // the retention's same discharge steps
		}

		/** The current cycle's number (0 before the run's first direction). */
		int cycle() { return cycles.cycle(); }

		RunStatus run() {
			sink.start(new RunInfo(in.cellName(), in.area(), Double.NaN, in.nominalCapacity(), true, steps.size(), totalCycles, false, numbers));
			int first = 0;
			double temperature = in.cell().temperature();
			for (; first < steps.size() && steps.get(first) instanceof StepSpec.SetTemperature t; first++) temperature = t.temperature();
			model.setTemperature(temperature);
			if (thermal != null && first > 0) thermal = new LumpedThermal(thermal.heatCapacityPerArea(), thermal.heatTransferCoefficient(),
					thermal.coolingAreaRatio(), temperature);
			if (!bdf.start(0, model.initialState(), 1e-3)) return notConverged(0, "no consistent initial state (the cell at rest)");
			emitCharge(0, bdf.state(), 0, 0);
			nextOutput = in.outputInterval();
			for (stepIndex = first; stepIndex < steps.size(); stepIndex++) {
				if (progress.isCancelled()) return end(RunStatus.CANCELLED);
				StepSpec s = steps.get(stepIndex);
				RunStatus st = switch (s) {
					case StepSpec.SetTemperature t -> {
						double was = model.temperature();
						model.setTemperature(t.temperature());
						if (!consistentAt(was, t.temperature())) {
							double t0 = bdf.time();
							yield failStep(t0, t0, 0, lastVoltage, String.format(Locale.ROOT,
									"no consistent state at the new temperature (%.2f K to %.2f K)", was, t.temperature()));
						}
						if (thermal != null) thermal = new LumpedThermal(thermal.heatCapacityPerArea(), thermal.heatTransferCoefficient(),
								thermal.coolingAreaRatio(), t.temperature());
						yield null;
					}
					case StepSpec.ConstantCurrent cc -> step(currentDensity(cc), cc.cutoffs());
					case StepSpec.Rest rest -> step(0, rest.cutoffs());
					case StepSpec.ConstantPower cp -> powerStep(cp.powerDensity(), cp.cutoffs());
					case StepSpec.Follow f -> follow(f);
					case StepSpec.ConstantVoltage cv -> hold(cv.voltage(), cv.cutoffs());
					// the mapping refuses these with a located error: only inputs made elsewhere end here
					default -> throw new IllegalArgumentException("step " + stepIndex + " (" + s + ") is not supported for DFN cells");
				};
				if (st != null) return end(st);
			}
			return end(RunStatus.COMPLETED);
		}

		/** Signed current density of a current given in a mode (density, current, C-rate), charge positive [A/m2]. */
		double currentDensity(org.cellwright.solver.input.CurrentMode mode, double value) {
			return switch (mode) {
				case DENSITY -> value;
				case CURRENT -> value / in.area();
				case C_RATE -> value * nominalDensity / 3600.0;
			};
		}

		double currentDensity(StepSpec.ConstantCurrent cc) {
			return currentDensity(cc.mode(), cc.value());
		}

		/** Fresh starts of the integrator in a row after a failed step of a profile, before the step counts as failed. */
		static final int MAX_RESTARTS = 3;

		/** The current of the step before [A/m2, charge positive]. */
		double current0;

		/** The local heat (LocalHeat) at the end of the last thermal step [W/m2] and its time (NaN: none yet in this step). */
		double heatAt = Double.NaN, heatTime = Double.NaN;

		/**
		 * The lumped thermal model's step (operator splitting, as DfnSimulation couples it): the temperature advances
		 * over [ta, tb] with the local heat (LocalHeat: ohmic, reaction, reversible), the mean of its values at ta and at tb (the
		 * state y) when ta continues the last thermal step, else its value at tb; cooling implicit. The DAE's step over
		 * [ta, tb] saw the temperature at ta: that lag is the splitting's error, first order in the step
		 * (DfnThermalRunTest: the end temperature at 20 s steps against the default steps).
		 */
		void heat(double ta, double tb, double[] state) {
			if (thermal == null || tb <= ta) return;
			double qb = heatOf(tb, state);
			double q = heatTime == ta ? 0.5 * (heatAt + qb) : qb;
			model.setTemperature(thermal.advance(model.temperature(), q, tb - ta));
			heatAt = qb;
			heatTime = tb;
		}

		/** The heat just after a step's current or power is set, where its first thermal step starts. */
		void startHeat(double t0) {
			if (thermal == null) return;
			heatAt = heatOf(t0, bdf.state());
			heatTime = t0;
		}

		/** The heat of the state [W/m2]: the local heat (LocalHeat) of the DFN's fields or of the single-particle model's particles. */
		double heatOf(double t, double[] state) {
			return LocalHeat.of(model, t, state).total();
		}

		/** Whether any time has passed (before, the state is the initial one and may be built for the first current). */
		boolean moved;

		/** One step at current i (charge positive) until its cut-offs; null to continue, else how the run ends. */
		RunStatus step(double i, List<Cutoff> cutoffs) {
			double t0 = bdf.time();
			startDirection((int) Math.signum(i));
			toCurrentControl();
			double[] before = bdf.state().clone();
			double from = current.value;
			if (!applyCurrent(-i)) return beyondCarried(t0, i, before, from, cutoffs);
			Cutoff past = pastAtOnce(cutoffs, model.voltage(t0, bdf.state()));
			if (past != null) return pastAtStart(t0, past, before, from, String.format(Locale.ROOT, "the step's current %.4g A", Math.abs(i) * in.area()), false);
			if (i != current0) emitCharge(t0, bdf.state(), i, 0); // the state just after the current jumped (two rows at t0)
			current0 = i;
			return advance(t0, cutoffs, i, true, null, false);
		}

		/**
		 * The protocol's steps (as written: a repeat's steps are the same objects in every cycle) that ended at once past
		 * their cut-off: the step index of the warned one, how many times it ended so after it, the last cycle. A step in a
		 * repeat that ends at once every cycle (a charge at constant power after a hold to the same voltage) warned once a
		 * cycle: the first is warned, the later ones counted at the run's end, as the window's ends and the solid-state
		 * runner's steps crossed at once are (issue 13, session 20).
		 */
		final java.util.Map<StepSpec, int[]> atOnceEnds = new java.util.IdentityHashMap<>();

		/** Whether this step's at-once end (so) is the first of its protocol step (warned), else counted. */
		boolean firstAtOnce(StepEnd so) {
			int[] seen = atOnceEnds.get(steps.get(stepIndex));
			if (seen == null) {
				atOnceEnds.put(steps.get(stepIndex), new int[] {stepIndex, 0, 0, so.ordinal()});
				return true;
			}
			seen[1]++;
			seen[2] = cycle();
			return false;
		}

		/** Whether {@link #atOnce} warned about the step being ended (its window warning then left out, issue 13). */
		boolean warnedAtOnce;

		/** "its cut-off 3.6500 V", or "the cell's upper-voltage-cutoff 3.6500 V (its voltage window; ...)" for the window's. */
		static String cutoffText(Cutoff c) {
			boolean below = c.kind() == Cutoff.Kind.VOLTAGE_BELOW;
			return c.window() ? String.format(Locale.ROOT, "the cell's %s %.4f V (its voltage window; the step has no voltage cut-off %s it)",
					below ? "lower-voltage-cutoff" : "upper-voltage-cutoff", c.value(), below ? "below" : "above")
					: String.format(Locale.ROOT, "its cut-off %.4f V", c.value());
		}

		/** The voltage cut-off among a step's that voltage v is past by more than {@link CutoffLanding#END_TOLERANCE}, or null. */
		static Cutoff pastAtOnce(List<Cutoff> cutoffs, double v) {
			for (Cutoff c : cutoffs)
				if (crossed(c, v) && Math.abs(v - c.value()) > CutoffLanding.END_TOLERANCE) return c;
			return null;
		}

		/**
		 * The step's solved start (its current, power or profile's first sample set) is past cut-off c: it ends at once
		 * ({@link #endsAtOnce}) with the current the forcing took, the state and current before it put back (before, from).
		 *
		 * @param what the forcing as the warning names it: "the step's current 2.000 A", "the profile's first power 40.00 W"
		 */
		RunStatus pastAtStart(double t0, Cutoff c, double[] before, double from, String what, boolean isPower) {
			double i = currentOf(t0, bdf.state());
			String lead = String.format(Locale.ROOT, "the voltage is %.4f V the moment %s is set", model.voltage(t0, bdf.state()), what);
			toCurrentControl();
			return endsAtOnce(t0, i, before, from, c, lead, isPower);
		}

		/**
		 * A step of current i whose voltage is past its cut-off c the moment the current is set (a full cell charged, an
		 * empty one discharged): it ends at once by that cut-off, no charge passed, as a cycler ends it, at the current on
		 * its way to i where the voltage reaches the cut-off (bisection on the current, CurrentAtCutoff, shared with the
		 * solid-state runner's such steps, the concentrations held, as
		 * {@link #largestCurrent}); the cell is then left as the step found it. Before, the step's sample and end voltage
		 * were those at the full current: a full LFP cell charged at 1 C read 5.53 V, its positive's OCP fit evaluated past
		 * the stoichiometries it describes (docs/dfn.md, "How a step ends"). One warning names the step, the voltage the
		 * current would give, the cut-off (the cell's window where it is one) and the current where the step ended.
		 * A power step or a profile (drive cycle) whose power or first sample is past the cut-off the moment it is set ends
		 * the same way (issue 13, session 20): i is then the current its power or first sample took, the bisection is on
		 * the current under current control (on the branch the power is solved on, the power V I rises with the current up
		 * to the maximum power point, which lies below the voltage cut-offs of the cells in the library: on the way up the
		 * power and the current reach the cut-off together, and a bisection on the current has no fold to meet), and the
		 * warning gives the power there too. A power beyond what the state can give at all (session 21, {@link #beyondPower})
		 * ends so with i its maximum power point's current, where that lies past the cut-off.
		 * Where even the cell's rest voltage (its state at zero current) is past the cut-off (the NMC pouch BPX cell at its
		 * state of charge 1 reads 4.2018 V against its 4.2 V window), no current puts the voltage on it: the step ends
		 * at once as {@link StepEnd#PAST_CUTOFF_AT_REST} at that rest voltage, its one sample there at zero current, and
		 * the warning says so (session 21; before, recorded voltage-cutoff 1.8 mV off the cut-off).
		 *
		 * @param lead the warning's first clause: "the voltage is 4.2833 V the moment the step's power 10.00 W is set"
		 * @param isPower whether the step sets a power (the warning then names the power at the cut-off, and its way up)
		 */
		RunStatus endsAtOnce(double t0, double i, double[] before, double from, Cutoff c, String lead, boolean isPower) {
			double sign = Math.signum(-i);
			int direction = c.kind() == Cutoff.Kind.VOLTAGE_ABOVE ? 1 : -1;
			// the shared search of both runners (CurrentAtCutoff: a state without solution counts as beyond the cut-off)
			CurrentAtCutoff.Found f = CurrentAtCutoff.bisect(a -> restore(t0, before, from) && applyCurrent(sign * a)
					? model.voltage(t0, bdf.state()) : Double.NaN, Math.abs(i), c.value(), direction, CutoffLanding.TOLERANCE, 200);
			boolean on = f != null && Math.abs(f.voltage() - c.value()) <= CutoffLanding.END_TOLERANCE;
			// else the cell's rest voltage is past the cut-off (no trial before it), or no current lands on it (the last trial
			// before it more than 1 mV off: the voltage jumps between two currents)
			double vRest = !on && restore(t0, before, from) && applyCurrent(0) ? model.voltage(t0, bdf.state()) : Double.NaN;
			// no state at zero current (NaN) says nothing of the rest voltage: not past the cut-off at rest. With a trial
			// before the cut-off the step ends there (a jump); without one no state was found on the whole way from rest to
			// the current: the solver's failure, said so (mutation P3 of docs/solid-state-solver.md: a NaN was taken as past
			// the cut-off at rest; at zero current every reaction row is at j = 0 with the outer shells' concentrations,
			// solved wherever the OCPs are, so no cell of the session reached it)
			if (!on && Double.isNaN(vRest) && f == null) {
				restore(t0, before, from);
				return failStep(t0, t0, 0, lastVoltage, "no consistent state at zero current nor at any current on the step's way to "
						+ Math.abs(i) * in.area() + " A, whose voltage is past " + cutoffText(c));
			}
			boolean atRest = !on && direction * (vRest - c.value()) >= 0;
			double iEnd = on || !atRest && f != null ? -sign * f.current() : 0; // charge positive
			// the step's one sample: at the cut-off, at rest (not where the last sample is that state already: no repeated
			// row), or at the last current before the cut-off
			boolean sampled = atRest && from == 0 && lastSample >= t0;
			if (!sampled && restore(t0, before, from) && applyCurrent(-iEnd)) emitCharge(t0, bdf.state(), iEnd, 0);
			if (!restore(t0, before, from)) return failStep(t0, t0, 0, lastVoltage, "no consistent state at the start of the step");
			double vEnd = on || !atRest && f != null ? f.voltage() : vRest;
			String cutoff = cutoffText(c);
			String power = isPower ? String.format(Locale.ROOT, ", %.4g W", Math.abs(iEnd * vEnd) * in.area()) : "";
			StepEnd end = on ? StepEnd.VOLTAGE_CUTOFF : atRest ? StepEnd.PAST_CUTOFF_AT_REST : StepEnd.VOLTAGE_JUMP;
			String where = on ? String.format(Locale.ROOT, "the voltage reaches the cut-off at %.4g A (%.4g mA/cm2%s) on the %s's way up: the step "
					+ "ends there at once, at %.4f V, no charge passed", Math.abs(iEnd) * in.area(), Math.abs(iEnd) / 10, power, isPower ? "power" : "current", vEnd)
					: atRest ? StepEnd.pastCutoffAtRest(vEnd, c.value())
					: String.format(Locale.ROOT, "no current on the %s's way up lands on the cut-off: the voltage goes across it from %.4f V at %.4g A "
							+ "(%.4g mA/cm2%s); the step ends there at once, %.1f mV off its cut-off, no charge passed", isPower ? "power" : "current",
							vEnd, Math.abs(iEnd) * in.area(), Math.abs(iEnd) / 10, power, 1e3 * Math.abs(vEnd - c.value()));
			if (firstAtOnce(end)) sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t0, stepIndex, cycle(), vEnd, end.warning(numbers, cycle(), stepIndex, t0,
					String.format(Locale.ROOT, "%s, past %s; %s", lead, cutoff, where))));
			recordStep(end, t0, t0, 0, vEnd);
			current0 = Double.NaN; // the next step shows its own jump
			if (in.outputInterval() > 0) while (nextOutput <= t0) nextOutput += in.outputInterval();
			return null;
		}

		/**
		 * After the lumped thermal step moved the temperature (heat), the accepted state's algebraic unknowns, solved at
		 * the step's starting temperature (the splitting's lag), are solved again at the new one; where the voltage
		 * moves by more than {@link CutoffLanding#END_TOLERANCE} (1 mV) the integrator starts again from that state (with
		 * 0.1 mV it restarted at every step of a cell warming from -10 degC: 7814 samples and 17 s; with 1 mV 955 and 6.7 s,
		 * against 159 and about 2 s before).
		 * Mostly the lag moves the voltage by microvolts, but at a steep end it is magnified: the thermal LFP cell at -10 degC
		 * warming 0.11 K over a 17.7 s step near its cut-off (the positive's diffusivity, 80 kJ/mol, up 1.4 %, its
		 * surfaces at the OCP's wall) read 2.0925 V at the accepted state and 2.1616 V solved anew at the same time and
		 * concentrations (the cut-off's landing restarted there), a 69 mV rise in its curve (65 mV with Newton's RMS
		 * test, session 18; docs/dfn.md, "How a step ends", session 19).
		 */
		void retemper(double t) {
			if (thermal == null) return;
			double[] solved = bdf.state().clone();
			if (!bdf.newton().solveAlgebraic(t, solved, in.relativeTolerance())) return;
			if (!(Math.abs(model.voltage(t, solved) - model.voltage(t, bdf.state())) > CutoffLanding.END_TOLERANCE)) return;
			double[] kept = bdf.state().clone();
			if (bdf.start(t, solved, Math.max(1e-6, t - bdf.previousTime()))) retempered++;
			else bdf.start(t, kept, 1e-3);
		}

		/**
		 * The voltage change over an accepted step [V] beyond which {@link #retemper} solves its state again: the lag
		 * moves the voltage by more than 1 mV only where it is steep (each solve takes two factorisations, c = 0 and
		 * the stepper's again; done at every step, the thermal LFP cell's 3 C discharge took 5x as long).
		 */
		static final double STEEP = 5e-3;

		/** Accepted states {@link #retemper} solved again and restarted from (docs/dfn.md). */
		int retempered;

		/** Relative width within which {@link #largestCurrent} brackets the largest current a state carries. */
		static final double CURRENT_BRACKET = 1e-3;

		/**
		 * A current step whose current no state carries from the cell's state (no consistent algebraic state with the
		 * concentrations held: e.g. a particle surface emptied or saturated by the flux of its outer half-shell, the
		 * exchange current's c_s^b (c_max - c_s)^c gone to zero) ends at once, no charge passed, the state put back at the
		 * current before (the protocol goes on). Where the voltage passes the step's first cut-off on the current's way
		 * up, at a trial of {@link #pastOnTheWayUp} or at the largest current the state carries, it ends on that cut-off
		 * ({@link #endsAtOnce}, voltage-cutoff); else, the voltage still before the cut-off where the state stops carrying
		 * the current, as a power beyond the cell's maximum does: a voltage-jump end with no sample, a STEP_END warning
		 * with the largest current the state carries and the transport path nearest its limit there.
		 * Where even a small fraction of the current has no solution, or the state cannot be put back, the solver failed.
		 *
		 * @param i the step's current (charge positive) [A/m2]; before, from: the state and the (DFN-convention) current before it
		 */
		RunStatus beyondCarried(double t0, double i, double[] before, double from, List<Cutoff> cutoffs) {
			// the voltage past the step's first cut-off at a current the state carries: on the current's way up it reaches
			// the cut-off through the model, where a cycler ends the step (session 22: About:Energy's LFP cell at 0 degC,
			// full, charged at 1 C; no state carries its 2 A, and it ended as the current beyond what it carries, no
			// sample, where at 25 degC it ends on its cut-off)
			Cutoff first = firstCutoff(cutoffs, i);
			wayUpCarried = 0;
			wayUpFailed = Math.abs(i); // the step's own current, which no state carries (step, follow)
			double past = first == null ? Double.NaN : pastOnTheWayUp(t0, i, before, from, first);
			if (!Double.isNaN(past))
				return endsAtOnce(t0, Math.signum(i) * past, before, from, first, String.format(Locale.ROOT, "no state carries the step's current %.4g A "
						+ "(%.4g mA/cm2) from the cell's state; at %.4g A the voltage is %.4f V already", Math.abs(i) * in.area(), Math.abs(i) / 10,
						past * in.area(), pastVoltage), false);
			Carried most = largestCurrent(t0, -i, before, from, wayUpCarried, wayUpFailed, first);
			double v0 = lastVoltage;
			String nearest = most.nearest() != null ? "; there " + most.nearest() : "";
			String beyond = String.format(Locale.ROOT, "the current %.4g A (%.4g mA/cm2) is beyond what the cell can carry from its state: no state "
					+ "carries more than %.4g A (%.4g mA/cm2) with its concentrations as they are%s", Math.abs(i) * in.area(), Math.abs(i) / 10,
					most.current() * in.area(), most.current() / 10, nearest);
			// the voltage at the largest current carried past the first cut-off: on the current's way up it reaches the cut-off
			// before the state stops carrying the current, through the model, wherever the way up's trials fell (session 23:
			// About:Energy's LFP cell at -20 degC charged at 2 C passes 3.65 V at 0.19 A, between the trials 0.125 A and
			// 0.25 A, and carries 0.2148 A at 195.7 V; the library's Ecker 2015 cell at 100 C passes 2.5 V at 5.153 A and
			// carries 5.173 A at 1.809 V: both ended as a voltage-jump, no sample, though no voltage jumps across the cut-off)
			if (first != null && most.current() > 0 && restore(t0, before, from) && applyCurrent(-Math.signum(i) * most.current())) {
				double vMost = model.voltage(t0, bdf.state());
				if (crossed(first, vMost)) return endsAtOnce(t0, Math.signum(i) * most.current(), before, from, first,
						String.format(Locale.ROOT, "%s; the voltage there is %.4f V", beyond, vMost), false);
			}
			if (!restore(t0, before, from) || !(most.current() > 0))
				return failStep(t0, t0, 0, v0, "no consistent state at the start of the step (current " + i + " A/m2)");
			Cutoff through = cutoffBeyond(cutoffs, v0, i);
			recordStep(StepEnd.VOLTAGE_JUMP, t0, t0, 0, v0); // no charge passed, no sample at a current the protocol did not set
			sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t0, stepIndex, cycle(), v0, StepEnd.VOLTAGE_JUMP.warning(numbers, cycle(), stepIndex, t0,
					String.format(Locale.ROOT, "%s; %s at once: the step ends, no charge passed", beyond,
							through != null ? through(i, through) : "the voltage jumps"))));
			return null;
		}

		/**
		 * The smallest current magnitude [A/m2] among |i| 2^-10, 2^-9, ... (below |i|) at which the state before a step
		 * (before, at its current from; the concentrations held) has its voltage at or past cut-off c, NaN where a trial
		 * before it finds no state (the current the cell carries ends before the cut-off) or none is past it; its voltage
		 * in {@link #pastVoltage}. Upwards from small currents, whose states are found at once, before the search for the
		 * largest current carried ({@link #largestCurrent}, a bisection down from |i| whose trials beyond the state's reach
		 * each spend a continuation in up to 64 stages): a cut-off passed at a small share of the current (the full LFP
		 * cell at 0 degC charged at 1 C reaches 3.65 V at 0.6 mA) ends the step without it.
		 */
		double pastOnTheWayUp(double t, double i, double[] before, double from, Cutoff c) {
			for (double a = Math.abs(i) / 1024; a < Math.abs(i); a *= 2) {
				if (!restore(t, before, from) || !applyCurrent(-Math.signum(i) * a)) {
					wayUpFailed = a;
					return Double.NaN;
				}
				wayUpCarried = a;
				pastVoltage = model.voltage(t, bdf.state());
				if (crossed(c, pastVoltage)) return a;
			}
			return Double.NaN;
		}

		/** The voltage of {@link #pastOnTheWayUp}'s current past the cut-off [V]. */
		double pastVoltage;

		/**
		 * The largest current magnitude [A/m2] of {@link #pastOnTheWayUp}'s trials a state carries (0: none) and the
		 * first it found none for (the step's current where every trial was carried): the bracket its trials |i| 2^-k
		 * leave, which {@link #largestCurrent}'s bisection from [0, |i|] reaches through the same trials.
		 */
		double wayUpCarried, wayUpFailed;

		/**
		 * The largest current magnitude [A/m2] the state before a step carries in the direction of the demanded current
		 * (DFN convention), the concentrations held: bisection between 0 (the state's own current carried) and the
		 * demand on whether {@link #applyCurrent} finds a consistent state from the state before, to
		 * {@link #CURRENT_BRACKET} of the demand; with the transport limit nearest there ({@link DfnModel#transportLimit},
		 * null for other models). 0 where none is carried. It starts from the bracket [carried, failed] of
		 * {@link #pastOnTheWayUp}'s trials |i| 2^-k, which the bisection from [0, |i|] reaches through the same trials
		 * (|i|/2, |i|/4, ... failing down to the way up's first failure; the same trial from the same state gives the same
		 * answer): each failing trial spends a continuation of up to 64 stages, and the Ecker 2015 cell's 100 C discharge
		 * after 10 min of 1 C tried 7.8 A twice, 320 Jacobians each (docs/dfn.md, session 24). Where the
		 * voltage at the largest current carried is still before first (a cut-off, or null), the bracket is narrowed on to
		 * {@link #CURRENT_BRACKET} of that current, until the voltage there passes it (session 24).
		 */
		Carried largestCurrent(double t, double demand, double[] before, double from, double carried, double failed, Cutoff first) {
			double lo = carried, hi = failed, sign = Math.signum(demand);
			String nearest = null;
			if (lo > 0) {
				if (!restore(t, before, from) || !applyCurrent(sign * lo)) return new Carried(0, null);
				vCarried = model.voltage(t, bdf.state());
				if (model instanceof DfnModel dfn) nearest = dfn.transportLimit(t, bdf.state(), Double.POSITIVE_INFINITY);
			}
			// to CURRENT_BRACKET of the demand; then, while the voltage at the largest current carried is still before the
			// step's first cut-off, to CURRENT_BRACKET of that current (session 24: About:Energy's LFP cell at -20 degC, full,
			// discharged at 10 C, carries 1.250 A at a voltage above 2.0 V with 20 mA of bracket left, through which the voltage
			// falls to the cut-off on the way to its transport limit, the positive's surface saturated: it ended as a jump)
			while (hi - lo > CURRENT_BRACKET * Math.abs(demand)
					|| first != null && lo > 0 && !crossed(first, vCarried) && hi - lo > CURRENT_BRACKET * lo) {
				double mid = 0.5 * (lo + hi);
				if (!restore(t, before, from)) break;
				if (applyCurrent(sign * mid)) {
					lo = mid;
					vCarried = model.voltage(t, bdf.state());
					if (model instanceof DfnModel dfn) nearest = dfn.transportLimit(t, bdf.state(), Double.POSITIVE_INFINITY);
				} else hi = mid;
			}
			return new Carried(lo, nearest);
		}

		/** The voltage [V] at {@link #largestCurrent}'s largest current carried. */
		double vCarried;

		/** The largest current a state carries [A/m2, magnitude] and the transport limit nearest there (null: none named). */
		record Carried(double current, String nearest) {}

		/** The state before a step put back at its current (DFN convention) from: as the step found it. */
		boolean restore(double t, double[] before, double from) {
			current.value = from;
			return moved ? bdf.start(t, before.clone(), 1e-3) : bdf.start(t, model.initialState(), 1e-3); // start solves in the array it is given
		}

		/**
		 * A sampled profile (drive cycle) followed from now, looped to the step's end: a current profile as the step's
		 * current (its samples the integrator's breakpoints), a power profile with the current an unknown and V I = P(t)
		 * (DfnModel.controlled); ends at its cut-offs; a first power beyond the state's reach ends the step at once as a power
		 * step's ({@link #beyondPower}), a demand that rises past the state's maximum power point later ends it there
		 * ({@link #maximumPower}, a voltage-jump), and the protocol goes on.
		 */
		RunStatus follow(StepSpec.Follow f) {
			double t0 = bdf.time();
			double factor = f.power() ? 1 : currentDensity(f.mode(), 1);
			DriveCycle cycle = new DriveCycle(f.time(), f.value()).scaled(-factor); // DFN convention: positive discharges
			// an OCP with hysteresis switches its branch where the current changes sign: landed on as breakpoints
			if (model instanceof DfnModel dfn && dfn.hasHysteresis()) cycle = cycle.withZeroCrossings();
			double net = -factor * f.netIntegral(); // [C/m2 or J/m2 per period], positive: a net discharge (the step's one definition)
			startDirection((int) -Math.signum(net));
			toCurrentControl(); // the state and current as the step finds them, put back if it ends at once
			double[] before = bdf.state().clone();
			double from = current.value;
			if (f.power()) {
				power.follow(cycle, t0);
				model.controlByPower(true);
				boolean ok = moved ? bdf.restart(1e-3) : bdf.start(t0, model.initialState(), 1e-3);
				if (!ok) { // its first sample's power as a power step's: by continuation, else beyond the state's reach
					power.follow(null, 0);
					power.value = cycle.at(0);
					ok = rampPower(t0, cycle.at(0));
					power.follow(cycle, t0);
					if (!ok) return beyondPower(t0, -cycle.at(0), before, from, f.cutoffs(), "the profile's first power ");
					if (!bdf.restart(1e-3)) return failStep(t0, t0, 0, lastVoltage, "no consistent state at the start of the power profile " + Printable.escape(f.source()));
				}
				// its first sample solved past the maximum power point: on the rising branch, as a power step (powerStep)
				if (!onRisingBranch(t0, cycle.at(0), before, from)) return failStep(t0, t0, 0, lastVoltage, "no consistent state at the start of the "
						+ "power profile " + Printable.escape(f.source()) + " on the branch where the power rises with the current");
			} else {
				// a first value no state carries ends the step at once as a current step's does (the protocol goes on)
				if (!applyCurrent(cycle.at(0))) return beyondCarried(t0, -cycle.at(0), before, from, f.cutoffs());
			}
			// the window's side against the net direction bounds the profile's regeneration (Cutoff.withinWindow); a cell
			// past it already as the profile starts (a BPX cell at its state of charge 1 reads 4.2023 V against its 4.2 V)
			// is bounded there once its voltage is back inside the window (before, never: UDDS at 3 C from full charged a
			// BPX cell to 4.331 V); the step does not end at once for it, and says so
			Cutoff.Kind netSide = net > 0 ? Cutoff.Kind.VOLTAGE_BELOW : Cutoff.Kind.VOLTAGE_ABOVE;
			double v0 = model.voltage(t0, bdf.state());
			Cutoff past = f.cutoffs().stream().filter(c -> c.window() && c.kind() != netSide && crossed(c, v0)).findFirst().orElse(null);
			List<Cutoff> cutoffs = f.cutoffs().stream().filter(c -> c != past).toList();
			// a first sample past another cut-off (a discharge profile started at the empty cell's cut-off): on it at once,
			// as a current or power step (issue 13, session 20; before, its sample and end at the first sample's voltage)
			Cutoff pastNow = pastAtOnce(cutoffs, v0);
			if (pastNow != null) return pastAtStart(t0, pastNow, before, from, String.format(Locale.ROOT, "the profile's first %s %.4g %s",
					f.power() ? "power" : "current", Math.abs(cycle.at(0)) * in.area(), f.power() ? "W" : "A"), f.power());
			if (f.power()) moved = true;
			else current.follow(cycle, t0);
			current0 = Double.NaN; // the next current step shows its jump
			double i0 = currentOf(t0, bdf.state());
			emitCharge(t0, bdf.state(), i0, 0);
			double mean = Math.abs(net / cycle.period());
			// the reference current of a power profile: its mean power [W/m2] at the voltage it starts from, as the
			// solid-state runner takes a power step's (the mean power read as a current bounded WLTC at 20 W to 3.7 h)
			if (f.power()) mean /= Math.max(Math.abs(v0), 1.0);
			if (past != null)
				sink.event(new SimulationEvent(SimulationEvent.Type.INFO, t0, stepIndex, cycle(), v0, String.format(Locale.ROOT,
						"%s: the cell starts the profile at %.4f V, past its voltage window's %s bound %.4f V: the profile's "
								+ "%s is bounded there once the voltage is back inside the window", numbers.at(cycle(), stepIndex), v0,
						past.kind() == Cutoff.Kind.VOLTAGE_ABOVE ? "upper" : "lower", past.value(),
						past.kind() == Cutoff.Kind.VOLTAGE_ABOVE ? "regeneration" : "discharge")));
			return advance(t0, cutoffs, mean, false, cycle, false, past);
		}

		/**
		 * One step at constant power p (charge positive) [W/m2]: the model's current is an unknown with V I = P
		 * (DfnModel.controlled, controlByPower). Ends at its cut-offs (a capacity after the time step that reaches it, a
		 * current below its limit); a power the cell cannot deliver ends the run with DfnSimulation's reason.
		 */
		RunStatus powerStep(double p, List<Cutoff> cutoffs) {
			double t0 = bdf.time();
			startDirection((int) Math.signum(p));
			toCurrentControl(); // the state and current as the step finds them, put back if it ends at once
			double[] before = bdf.state().clone();
			double from = current.value;
			power.follow(null, 0);
			power.value = -p;
			model.controlByPower(true);
			boolean ok = moved ? bdf.restart(1e-3) : bdf.start(t0, model.initialState(), 1e-3); // at t = 0: built for this power
			if (!ok) ok = rampPower(t0, -p);
			if (!ok) return beyondPower(t0, p, before, from, cutoffs, "");
			// Newton's solve of V I = P from the state before may land past the maximum power point, on the branch of low
			// voltage and large current (About:Energy's LFP cell at 0 degC, 5 W after 3 C to 2.0 V: 0.7614 V at 6.57 A; the
			// state before, 2.0 V at 6 A, gave 12 W near its maximum, and a continuation in the power from there fell onto the
			// same branch): the state on the rising branch found by the current instead (onRisingBranch)
			if (!onRisingBranch(t0, -p, before, from)) return failStep(t0, t0, 0, lastVoltage, "no consistent state at the start of the constant-power "
					+ "step (" + p + " W/m2) on the branch where the power rises with the current");
			// past its cut-off the moment the power is set (an empty cell discharged, a full one charged): on the cut-off at once
			Cutoff past = pastAtOnce(cutoffs, model.voltage(t0, bdf.state()));
			if (past != null) return pastAtStart(t0, past, before, from, String.format(Locale.ROOT, "the step's power %.4g W", Math.abs(p) * in.area()), true);
			moved = true;
			current0 = Double.NaN;
			double ia = currentOf(t0, bdf.state());
			emitCharge(t0, bdf.state(), ia, 0);
			return advance(t0, cutoffs, ia, false, null, false);
		}

		/**
		 * A power step whose power p (charge positive) [W/m2] no state carries from the cell's state (its start and the
		 * continuation in the power failed): the power is beyond the largest the state gives ({@link #largestPower}, its
		 * maximum power point, the concentrations held). With a voltage cut-off ahead, the step ends at once as a cycler
		 * ends it while the power rises, no charge passed, the cell left as found, one warning: where the voltage at the
		 * maximum power point is past the cut-off, on the cut-off at the current where the voltage reaches it on the
		 * power's way up ({@link #endsAtOnce}: voltage-cutoff, its sample there); where the maximum power point lies before
		 * the cut-off (a cell whose voltage collapses well above it), at the maximum power point, the physics' own limit:
		 * voltage-jump (the voltage falls through the cut-off at any larger power, as a power step's integration that
		 * reaches its maximum power, {@link #maximumPower}) with its sample there and a warning saying so. Until session 21
		 * both ended as a voltage-jump at the previous step's voltage with no sample. The cut-off is the first in the power's
		 * direction (a step right after one that ended on that cut-off starts on or just past it: it was not "ahead" of the
		 * voltage before, and `discharge at 1000 W` after `discharge at 300 W until 2.5 V` ended the run NOT_CONVERGED). A
		 * power profile whose first sample is beyond reach ends the same way (what: "the profile's first power "). Without
		 * a cut-off in its direction, or where the power is within the state's reach, the solver failed.
		 */
		RunStatus beyondPower(double t0, double p, double[] before, double from, List<Cutoff> cutoffs, String what) {
			toCurrentControl();
			double[] most = restore(t0, before, from) ? largestPower(t0, -p) : new double[] {Double.NaN, Double.NaN};
			// the first cut-off in the power's direction (the voltage before may lie on or just past it: a step after one
			// ended on its cut-off; that cut-off was not "ahead" of it, and the step failed)
			Cutoff through = firstCutoff(cutoffs, p);
			double sign = Math.signum(-p); // DFN convention
			boolean beyond = most[0] < Math.abs(p) && !Double.isNaN(most[1]);
			if (!beyond || through == null) {
				restore(t0, before, from);
				return failStep(t0, t0, 0, lastVoltage, "no consistent state at the start of the constant-power step (" + p + " W/m2"
						+ (beyond ? String.format(Locale.ROOT, "; the cell gives at most %.4g W/m2 from its state", most[0]) : "") + ")");
			}
			double vMax = restore(t0, before, from) && applyCurrent(sign * most[1]) ? model.voltage(t0, bdf.state()) : Double.NaN;
			String lead = String.format(Locale.ROOT, "the cell cannot %s %s%.4g W (%.4g W/m2) from its state: at most %.4g W (%.4g W/m2), its maximum power "
					+ "point, at %.4f V and %.4g A (%.4g mA/cm2)", p > 0 ? "take" : "give", what, Math.abs(p) * in.area(), Math.abs(p), most[0] * in.area(),
					most[0], vMax, most[1] * in.area(), most[1] / 10);
			int ahead = through.kind() == Cutoff.Kind.VOLTAGE_ABOVE ? 1 : -1;
			if (!(ahead * (vMax - through.value()) <= -CutoffLanding.END_TOLERANCE)) // the cut-off on the power's way up, before its maximum
				return endsAtOnce(t0, -sign * most[1], before, from, through, lead, true);
			double iMax = -sign * most[1]; // charge positive
			emitCharge(t0, bdf.state(), iMax, 0); // the step's sample at its maximum power point
			if (!restore(t0, before, from)) return failStep(t0, t0, 0, vMax, "no consistent state at the start of the step");
			sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t0, stepIndex, cycle(), vMax, StepEnd.VOLTAGE_JUMP.warning(numbers, cycle(), stepIndex, t0,
					String.format(Locale.ROOT, "%s, %.1f mV before %s: the physics' own limit (no state of the cell gives more power; at any larger "
							+ "power the voltage %s through the cut-off); the step ends there at once, no charge passed", lead,
							1e3 * Math.abs(vMax - through.value()), cutoffText(through), p > 0 ? "rises" : "falls"))));
			recordStep(StepEnd.VOLTAGE_JUMP, t0, t0, 0, vMax);
			current0 = Double.NaN; // the next step shows its own jump
			if (in.outputInterval() > 0) while (nextOutput <= t0) nextOutput += in.outputInterval();
			return null;
		}

		/**
		 * The first voltage cut-off in the direction of a current or power i (charge positive): the lowest above in a
		 * charge, the highest below in a discharge; null if the step has none that way. Unlike {@link #cutoffBeyond} it
		 * does not ask the voltage before to lie before it (a step right after one ended on that cut-off starts on or
		 * just past it).
		 */
		static Cutoff firstCutoff(List<Cutoff> cutoffs, double i) {
			Cutoff first = null;
			for (Cutoff c : cutoffs)
				if (i > 0 ? c.kind() == Cutoff.Kind.VOLTAGE_ABOVE && (first == null || c.value() < first.value())
						: i < 0 && c.kind() == Cutoff.Kind.VOLTAGE_BELOW && (first == null || c.value() > first.value())) first = c;
			return first;
		}

		/** The relative decrease of the current at which {@link #risingBranch} solves the state under current control. */
		static final double BRANCH_PROBE = 1e-3;

		/**
		 * Whether the power-controlled state at t lies where the power V I rises with the current (dP/dI > 0, the branch a
		 * power step starts on from rest and a cycler holds), not past the maximum power point: the same concentrations
		 * solved under current control at a current {@link #BRANCH_PROBE} smaller give less power. Leaves the state and
		 * the power control as they were (true at zero power, and where the probe finds no state: nothing known against it).
		 */
		boolean risingBranch(double t) {
			double[] s = bdf.state().clone();
			double i = model.current(t, s), p = Math.abs(model.voltage(t, s) * i);
			if (!(p > 0)) return true; // no power (a profile's first sample at rest): no branch to choose
			toCurrentControl();
			double less = applyCurrent(i * (1 - BRANCH_PROBE)) ? Math.abs(model.voltage(t, bdf.state()) * i * (1 - BRANCH_PROBE)) : Double.NaN;
			model.controlByPower(true);
			if (!bdf.start(t, s, 1e-3)) return false; // not put back: started again from the state before
			return !(less >= p);
		}

		/**
		 * A power-controlled start (a power step's, a power profile's first sample: power p, DFN convention [W/m2]) on the
		 * branch where the power rises with the current. Where it has moved and its solve of V I = p landed past the maximum
		 * power point ({@link #risingBranch} false, at current i), the state of the rising branch is found by the current
		 * under current control from the state before (at its current from, the concentrations held): the first current
		 * on the way from 0 to |i| at which the power |V I| reaches |p| ({@link CurrentAtCutoff#bisect} on the power: below
		 * that current the power is less than p, between it and |i| more, so the search is monotone on its bracket), to
		 * {@link #RISING_TOLERANCE} of |p|; then power control from there, Newton's correction of the search's last step.
		 * False where no state is found. The model is left power-controlled.
		 */
		boolean onRisingBranch(double t0, double p, double[] before, double from) {
			if (!moved || risingBranch(t0)) return true;
			double i = model.current(t0, bdf.state()), sign = Math.signum(i);
			toCurrentControl();
			CurrentAtCutoff.Found f = CurrentAtCutoff.bisect(a -> restore(t0, before, from) && applyCurrent(sign * a)
					? Math.abs(model.voltage(t0, bdf.state()) * a) : Double.NaN, Math.abs(i), Math.abs(p), 1, RISING_TOLERANCE * Math.abs(p), 200);
			boolean found = f != null && restore(t0, before, from) && applyCurrent(sign * f.current());
			model.controlByPower(true);
			return found && bdf.restart(1e-3);
		}

		/** The relative tolerance of the power at which {@link #onRisingBranch} takes the current of the rising branch. */
		static final double RISING_TOLERANCE = 1e-8;

		/**
		 * The largest power [W/m2, magnitude] the state gives in the direction of a demanded power (DFN convention) and its
		 * current [A/m2, magnitude] (the maximum power point), the
		 * concentrations held ({@link LargestPower}, as the solid-state runner's StepEndLanding asks it): the state solved
		 * under current control at 1/16, 1/16 1.5, ... of the current the demand would need at the open-circuit voltage,
		 * up to where a trial gives the demand (within reach: {Infinity, NaN}), no state carries the current or the
		 * voltage turns against the demand, the largest refined by Brent's method ({0, NaN} where no trial gave power).
		 * The sweep is not bounded at twice that current (as until session 22): a cell's maximum power point may lie
		 * below half its open-circuit voltage (the Chen 2020 LG M50 cell's at 1.67 V of 4.18 V), so a power still rising
		 * there need not reach the demand (the cell at 60 degC gave 6487 W/m2, still rising, against the 6816 W/m2 of
		 * 700 W, and the step, read as within reach, ended its run NOT_CONVERGED). {@link #REACH} bounds it where the
		 * demand would need a voltage of a thousandth of the open-circuit voltage; still rising there counts as within
		 * reach. Leaves the model under current control.
		 */
		double[] largestPower(double t, double demand) {
			double iNeeded = Math.abs(demand / model.openCircuitVoltage(bdf.state())), sign = Math.signum(demand);
			toCurrentControl();
			LargestPower.Curve given = a -> carries(t, sign * a) ? model.voltage(t, bdf.state()) * a : Double.NaN;
			LargestPower.Sweep sweep = LargestPower.sweep(given, iNeeded / 16, LargestPower.RATIO, REACH * iNeeded, Math.abs(demand));
			// no state at its first current (a cold LFP cell after a hold, given 65 W: it carries 1.2 A at most): from
			// currents a thousand times smaller up to that one (it ended the run NOT_CONVERGED, no power found at all)
			if (sweep.failedFirst(iNeeded / 16))
				sweep = LargestPower.sweep(given, iNeeded / 16 / 1024, LargestPower.RATIO, iNeeded / 16, Math.abs(demand));
			return !Double.isNaN(sweep.reached()) || sweep.rising() ? new double[] {Double.POSITIVE_INFINITY, Double.NaN}
					: LargestPower.refine(given, sweep, LargestPower.RATIO);
		}

		/**
		 * Whether a state at current i (DFN convention) is found from the present one ({@link #applyCurrent}: the
		 * concentrations held); where none is, the state and current before the trial are put back. A failed Newton solve
		 * or continuation leaves its last iterate in the stepper, and before any time has passed {@link #applyCurrent}'s
		 * continuation starts from the initial state built for i, not from the state before: {@link #largestPower}'s
		 * trials, each reached by continuation from the one before, found no state after the first current without one,
		 * not even at currents solved just before (the fresh Chen 2020 cell at 60 degC: after 8813 A/m2 failed, 3917
		 * A/m2, solved by continuation from 2611 A/m2, failed too, and Brent's search saw no power on its bracket). So
		 * before any time has passed a trial that fails is tried again by continuation from the state before.
		 */
		boolean carries(double t, double i) {
			double[] kept = bdf.state().clone();
			double was = current.value;
			if (applyCurrent(i)) return true;
			current.value = was;
			if (!moved && bdf.start(t, kept.clone(), 1e-3)) {
				current.value = i;
				if (continuation(x -> current.value = x, was, i)) return true;
				current.value = was;
			}
			bdf.start(t, kept, 1e-3);
			return false;
		}

		/** The largest current {@link #largestPower} tries, in units of the current its demand would need at the open-circuit voltage. */
		static final double REACH = 1e3;

		/** The power [W/m2, magnitude] of the state solved under current control at current i (DFN convention), the concentrations held; NaN if none carries it. */
		double powerAt(double t, double i) {
			return applyCurrent(i) ? Math.abs(model.voltage(t, bdf.state()) * model.current(t, bdf.state())) : Double.NaN;
		}

		/**
		 * A power step's start where one Newton solve cannot reach its power (DFN convention, discharge positive) from the
		 * state: from the power the state gives now (none at the start, the cell at rest) to it by continuation, as
		 * {@link #applyCurrent} moves a current (no time passes).
		 */
		boolean rampPower(double t0, double target) {
			double from = moved ? model.voltage(t0, bdf.state()) * model.current(t0, bdf.state()) : 0;
			power.value = from;
			boolean ok = moved ? bdf.restart(1e-3) : bdf.start(t0, model.initialState(), 1e-3);
			if (ok) ok = continuation(x -> power.value = x, from, target);
			power.value = target;
			return ok;
		}

		/**
		 * A voltage hold at v [V]: potentiostatic control, the current unknown constrained by V = v (DfnModel.holdVoltage),
		 * reached from the present voltage by continuation when one Newton solve cannot; ends at its current limit (the
		 * current's magnitude falls below it), its duration or capacity.
		 */
		RunStatus hold(double v, List<Cutoff> cutoffs) {
			double t0 = bdf.time();
			double[] before = bdf.state().clone();
			double v0 = model.voltage(t0, before);
			model.holdVoltage(v);
			if (!bdf.restart(1e-3) && !continuation(model::holdVoltage, model.voltage(t0, bdf.state()), v))
				return failStep(t0, t0, 0, lastVoltage, String.format(Locale.ROOT, "no consistent state holding %.4f V (the cell was at %.4f V)", v, v0));
			current0 = Double.NaN;
			double ia = currentOf(t0, bdf.state());
			// a current zero to the solver's resolution (a hold at the voltage the cell is at) gives the step no direction
			// yet; the hold's direction follows its current's (followHold)
			holdLithium = inventory(bdf.state()).total();
			holdSign = CycleBook.direction(ia, holdLithium);
			startDirection(holdSign);
			emitCharge(t0, bdf.state(), ia, 0);
			return advance(t0, cutoffs, ia, false, null, true);
		}

		/** The direction a hold's current has taken for the cycles (0: none yet), the cell's lithium [mol/m2] for {@link CycleBook#direction}. */
		int holdSign;
		double holdLithium;

		/**
		 * A hold's current i [A/m2, charge positive] after an accepted time step: its direction for the cycles follows
		 * the current's ({@link CycleBook#followHold}, the rule the solid-state runner's holds keep too), the step's charge
		 * so far counted in the cycle it passed in before a turn. The OCP branch (ZerothOrderHysteresis) and the current
		 * cut-off follow the current at every state already (DfnModel.branchCurrent, {@link #reached}).
		 */
		void followHold(double i) {
			holdSign = cycles.followHold(holdSign, i, holdLithium, bdf.time(), () -> inventory(bdf.state()), () -> {
				cycles.add(stepIn, stepOut);
				stepIn = stepOut = 0;
			});
		}

		/** The limit of a step's current cut-offs [A/m2] (the largest; a C-rate with the nominal capacity), NaN without one. */
		double currentLimit(List<Cutoff> cutoffs) {
			double limit = Double.NaN;
			for (Cutoff c : cutoffs) {
				double v = c.kind() == Cutoff.Kind.CURRENT_BELOW ? Math.abs(c.value())
						: c.kind() == Cutoff.Kind.CURRENT_BELOW_C_RATE ? Math.abs(c.value()) * nominalDensity / 3600.0 : Double.NaN;
				if (!Double.isNaN(v)) limit = Double.isNaN(limit) ? v : Math.max(limit, v);
			}
			return limit;
		}

		/**
		 * Integrates the step from t0 (the forcing set, the integrator started) until its first end: a voltage cut-off (not in
		 * a hold) or, where the current is not set (a hold, a power step), a current below its limit, each located by bisection
		 * on the dense output; its duration; a capacity (at a constant current as a duration, else after the time step that
		 * passes it); else the solver's bound at the reference current. The charge is integrated over the solved current
		 * (trapezoids, exact for a current linear between the breakpoints).
		 *
		 * @param iRef the step's reference current [A/m2] (its time scale: the time the nominal capacity lasts at it)
		 * @param constantCurrent whether the current is iRef throughout (a capacity then ends the step at its exact time)
		 * @param breaks a profile whose samples are landed on, or null
		 */
		RunStatus advance(double t0, List<Cutoff> cutoffs, double iRef, boolean constantCurrent, DriveCycle breaks, boolean holding) {
			return advance(t0, cutoffs, iRef, constantCurrent, breaks, holding, null);
		}

		/**
		 * As above, with a voltage cut-off {@code armed} (null: none) that the step's voltage is past at its start (a profile
		 * started beyond its window's other bound, {@link #follow}): it joins the step's cut-offs once the voltage is back
		 * inside it.
		 */
		RunStatus advance(double t0, List<Cutoff> cutoffs, double iRef, boolean constantCurrent, DriveCycle breaks, boolean holding, Cutoff armed) {
			startHeat(t0);
			double duration = Double.POSITIVE_INFINITY, capacity = Double.POSITIVE_INFINITY;
			StepEnd timeEnd = StepEnd.DURATION;
			for (Cutoff c : cutoffs) {
				if (c.kind() == Cutoff.Kind.DURATION && c.value() < duration) {
					duration = c.value();
					timeEnd = StepEnd.DURATION;
				}
				if (c.kind() == Cutoff.Kind.CAPACITY) capacity = Math.min(capacity, Math.abs(c.value()));
			}
			if (constantCurrent && iRef != 0 && capacity / Math.abs(iRef) < duration) {
				duration = capacity / Math.abs(iRef);
				timeEnd = StepEnd.CAPACITY;
				capacity = Double.POSITIVE_INFINITY;
			}
			double limit = constantCurrent || breaks != null ? Double.NaN : currentLimit(cutoffs);
			if (Double.isInfinite(duration)) {
				duration = Simulation.stepBound(nominalDensity, Double.isNaN(limit) ? iRef : limit);
				timeEnd = StepEnd.TIME_BOUND;
			}
			double tEnd = t0 + duration;
			// the step's time scale: its duration, or the time the nominal capacity lasts at the reference current
			double scale = iRef != 0 && nominalDensity > 0 ? Math.min(duration, nominalDensity / Math.abs(iRef)) : duration;
			bdf.setMaxStep(Math.min(in.maxStep(), scale / 20));
			// a current profile, linear between the landed samples: no implicit Euler's rectangles of it once BDF2 is reached
			bdf.setMinimumOrder(breaks != null && !model.isPowerControlled() ? 2 : 1);
			stepCutoffs = holding ? List.of() : cutoffs; // a field: an armed cut-off joins it, the landing reads it
			double q = 0, ia = currentOf(t0, bdf.state());
			stepIn = stepOut = 0;
			// a solved current (a power, a hold) counts its charge by the model's own quadrature; a set one by its trapezoids
			chargeOrigin = holding || model.isPowerControlled() ? model.chargePassed(bdf.state()) : Double.NaN;
			StepEnd at = reached(stepCutoffs, limit, t0, bdf.state());
			if (at == StepEnd.VOLTAGE_CUTOFF) atOnce(stepCutoffs, t0);
			if (at != null) return endStep(at, t0, q);
			// a step of set direction with no voltage cut-off ahead (no window either): it lands on the transport limit
			// (DfnModel.transportMargin) as on a cut-off, so that it ends inside the model's range (issue 13)
			DfnModel limited = toLimit(stepCutoffs, t0, breaks, holding, constantCurrent ? iRef : Double.NaN);
			if (limited != null && limited.transportMargin(t0, bdf.state()) <= CutoffLanding.TOLERANCE) { // at the limit already
				limitWarning(limited, bdf.time(), bdf.state(), " the moment the step's " + (model.isPowerControlled() ? "power" : "current")
						+ " is set; no charge passed");
				return endStep(StepEnd.VOLTAGE_JUMP, t0, q);
			}
			int restarts = 0;
			Stall stall = new Stall(t0, scale);
			// a voltage cut-off crossed by a step: landed on by shorter steps
			CutoffLanding landing = new CutoffLanding(bdf, limited != null ? limited::transportMargin : (t, s) -> margin(stepCutoffs, t, s));
			CutoffLanding.End ends = limited != null ? (t, s) -> limited.transportMargin(t, s) < 0 || reached(stepCutoffs, limit, t, s) != null
					: (t, s) -> reached(stepCutoffs, limit, t, s) != null;
			while (true) {
				if (progress.isCancelled()) return RunStatus.CANCELLED;
				double target = breaks == null ? tEnd : Math.min(tEnd, nextBreakpoint(t0, breaks));
				// landing: on its target, and on the output times before it (solved states, where the voltage is steep)
				target = landing.aim(target, in.outputInterval() > 0 ? nextOutput : Double.NaN);
				if (breaks != null && !switchBranch(t0, breaks)) return failStep(t0, bdf.time(), q, model.voltage(bdf.time(), bdf.state()),
						String.format(Locale.ROOT, "no consistent state on the OCP's other branch where the current changes sign (t = %.6g s)", bdf.time()));
				double[] before = bdf.state().clone();
				double tBefore = bdf.time(), vStart = model.voltage(tBefore, before);
				boolean stepped = bdf.step(target, 1e-9);
				// a stall: restarts that each gain next to no time before the integration stops again end the step (Stall)
				boolean stalled = !stepped && stall.stopped(tBefore);
				if (!stepped && !stalled && restarts < MAX_RESTARTS && bdf.start(tBefore, before, 1e-4)) {
					// a profile's sharp change (WLTC's power falling from 58 to 1 W/m2 within 0.1 s) can leave the history's
					// prediction where Newton does not converge: start afresh (order 1) from the last accepted state
					restarts++;
					stall.restarted(tBefore);
					continue;
				}
				if (stepped) restarts = 0;
				if (!stepped || !model.deliversPower(bdf.time(), bdf.state())) {
					double t = bdf.time();
					double[] last = bdf.state().clone();
					boolean delivers = model.deliversPower(t, last);
					double v = model.voltage(t, last), i = currentOf(t, last);
					// the last accepted state closes the curve where the step's record ends
					if (t > lastSample) emitCharge(t, last, i, q);
					// a constant power the cell stopped keeping up with: at its maximum power the voltage falls through its cut-off
					Cutoff through = cutoffBeyond(stepCutoffs, v, i);
					// or a transport path exhausted under the current: the voltage goes without bound as the state nears it
					// (also where the step has no voltage cut-off in its direction: a duration-only pulse past the cell's capacity)
					String exhausted = !stepped && model instanceof DfnModel dfn ? dfn.transportLimit(t, last) : null;
					// a power profile too (session 25): its demand rising past the state's maximum power point stops the integration
					// as a constant power's does (the Ecker 2015 cell at -20 degC, WLTC scaled to 5.7 W after UDDS at 10 C, 17.2 s
					// in at 1.742 W, ended its run NOT_CONVERGED "step size underflow"); that the profile's demand would fall again
					// later does not bring back the voltage, which falls through the cut-off at once where no state carries the power
					String atMaximum = !stepped && model.isPowerControlled() && through != null ? maximumPower(t, v, i, t0, breaks) : null;
					String cause = atMaximum != null ? atMaximum + (exhausted != null ? " as " + exhausted : "")
							: exhausted;
					StepEnd end = cause != null ? StepEnd.VOLTAGE_JUMP : StepEnd.SOLVER_FAILURE;
					sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t, stepIndex, cycle(), cause != null ? v : Double.NaN,
							end.warning(numbers, cycle(), stepIndex, t, cause != null
									? cause + (through != null
											? String.format(Locale.ROOT, "; %s: the step ends at %.4f V, %.1f mV before it", through(i, through), v,
													1e3 * Math.abs(v - through.value()))
											: String.format(Locale.ROOT, "; the step has no voltage cut-off %s it: it ends at %.4f V, where the cell "
													+ "cannot carry its current any longer", i < 0 ? "below" : "above", v))
									: stalled ? stall.describe(t)
									: delivers ? String.format(Locale.ROOT, "the DFN solver found no solution beyond t = %.1f s (step size underflow)", t)
									: DfnSimulation.undeliverable(model, t))));
					recordStep(end, t0, t, q, v);
					if (cause == null) return RunStatus.NOT_CONVERGED;
					if (in.outputInterval() > 0) while (nextOutput <= t) nextOutput += in.outputInterval();
					return null; // the next step starts from the concentrations reached (maximumPower left the model under current control)
				}
				moved = true;
				String property = TransportPropertyGuard.violation(model, bdf.state()); // a property function non-positive at a solved state
				if (property != null) return failStep(t0, bdf.time(), q, model.voltage(bdf.time(), bdf.state()), property);
				CutoffLanding.Outcome outcome = landing.stepped();
				if (outcome == CutoffLanding.Outcome.RETRY) continue;
				double ta = bdf.previousTime(), tb = bdf.time();
				boolean atCutoff = outcome == CutoffLanding.Outcome.LANDED;
				StepEnd end = atCutoff ? null : outcome == CutoffLanding.Outcome.CROSSED ? (limited != null ? StepEnd.VOLTAGE_JUMP : StepEnd.VOLTAGE_CUTOFF)
						: reached(stepCutoffs, limit, tb, bdf.state());
				if (end == StepEnd.VOLTAGE_CUTOFF && DfnSimulation.foilExhausted(model, tb, bdf.state())) end = StepEnd.LITHIUM_EXHAUSTED;
				if (end == null) heat(ta, tb, bdf.state());
				double ib = currentOf(tb, bdf.state());
				if (end != null) {
					double[] yb = bdf.state().clone();
					double vPast = model.voltage(tb, yb);
					String fallback = null; // why the step's end is not a state solved at the crossing
					double lo = landing.crossing(ends, ta, tb, true);
					bdf.solvedAt(lo, y);
					double vLo = model.voltage(lo, y);
					heat(ta, lo, y);
					outputsBefore(lo, ta, ia, q);
					bdf.solvedAt(lo, y);
					double qa = q, inA = stepIn, outA = stepOut, il = currentOf(lo, y);
					q = stepCharge(y, qa, ia, il, lo - ta);
					accumulate(ia, il, lo - ta, q - qa);
					if (!bdf.start(lo, y.clone(), Math.max(1e-3, 0.1 * (lo - ta)))) {
						// the interpolated state at the crossing has no consistent neighbour (a profile's steep change near
						// the end of a discharge): the step ends at the accepted state just past it
						if (!bdf.start(tb, yb, 1e-3))
							return failStep(t0, lo, q, vLo, "no consistent state at the " + (end == StepEnd.CURRENT_CUTOFF ? "current" : "voltage") + " cut-off");
						q = stepCharge(yb, qa, ia, ib, tb - ta);
						stepIn = inA;
						stepOut = outA;
						accumulate(ia, ib, tb - ta, q - qa);
						fallback = String.format(Locale.ROOT, "no consistent state at the crossing (t = %.6g s): the step ends at the accepted state past it", lo);
					}
					if (end == StepEnd.VOLTAGE_JUMP && limited != null) // the landing on the transport limit gave up: at its crossing
						limitWarning(limited, bdf.time(), bdf.state(), fallback != null ? "; " + fallback : "");
					if (end == StepEnd.VOLTAGE_CUTOFF) {
						String jump = offCutoff(stepCutoffs, lo, vLo, tb, vPast, outcome == CutoffLanding.Outcome.CROSSED ? landing.gaveUp() : null, fallback);
						if (jump != null) {
							end = StepEnd.VOLTAGE_JUMP;
							double t = bdf.time();
							sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t, stepIndex, cycle(), model.voltage(t, bdf.state()),
									end.warning(numbers, cycle(), stepIndex, t, jump)));
						}
					}
					return endStep(end, t0, q);
				}
				outputsBefore(tb, ta, ia, q);
				double qa = q;
				q = stepCharge(bdf.state(), qa, ia, ib, tb - ta);
				accumulate(ia, ib, tb - ta, q - qa);
				if (!atCutoff && Math.abs(model.voltage(tb, bdf.state()) - vStart) > STEEP) retemper(tb);
				ia = ib;
				if (holding) followHold(ib);
				if (armed != null && !crossed(armed, model.voltage(tb, bdf.state()))) { // back inside: the bound applies from here
					List<Cutoff> with = new java.util.ArrayList<>(stepCutoffs);
					with.add(armed);
					stepCutoffs = List.copyOf(with);
					armed = null;
				}
				progress.progress(tb, stepIndex, steps.size(), Math.max(cycle(), 1), Math.max(totalCycles, 1));
				if (atCutoff && limited != null) { // landed on the transport limit
					limitWarning(limited, tb, bdf.state(), "");
					return endStep(StepEnd.VOLTAGE_JUMP, t0, q);
				}
				if (atCutoff) return endStep(StepEnd.VOLTAGE_CUTOFF, t0, q);
				if (Math.abs(q) >= capacity) return endStep(StepEnd.CAPACITY, t0, q);
				if (tb >= tEnd) {
					if (timeEnd == StepEnd.TIME_BOUND)
						sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, tb, stepIndex, cycle(), model.voltage(tb, bdf.state()),
								StepEnd.TIME_BOUND.warning(numbers, cycle(), stepIndex, tb, String.format(Locale.ROOT,
										"no cut-off was reached; the step ended at the solver's bound of %.1f h", duration / 3600))));
					return endStep(timeEnd, t0, q);
				}
				if (in.outputInterval() <= 0 && !repeatsLastSample(tb, bdf.state(), ib)) emitCharge(tb, bdf.state(), ib, q);
			}
		}

		/**
		 * A row per accepted step is kept where it is not, to the table's reader, the sample before it again: one within
		 * {@link #ROW_GAP} of the last sample whose voltage moved less than {@link #ROW_VOLTAGE} and whose current less than
		 * {@link #ROW_CURRENT} of it is left out (the step's last accepted state is always sampled, {@link #endStep}, and
		 * where the integration stops). Where a power nears the cell's maximum power point (a drive cycle's power beyond
		 * the cold cell's reach, session 25) the voltage's rate grows without bound and the steps shrink to 1e-10 s:
		 * timeseries.csv had 40 rows within 0.2 ms before the fold, 0.01-0.05 mV apart (session 26).
		 */
		boolean repeatsLastSample(double t, double[] state, double i) {
			return t - lastSample < ROW_GAP && Math.abs(model.voltage(t, state) - lastVoltage) < ROW_VOLTAGE
					&& Math.abs(i - lastCurrent) < ROW_CURRENT * Math.abs(lastCurrent);
		}

		/** A row within this time of the last sample [s] ... */
		static final double ROW_GAP = 1e-3;
		/** ... whose voltage moved less than this [V] (the cut-offs' tolerance, issue 13's 1 mV) ... */
		static final double ROW_VOLTAGE = 1e-3;
		/** ... and its current less than this fraction of it, repeats it. */
		static final double ROW_CURRENT = 1e-2;

		/**
		 * The DFN model where a step lands on its transport limit (DfnModel.transportMargin), else null: a step of a set
		 * current or power (not a hold) with a direction and no voltage cut-off ahead of it (none of its own, no window of
		 * the cell), or a profile (drive cycle) with no voltage cut-off at all. Such a step past the cell's capacity ran on
		 * until the integration stopped, at a state past the model's range (surfaces at stoichiometry 0.00000, the voltage
		 * at -0.6 V) from which the next step found no consistent state.
		 * The direction of a set current is its own (set, charge positive; NaN for a power, whose current is solved): a
		 * rest has none. Its solved current, an unknown of the state where the protocol has a hold or a power step, is
		 * +-1e-15 A/m2 from Newton's iterates, and was taken as a direction: a rest after a drive cycle that ended on the
		 * window's 4.2 V at 60 degC (the Chen 2020 cell, its negative's surface at stoichiometry 0.99908, within 1e-3 of
		 * its range's end) ended at once as a voltage-jump, "where the cell cannot carry its current much longer", its
		 * 5 min not run (session 24).
		 */
		DfnModel toLimit(List<Cutoff> cutoffs, double t0, DriveCycle breaks, boolean holding, double set) {
			if (holding || !(model instanceof DfnModel dfn)) return null;
			// a profile changes direction: bounded where it has no voltage cut-off either way (the margin's side follows the current)
			if (breaks != null) return cutoffs.stream().noneMatch(c -> c.kind() == Cutoff.Kind.VOLTAGE_ABOVE || c.kind() == Cutoff.Kind.VOLTAGE_BELOW) ? dfn : null;
			double i = Double.isNaN(set) ? currentOf(t0, bdf.state()) : set;
			return i != 0 && cutoffBeyond(cutoffs, model.voltage(t0, bdf.state()), i) == null ? dfn : null;
		}

		/** The STEP_END warning of a step ended on its transport limit at state s (t), naming the exhausted path. */
		void limitWarning(DfnModel dfn, double t, double[] s, String more) {
			double v = model.voltage(t, s), i = currentOf(t, s);
			String named = dfn.transportLimit(t, s, DfnModel.EXHAUSTED + 2 * CutoffLanding.TOLERANCE);
			sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t, stepIndex, cycle(), v, StepEnd.VOLTAGE_JUMP.warning(numbers, cycle(), stepIndex, t,
					String.format(Locale.ROOT, "%s; the step has no voltage cut-off %s it: it ends at %.4f V, where the cell cannot "
							+ "carry its current much longer (the state landed on the limit, %.0e of the range from its end)%s",
							named != null ? named : "a transport path is nearly exhausted (a transport limit)", i < 0 ? "below" : "above", v, DfnModel.EXHAUSTED, more))));
		}

		/**
		 * Null where the step's end (the integrator's state) lies within {@link CutoffLanding#END_TOLERANCE} of the voltage
		 * cut-off it crossed, else the warning's text (issue 13: never an end off its cut-off recorded as on it): the
		 * voltages before and past the cut-off, the time within which it jumped, and why no solved state lies on it (the
		 * landing's bracket where it gave up, or the fallback). vLo: the voltage at lo, the crossing located on the dense
		 * output; vPast: that of the accepted state at tb past it.
		 */
		String offCutoff(List<Cutoff> cutoffs, double lo, double vLo, double tb, double vPast, CutoffLanding.Bracket bracket, String fallback) {
			double t = bdf.time(), v = model.voltage(t, bdf.state());
			Cutoff cut = null;
			for (Cutoff c : cutoffs)
				if ((c.kind() == Cutoff.Kind.VOLTAGE_ABOVE || c.kind() == Cutoff.Kind.VOLTAGE_BELOW)
						&& (cut == null || Math.abs(v - c.value()) < Math.abs(v - cut.value()))) cut = c;
			if (cut == null || Math.abs(v - cut.value()) <= CutoffLanding.END_TOLERANCE) return null;
			double before = cut.kind() == Cutoff.Kind.VOLTAGE_BELOW ? 1 : -1; // the side of the cut-off before it
			String from, to;
			double width;
			String why;
			if (bracket != null) { // the solved states at the ends of the landing's last bracket
				from = String.format(Locale.ROOT, "%.4f V at %.6g s", cut.value() + before * bracket.marginLo(), bracket.lo());
				to = String.format(Locale.ROOT, "%.4f V at %.6g s", cut.value() + before * bracket.marginHi(), bracket.hi());
				width = bracket.hi() - bracket.lo();
				why = String.format(Locale.ROOT, "the landing on it gave up after %d targets: %s", bracket.targets(), bracket.why());
			} else {
				from = String.format(Locale.ROOT, "%.4f V at %.6g s", vLo, lo);
				to = String.format(Locale.ROOT, "%.4f V at %.6g s", vPast, tb);
				width = tb - lo;
				why = "its crossing located on the dense output";
			}
			if (fallback != null) why += "; " + fallback;
			return String.format(Locale.ROOT, "the voltage went across the cut-off %.4f V from %s to %s (within %.3g s), where no solved state lies on "
					+ "it (%s); the step ends at %.4f V, %.1f mV off its cut-off", cut.value(), from, to, width, why, v, 1e3 * Math.abs(v - cut.value()));
		}

		/**
		 * A step whose voltage cut-off is crossed the moment its forcing is set (a current too large for the cell's state)
		 * ends at once with no charge passed: the warning says so with the voltage, where it is more than
		 * {@link CutoffLanding#END_TOLERANCE} past the cut-off (as the solid-state runner, no step end off its cut-off
		 * unsaid).
		 */
		void atOnce(List<Cutoff> cutoffs, double t) {
			double v = model.voltage(t, bdf.state());
			for (Cutoff c : cutoffs) {
				if (crossed(c, v) && Math.abs(v - c.value()) > CutoffLanding.END_TOLERANCE) {
					if (firstAtOnce(StepEnd.VOLTAGE_CUTOFF)) sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t, stepIndex, cycle(), v, StepEnd.VOLTAGE_CUTOFF.warning(numbers, cycle(), stepIndex, t,
							String.format(Locale.ROOT, "the voltage is %.4f V the moment the step's %s is set, past %s: the step ends at once, "
									+ "no charge passed", v, model.isPowerControlled() ? "power" : "current", cutoffText(c)))));
					warnedAtOnce = true; // one event, one warning: endStep adds no window warning of its own for it
					return;
				}
			}
		}

		/**
		 * The voltage cut-off a step's voltage v heads for with current i (charge positive): below it in a discharge, above
		 * it in a charge; null if the step has none.
		 */
		static Cutoff cutoffBeyond(List<Cutoff> cutoffs, double v, double i) {
			Cutoff out = null;
			for (Cutoff c : cutoffs) {
				boolean ahead = i < 0 ? c.kind() == Cutoff.Kind.VOLTAGE_BELOW && c.value() < v : c.kind() == Cutoff.Kind.VOLTAGE_ABOVE && c.value() > v;
				if (ahead && (out == null || Math.abs(c.value() - v) < Math.abs(out.value() - v))) out = c;
			}
			return out;
		}

		/** "the voltage falls (or rises) through the cut-off 2.5000 V": a step of current or power i (charge positive) past a limit of the physics. */
		static String through(double i, Cutoff c) {
			return String.format(Locale.ROOT, "the voltage %s through the cut-off %.4f V", i > 0 ? "rises" : "falls", c.value());
		}

		/** Relative increases of the current at which {@link #maximumPower} solves the cell's state. */
		static final double[] POWER_PROBES = {1e-3, 1e-2, 5e-2};
		/** How far above the demanded power a probe may deliver for the state to count as at its maximum power (relative). */
		static final double POWER_MARGIN = 1e-3;

		/**
		 * Where a constant-power step's integration stopped (step size underflow) at voltage v and current i: whether the cell
		 * is at the largest power its state can give. With the differential unknowns (concentrations) held, the algebraic
		 * state is solved under current control at currents |i| (1 + d), d in {@link #POWER_PROBES}; if none delivers more than
		 * (1 + {@link #POWER_MARGIN}) times the power V I of the last state, the power's constraint V I = P is at its fold
		 * (dP/dI = 0): no state carries the power any further, the current rises and the voltage falls without bound (a
		 * transport or kinetic limit, e.g. particle surfaces at saturation). A probe without a state (a current beyond what
		 * the state carries) gives no more power: the probes after it are not tried, and at least the first must be solved
		 * (session 22: About:Energy's LFP cell at 0 degC gave 0.003 % less power at 0.1 % more current and 0.7 % less at
		 * 1 %, but no state carried 5 % more, and the step's end at its maximum power point was recorded as the solver's,
		 * NOT_CONVERGED). Returns the warning's cause, or null (then the stop is the solver's). Leaves the model under
		 * current control (the next step sets its own forcing).
		 * A power profile (breaks, started at t0; null for a constant power) stops so where its demand rises past the
		 * state's maximum power point (session 25); the warning then gives the profile's power at t and at its next sample.
		 */
		String maximumPower(double t, double v, double i, double t0, DriveCycle breaks) {
			double demanded = Math.abs(v * i), best = 0, solved = Double.NaN, failed = Double.NaN;
			double tNext = breaks != null ? nextBreakpoint(t0, breaks) : Double.NaN, next = breaks != null ? Math.abs(power.at(tNext)) : Double.NaN;
			toCurrentControl();
			for (double d : POWER_PROBES) {
				double pd = powerAt(t, -i * (1 + d));
				if (Double.isNaN(pd)) {
					failed = d;
					break;
				}
				best = Math.max(best, pd);
				solved = d;
			}
			if (Double.isNaN(solved) || best > demanded * (1 + POWER_MARGIN)) return null;
			String demand = breaks == null ? String.format(Locale.ROOT, "its %.4g W (%.4g W/m2) beyond t = %.1f s", demanded * in.area(), demanded, t)
					: String.format(Locale.ROOT, "the profile's power beyond t = %.1f s, %.2f s into the profile (%.4g W, %.4g W/m2, there; %.4g W at its "
							+ "next sample, %.2f s into it)", t, t - t0, demanded * in.area(), demanded, next * in.area(), tNext - t0);
			return String.format(Locale.ROOT,
					"the cell cannot keep up %s: at %.4f V and %.4g A (%.4g mA/cm2) its state %s no more power "
							+ "at a larger current (at most %.4g W/m2 with up to %.1f %% more current%s): its maximum power point",
					demand, v, Math.abs(i) * in.area(), Math.abs(i) / 10, i < 0 ? "gives" : "takes", best, 100 * solved,
					Double.isNaN(failed) ? "" : String.format(Locale.ROOT, "; no state carries %.1f %% more", 100 * failed));
		}

		/** The distance of state y at t from the nearest voltage cut-off [V]: positive before it, negative past it (+inf: none). */
		double margin(List<Cutoff> cutoffs, double t, double[] state) {
			double v = model.voltage(t, state), m = Double.POSITIVE_INFINITY;
			for (Cutoff c : cutoffs) {
				if (c.kind() == Cutoff.Kind.VOLTAGE_ABOVE) m = Math.min(m, c.value() - v);
				if (c.kind() == Cutoff.Kind.VOLTAGE_BELOW) m = Math.min(m, v - c.value());
			}
			return m;
		}

		/**
		 * Which of a step's ends state y at t has reached: a lithium-metal foil negative with no lithium left under a
		 * stripping current, a voltage cut-off, or the current below limit (NaN: none).
		 */
		StepEnd reached(List<Cutoff> cutoffs, double limit, double t, double[] state) {
			if (DfnSimulation.foilExhausted(model, t, state)) return StepEnd.LITHIUM_EXHAUSTED; // a foil negative stripped bare
			if (crossed(cutoffs, model.voltage(t, state))) return StepEnd.VOLTAGE_CUTOFF;
			if (!Double.isNaN(limit) && Math.abs(currentOf(t, state)) <= limit) return StepEnd.CURRENT_CUTOFF;
			return null;
		}

		/**
		 * Current control (I = I(t)) at the present current, whatever set it before (a profile, a power, a hold): the start
		 * of the continuation to the next step's current.
		 */
		void toCurrentControl() {
			double now = model.current(bdf.time(), bdf.state());
			current.follow(null, 0);
			current.value = now;
			if (controlled) model.controlByPower(false);
		}

		/**
		 * Sets the current (DFN convention) and makes the algebraic unknowns consistent with it, keeping the differential
		 * ones: before any time has passed from the model's initial state for that current (as DfnSimulation starts);
		 * later, if the jump is too large for one Newton solve, by continuation in the current (2, 4, ... 64 stages; no
		 * time passes, so the physics is unchanged).
		 */
		boolean applyCurrent(double value) {
			double old = current.value;
			current.value = value;
			if (!moved) return bdf.start(bdf.time(), model.initialState(), 1e-3) || continuation(x -> current.value = x, old, value);
			return bdf.restart(1e-3) || continuation(x -> current.value = x, old, value) || fromScaledReactions(old, value);
		}

		/**
		 * The consistent state at current value (from old) found from the reaction currents scaled by value / old (0 for
		 * a rest) rather than from the old ones. A surface extrapolated from its outer shell with the old flux,
		 * c_s = c_last - (j / F)(R - r_last) / D, is near c_max after a cold high-rate discharge (the library's Ecker 2015
		 * cell at -20 degC, 2 C to 2.5 V: the positive's j about -3.8 A/m2 in the cells nearest its collector, D small): the
		 * Butler-Volmer rows there are far out on the stoichiometry barrier's slope, and Newton's correction of those j
		 * alternated in sign from cell to cell, no damping descended (docs/dfn.md). The continuation's last stage to
		 * zero current failed at every stage count. With j scaled the surfaces start near their shells'.
		 */
		boolean fromScaledReactions(double old, double value) {
			if (!(model instanceof DfnModel dfn) || old == 0) return false;
			double[] guess = bdf.state().clone(), saved = guess.clone();
			dfn.scaleReactionCurrents(guess, value / old);
			if (bdf.start(bdf.time(), guess, 1e-3)) return true;
			current.value = old; // as the continuation leaves a failure: the state before, the new current set
			bdf.start(bdf.time(), saved, 1e-3);
			current.value = value;
			return false;
		}

		/**
		 * The time [s] of the profile's (started at t0) next breakpoint after the integrator's: in the profile's time
		 * t - t0 rounds below a breakpoint the integrator landed on when t0 is no round number (0.09999999999990905 s of
		 * WLTC's 0.1 s sample after a hold that ended at 3625.893271602089 s), and that breakpoint again was a step of
		 * length 0, which no Newton solve converges for: the run ended there "step size underflow" (docs/dfn.md).
		 */
		double nextBreakpoint(double t0, DriveCycle breaks) {
			double b = breaks.nextBreakpoint(bdf.time() - t0);
			return t0 + b > bdf.time() ? t0 + b : t0 + breaks.nextBreakpoint(b);
		}

		/**
		 * On a current or power profile of a cell whose OCP has hysteresis (ZerothOrderHysteresis: its branch by the current's
		 * sign): fixes the branch to the sign of the profile's piece from here to its next breakpoint (the profile's zero
		 * crossings are breakpoints, DriveCycle.withZeroCrossings), so that the residual is smooth within every step, and
		 * where the sign changes restarts the integrator (order 1) from algebraic unknowns made consistent on the new
		 * branch. Stepped over inside a step, the switch (the whole gap at once) left Newton no converging step however
		 * short (docs/dfn.md, "OCP hysteresis"). False if no consistent state on the new branch is found.
		 */
		boolean switchBranch(double t0, DriveCycle breaks) {
			StepCurrent forcing = model.isPowerControlled() ? power : current; // a power's sign is its current's (V > 0)
			if (forcing.profile == null || !(model instanceof DfnModel dfn) || !dfn.hasHysteresis()) return true;
			double t = bdf.time(), next = nextBreakpoint(t0, breaks);
			double sign = Math.signum(forcing.at(0.5 * (t + next)));
			double was = Math.signum(forcing.direction(t));
			forcing.branch = sign;
			if (sign == was) return true;
			return bdf.restart(1e-4);
		}

		/**
		 * After 'set temperature' (the temperature already set to to, from was): the algebraic unknowns made consistent at
		 * the new temperature, the differential ones kept, by one Newton solve or else by continuation in the temperature,
		 * as a current jump is ({@link #applyCurrent}). Left at the old temperature's values, the next step's current was
		 * set from a state 62 K off its temperature: About:Energy's thermal LFP cell held at 3.65 V at 62 degC, set to
		 * 0 degC and discharged at 2 C found no consistent state at the step's start (docs/dfn.md). Before any time has
		 * passed the next step builds its state for the temperature itself.
		 */
		boolean consistentAt(double was, double to) {
			if (!moved || was == to) return true;
			return bdf.restart(1e-3) || continuation(model::setTemperature, was, to);
		}

		/**
		 * Moves a forcing (a current, a held voltage) from one value to another in 2, 4, ... 64 stages, no time passing
		 * ({@link Continuation}: a finer pass goes on from the last stage the pass before solved).
		 */
		boolean continuation(java.util.function.DoubleConsumer set, double from, double to) {
			return Continuation.run(set, new Continuation.Problem() {
				@Override
				public boolean solve() { return bdf.restart(1e-3); }

				@Override
				public double[] state() { return bdf.state().clone(); }

				@Override
				public boolean start(double[] state) { return bdf.start(bdf.time(), state, 1e-3); }
			}, from, to);
		}

		/** Samples at the output interval's times in (last output, t) (not at t itself), the charge from (ta, qa) as {@link #stepCharge}. */
		void outputsBefore(double t, double ta, double ia, double qa) {
			if (in.outputInterval() <= 0) return;
			while (nextOutput < t) {
				bdf.solvedAt(nextOutput, y);
				double i = currentOf(nextOutput, y);
				emitCharge(nextOutput, y, i, stepCharge(y, qa, ia, i, nextOutput - ta));
				nextOutput += in.outputInterval();
			}
		}

		/** Ends a step at the integrator's time with charge q passed [C/m2, charge positive]: the last sample and the step's record. */
		RunStatus endStep(StepEnd end, double stepStart, double q) {
			double t = bdf.time();
			if (end == StepEnd.LITHIUM_EXHAUSTED) {
				var foil = in.cell().lithiumMetal();
				sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t, stepIndex, cycle(), model.voltage(t, bdf.state()),
						end.warning(numbers, cycle(), stepIndex, t, String.format(Locale.ROOT,
								"cell %s: the lithium-metal foil %s is exhausted at t = %.1f s (its %.4g mol/m2 of %.1f um stripped); the step ends",
								Printable.escape(in.cellName()), Printable.escape(foil.name()), t, foil.lithium(), foil.thickness() * 1e6))));
			}
			double v = model.voltage(t, bdf.state());
			Cutoff window = end == StepEnd.VOLTAGE_CUTOFF ? Cutoff.windowAt(stepCutoffs, v, CutoffLanding.END_TOLERANCE) : null;
			boolean warned = warnedAtOnce;
			warnedAtOnce = false;
			if (window != null && !warned && windowEnds++ == 0) // the cell's voltage window, not the protocol, ended the step: said once, later ones counted
				sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, t, stepIndex, cycle(), v, end.warning(numbers, cycle(), stepIndex, t, StepEnd.windowEnd(window))));
			if (window != null && !warned) lastWindowCycle = cycle();
			// a step that ends where it starts (its cut-off crossed at once) has its sample at t already (DfnRunner.step):
			// emitted again, timeseries.csv repeated the row (a charge at 1 C until 4.2 V right after a rest at 4.199 V)
			if (t > lastSample) emitCharge(t, bdf.state(), currentOf(t, bdf.state()), q);
			if (in.outputInterval() > 0) while (nextOutput <= t) nextOutput += in.outputInterval();
			recordStep(end, stepStart, t, q, v);
			return null;
		}

		/** The voltage cut-offs of the step being run (the cell's window among them, {@link Cutoff#window}). */
		List<Cutoff> stepCutoffs = List.of();
		/** Steps the cell's voltage window ended, and the cycle of the last. */
		int windowEnds, lastWindowCycle;

		static boolean crossed(List<Cutoff> cutoffs, double v) {
			for (Cutoff c : cutoffs) if (crossed(c, v)) return true;
			return false;
		}

		/** Whether voltage v is at or past voltage cut-off c (false for other kinds of cut-off). */
		static boolean crossed(Cutoff c, double v) {
			return c.kind() == Cutoff.Kind.VOLTAGE_ABOVE && v >= c.value() || c.kind() == Cutoff.Kind.VOLTAGE_BELOW && v <= c.value();
		}

		/** A sample at time t of the state; i the current (charge positive), stepCharge the charge passed in the step [C/m2]. */
		/** The time [s] and voltage [V] of the last sample. */
		double lastSample = Double.NEGATIVE_INFINITY, lastVoltage = Double.NaN;
		/** The current of the last sample [A/m2, charge positive]. */
		double lastCurrent = Double.NaN;

		void emitCharge(double t, double[] state, double i, double stepCharge) {
			lastSample = t;
			lastCurrent = i;
			lastVoltage = model.voltage(t, state);
			double[] eta = model.overpotentials(t, state);
			sink.sample(new Sample(t, stepIndex, cycle(), lastVoltage, i, model.temperature(), 0, stepCharge,
					model.openCircuitVoltage(state), eta, inventory(state), thermal == null ? Double.NaN : heatOf(t, state)));
		}

		/** Current of a state, charge positive [A/m2] (the model's own convention is the opposite). */
		double currentOf(double t, double[] state) {
			return -model.current(t, state);
		}

		/** The step's charge passed in each direction so far [C/m2, both >= 0] (a drive cycle's regeneration charges). */
		double stepIn, stepOut;

		/** The model's charge coordinate (CellModel.chargePassed, DFN convention) at the step's start, NaN where it has none. */
		double chargeOrigin = Double.NaN;

		/**
		 * The step's charge passed up to state s [C/m2, charge positive]: where the model solves its current
		 * (DfnModel.controlled in power steps, profiles of power, voltage holds), the change of its charge coordinate since the
		 * step's start (CellModel.chargePassed: the time stepper's own quadrature, so charge and the particles' lithium
		 * agree); else qa plus the trapezoid of the current from ia to i over dt (exact for a current linear between the
		 * landed breakpoints).
		 */
		double stepCharge(double[] s, double qa, double ia, double i, double dt) {
			double qm = model.chargePassed(s);
			return Double.isNaN(qm) || Double.isNaN(chargeOrigin) ? qa + 0.5 * (ia + i) * dt : -(qm - chargeOrigin);
		}

		/**
		 * Adds dq, the step's charge over a time step in which the current went from ia to ib, to the step's charge and
		 * discharge: where the current keeps its sign all to one; where it crosses 0, split as the trapezoids on either side
		 * of the crossing (linear between), the difference between dq and their sum to the larger part.
		 */
		void accumulate(double ia, double ib, double dt, double dq) {
			double in, out;
			if (ia >= 0 && ib >= 0) {
				in = 0.5 * (ia + ib) * dt;
				out = 0;
			} else if (ia <= 0 && ib <= 0) {
				in = 0;
				out = -0.5 * (ia + ib) * dt;
			} else { // linear between: zero at the fraction ia / (ia - ib) of the interval
				double s = ia / (ia - ib), a = 0.5 * ia * s * dt, b = 0.5 * ib * (1 - s) * dt;
				in = Math.max(a, 0) + Math.max(b, 0);
				out = -(Math.min(a, 0) + Math.min(b, 0));
			}
			double rest = dq - (in - out); // the quadrature's difference from the trapezoids (0 without a charge unknown)
			if (in >= out) in += rest;
			else out -= rest;
			stepIn += in;
			stepOut += out;
		}

		LithiumInventory inventory(double[] state) {
			double foil = model.lithiumInFoil(state); // NaN: a porous negative
			return new LithiumInventory(Double.isNaN(foil) ? 0 : foil, 0, 0, 0, 0, 0, model.lithiumInSolid(state, 0), model.lithiumInSolid(state, 2));
		}

		/** A step started passing current of this sign (0: none): cycles as for solid-state runs ({@link CycleBook#startDirection}). */
		void startDirection(int sign) {
			cycles.startDirection(sign, bdf.time(), () -> inventory(bdf.state()));
		}

		/**
		 * Ends the run in a step the solver cannot go on with (no consistent state at its start or at its end, a property
		 * non-positive): the step's record (solver-failure, from stepStart to t with charge q and voltage v, for
		 * cycles.csv and summary.json) and the NOT_CONVERGED event naming cycle, step, time and why, as the solid-state
		 * runner does.
		 */
		RunStatus failStep(double stepStart, double t, double q, double v, String why) {
			recordStep(StepEnd.SOLVER_FAILURE, stepStart, t, q, v);
			return notConverged(t, why);
		}

		/** The step's record (how it ended, from stepStart to t, charge q [C/m2], voltage v), its charge added to the cycle's. */
		void recordStep(StepEnd end, double stepStart, double t, double q, double v) {
			cycles.add(stepIn, stepOut);
			stepIn = stepOut = 0; // counted once: a next step that fails at its start adds none of it again
			cycles.recordStep(stepIndex, end, stepStart, t, q, v);
		}

		RunStatus notConverged(double t, String why) {
			sink.event(new SimulationEvent(SimulationEvent.Type.NOT_CONVERGED, t, stepIndex, cycle(), Double.NaN,
					String.format(Locale.ROOT, "%s, at %.1f s: %s", numbers.at(cycle(), stepIndex), t, why)));
			return RunStatus.NOT_CONVERGED;
		}

		RunStatus end(RunStatus st) {
			if (windowEnds > 1) // as the solid-state runner's RunRecorder.reportLaterEnds words it
				sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, bdf.time(), stepIndex, cycle(), windowEnds - 1,
						StepEnd.VOLTAGE_CUTOFF.laterEnds(windowEnds - 1, lastWindowCycle)));
			atOnceEnds.values().stream().filter(x -> x[1] > 0).sorted(java.util.Comparator.comparingInt(x -> x[0])).forEach(x ->
					sink.event(new SimulationEvent(SimulationEvent.Type.STEP_END, bdf.time(), x[0], cycle(), x[1], String.format(Locale.ROOT,
							"warning: %s of the protocol ended at once past its voltage cut-off %d more time%s after the warning above (%s), "
									+ "the last in cycle %d", numbers.name(x[0]), x[1], x[1] == 1 ? "" : "s", StepEnd.values()[x[3]].label(), x[2]))));
			cycles.close(bdf.time(), () -> inventory(bdf.state()), true);
			sink.finish(st);
			return st;
		}
	}
}
