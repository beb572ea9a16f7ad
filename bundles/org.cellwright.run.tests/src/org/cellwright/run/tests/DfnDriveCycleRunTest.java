package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.run.InputException;
import org.cellwright.run.dfn.DfnRunner;
import org.cellwright.solver.CycleBook;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.RecordingSink;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;
import org.cellwright.solver.StepResult;
import org.cellwright.solver.physics.Constants;
import org.cellwright.testing.Cli;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drive cycles ({@code follow "UDDS.csv" current|power ...}) and voltage holds of liquid-electrolyte (DFN) cells, and
 * drive cycles of solid-state cells, run from .cell files: the charge passed is the integral of the scaled, looped profile; the step ends at its duration or
 * cut-off; the current follows the profile at its samples; a hold keeps V and ends when the current falls to its limit.
 */
class DfnDriveCycleRunTest {

	@TempDir Path tmp;

	static final Path CYCLES = Path.of("../../../shared/data/dfn-reference/drive-cycles");

	/** The small cell of DfnRunTest (20 Ah/m2: 1 C = 20 A/m2) with protocol D replaced. */
	String cell(String protocol) {
		return DfnRunTest.CELL.replace("protocol D { discharge at 1 C until 3.0 V }", "protocol D {\n" + protocol + "\n}");
	}

	RecordingSink run(String text) throws Exception {
		for (String f : List.of("UDDS.csv", "US06.csv", "WLTC.csv")) Files.copy(CYCLES.resolve(f), tmp.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		RecordingSink sink = new RecordingSink();
		Path file = Cli.write(tmp.resolve("t.cell"), text);
		assertEquals(RunStatus.COMPLETED, DfnRunner.run(DfnRunTest.inputs(file, "X"), sink, ProgressListener.NONE), sink.events.toString());
		return sink;
	}

	/** The (time, value) rows of a drive-cycle file, read here on their own (not by the code under test). */
	static double[][] rows(String name) throws Exception {
		List<double[]> r = Files.readAllLines(CYCLES.resolve(name)).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
				.map(l -> l.split(",")).map(a -> new double[] { Double.parseDouble(a[0].strip()), Double.parseDouble(a[1].strip()) }).toList();
		double[][] out = new double[2][r.size()];
		for (int k = 0; k < r.size(); k++) {
			out[0][k] = r.get(k)[0];
			out[1][k] = r.get(k)[1];
		}
		return out;
	}

	/** The profile's value at t, linear between rows, repeated with period last time + last interval. */
	static double at(double[][] p, double t) {
		double[] ts = p[0], vs = p[1];
		int n = ts.length;
		double period = 2 * ts[n - 1] - ts[n - 2];
		double u = t % period;
		for (int k = 1; k < n; k++)
			if (u <= ts[k]) return vs[k - 1] + (vs[k] - vs[k - 1]) * (u - ts[k - 1]) / (ts[k] - ts[k - 1]);
		return vs[n - 1] + (vs[0] - vs[n - 1]) * (u - ts[n - 1]) / (period - ts[n - 1]);
	}

	/** Integral of the repeated profile from 0 to end, on a 0.05 s grid (finer than every file's samples). */
	static double integral(double[][] p, double end) {
		int n = (int) Math.round(end / 0.05);
		double s = 0;
		for (int k = 0; k < n; k++) s += 0.5 * (at(p, k * 0.05) + at(p, (k + 1) * 0.05)) * 0.05;
		return s;
	}

	static double peak(double[][] p) {
		double m = 0;
		for (double v : p[1]) m = Math.max(m, Math.abs(v));
		return m;
	}

	@Test
	void aCurrentDriveCycleLoopsToItsDurationPassesTheProfilesChargeAndFollowsItAtItsSamples() throws Exception {
		RecordingSink sink = run(cell("follow \"UDDS.csv\" current scaled to 1 C for 30 min"));
		double[][] udds = rows("UDDS.csv");
		double scale = 20 / peak(udds); // 1 C of 20 Ah/m2 is 20 A/m2, the profile's largest magnitude
		StepResult step = sink.cycles.get(0).steps().get(0);
		assertEquals("duration", step.end().label());
		assertEquals(1800, step.endTime() - step.startTime(), 1e-6, "the 1370 s profile looped to 30 min");
		double expected = -scale * integral(udds, 1800); // the file's positive values discharge: negative charge
		double throughput = 0; // integral of |profile|, on the 0.05 s grid (the profile's zero crossings within 0.05 s)
		for (int k = 0; k < 36000; k++) throughput += 0.5 * (Math.abs(at(udds, k * 0.05)) + Math.abs(at(udds, (k + 1) * 0.05))) * 0.05 * scale;
		assertTrue(throughput > 1.5 * Math.abs(expected), "UDDS also charges (regenerative braking): " + expected + " of " + throughput);
		assertEquals(expected, step.charge(), 1e-7 * throughput, "net charge passed = integral of the scaled profile");
		var cycle = sink.cycles.get(0);
		assertEquals(expected, cycle.chargeCapacity() - cycle.dischargeCapacity(), 1e-7 * throughput, "the cycle's charge less its discharge: the net");
		assertEquals(throughput, cycle.chargeCapacity() + cycle.dischargeCapacity(), 1e-4 * throughput,
				"charge throughput (regeneration counts as charge) = integral of the profile's magnitude");
		// no charge step stored what the drive cycle gave back: no efficiency (it read discharge / regeneration, 590 % on WLTC)
		assertTrue(Double.isNaN(cycle.coulombicEfficiency()), "efficiency " + cycle.coulombicEfficiency());
		int atSamples = 0;
		for (Sample s : sink.samples) {
			double u = s.time() % 1371; // UDDS: samples every 1 s from 0 to 1369 s, period 1370 + 1 s
			if (s.time() > 0 && Math.abs(u - Math.rint(u)) < 1e-9) {
				assertEquals(-scale * at(udds, s.time()), s.current(), 1e-9, "at t = " + s.time() + " s");
				atSamples++;
			}
		}
		assertTrue(atSamples > 1700, "the integrator lands on the samples: " + atSamples + " of 1800");
		// Faraday: lithium leaves the negative particles as the charge passes. What the particles count is the time stepper's
		// quadrature of the current (the electrodes' reaction currents, which the positive's particles count alike: DfnModel's
		// charge coordinate), not the profile's exact integral (the step's charge); the two differ by the quadrature's error
		// and Newton's residual of the solid's charge balance. IDA's order choice fell to implicit Euler at the profile's
		// kinks, whose right-end rectangles of a rising or falling current drifted: 1.7 % of the net charge at the default
		// rtol 1e-4 (8.6e-3 of the throughput), 1.9e-3 at 1e-5 (9.9e-4: 99 % of the bound below). At order 2 and above once reached
		// (DaeStepper.setMinimumOrder, exact within a linear piece): 2.1e-3 and 5.7e-4 of the net (1.1e-3 and 3.0e-4 of the
		// throughput; docs/dfn.md, "Faraday's law over a drive cycle")
		RecordingSink tight = run(cell("follow \"UDDS.csv\" current scaled to 1 C for 30 min").replace("experiment X { cell C protocol D }",
				"experiment X { cell C protocol D solver { relative-tolerance = 1e-5 } }"));
		for (RecordingSink r : List.of(sink, tight)) {
			Sample first = r.samples.get(0), last = r.last();
			double negative = first.lithium().host() - last.lithium().host(), positive = last.lithium().cathode() - first.lithium().cathode();
			assertEquals(positive, negative, 1e-9 * throughput / Constants.F, "the negative's particles lose what the positive's gain: the same quadrature");
		}
		double loose = sink.last().lithium().host() - sink.samples.get(0).lithium().host();
		assertEquals(step.charge() / Constants.F, loose, 3e-3 * throughput / Constants.F, "at the default rtol 1e-4: within 3e-3 of the charge moved");
		assertEquals(step.charge() / Constants.F, tight.last().lithium().host() - tight.samples.get(0).lithium().host(), 1e-3 * throughput / Constants.F,
				"at rtol 1e-5 within 1e-3 of the charge moved, as DfnRunTest's constant current");
	}

	@Test
	void aDriveCycleEndsAtItsVoltageCutoff() throws Exception {
		RecordingSink sink = run(cell("follow \"US06.csv\" current scaled to 8 C until 3.2 V"));
		StepResult step = sink.cycles.get(0).steps().get(0);
		assertEquals("voltage-cutoff", step.end().label());
		assertEquals(3.2, sink.last().voltage(), 1e-3);
		for (Sample s : sink.samples) assertTrue(s.voltage() >= 3.2 - 1e-3, "above the cut-off until it ends: " + s.voltage() + " V at " + s.time());
	}

	@Test
	void aPowerProfileWithoutDurationRunsToItsCutoffNotToTheSolversBound() throws Exception {
		// a flat profile at about 1 C: the bound of a step without a duration passes twice the nominal capacity at the
		// profile's mean current; its mean power read as a current (W/m2 as A/m2, 3.7x too much) ended it at its bound
		// after 0.54 h with half the charge left, as WLTC at 20 W on the Chen cell after 3.7 h
		Files.writeString(tmp.resolve("flat.csv"), "# time [s],Power [kW]\n0,1\n60,1\n");
		RecordingSink sink = run(cell("follow \"flat.csv\" power scaled to 74 W/m2 until 3.0 V"));
		StepResult step = sink.cycles.get(0).steps().get(0);
		assertEquals("voltage-cutoff", step.end().label(), sink.events.toString());
		assertEquals(3.0, sink.last().voltage(), 1e-3);
		assertTrue(step.endTime() - step.startTime() > 2 * 20 * 3600 / 74.0, "past the old bound: " + (step.endTime() - step.startTime()) + " s");
	}

	@Test
	void aPowerDriveCycleHoldsVITimesIAtTheProfileAndDeliversItsEnergy() throws Exception {
		RecordingSink sink = run(cell("follow \"WLTC.csv\" power scaled to 40 W/m2 for 15 min"));
		double[][] wltc = rows("WLTC.csv");
		double scale = 40 / peak(wltc);
		StepResult step = sink.cycles.get(0).steps().get(0);
		assertEquals("duration", step.end().label());
		assertEquals(900, step.endTime() - step.startTime(), 1e-6);
		double energy = 0;
		for (int k = 1; k < sink.samples.size(); k++) {
			Sample a = sink.samples.get(k - 1), b = sink.samples.get(k);
			energy -= 0.5 * (a.voltage() * a.current() + b.voltage() * b.current()) * (b.time() - a.time());
			assertEquals(scale * at(wltc, b.time()), -b.voltage() * b.current(), 1e-4 * 40, "V I = P(t) at t = " + b.time() + " s");
		}
		assertEquals(scale * integral(wltc, 900), energy, 1e-3 * scale * integral(wltc, 900), "energy = integral of the scaled profile");
	}

	@Test
	void aVoltageHoldDecaysTheCurrentMonotonicallyToItsLimitAndItsChargeIsTheLithiumMoved() throws Exception {
		// default tolerance (rtol 1e-4) and steps: the hold's charge is the time stepper's own quadrature (the positive's
		// particles' lithium, DfnModel.chargePassed), so charge and lithium agree exactly; trapezoids of the held current
		// differ from it by the quadratures' difference (1.2 % here)
		String protocol = "charge at 1 C until 3.65 V\n hold at 3.65 V until 0.05 C";
		RecordingSink sink = run(cell(protocol));
		List<StepResult> steps = sink.cycles.get(0).steps();
		assertEquals(List.of("voltage-cutoff", "current-cutoff"), steps.stream().map(r -> r.end().label()).toList());
		List<Sample> hold = sink.samples.stream().filter(s -> s.stepIndex() == 1).toList();
		assertTrue(hold.size() > 10, "" + hold.size());
		double previous = Double.POSITIVE_INFINITY;
		for (Sample s : hold) {
			assertEquals(3.65, s.voltage(), 1e-6, "the held voltage at t = " + s.time() + " s");
			assertTrue(s.current() > 0, "charging");
			assertTrue(s.current() <= previous + 1e-9, "the current decays: " + s.current() + " after " + previous + " at t = " + s.time());
			previous = s.current();
		}
		assertEquals(0.05 * 20, hold.get(hold.size() - 1).current(), 1e-3, "ends where the current reaches 0.05 C");
		// the hold's charge is the lithium moved (Faraday), to rounding, in both electrodes
		double q = steps.get(1).charge();
		Sample a = hold.get(0), b = hold.get(hold.size() - 1);
		assertEquals(q, b.stepCapacity(), 1e-9 * q, "the samples' charge column ends at the step's charge");
		assertEquals(q / Constants.F, b.lithium().host() - a.lithium().host(), 1e-6 * q / Constants.F, "lithium into the negative particles");
		assertEquals(-q / Constants.F, b.lithium().cathode() - a.lithium().cathode(), 1e-6 * q / Constants.F, "out of the positive's");
		assertEquals(q, sink.cycles.get(0).chargeCapacity() - steps.get(0).charge(), 1e-9 * q, "the cycle counts the hold's charge");
		// and it is the integral of the held current: the trapezoids of the samples' current to the step sizes' accuracy
		double trapezoids = 0;
		for (int k = 1; k < hold.size(); k++)
			trapezoids += 0.5 * (hold.get(k - 1).current() + hold.get(k).current()) * (hold.get(k).time() - hold.get(k - 1).time());
		assertEquals(q, trapezoids, 0.02 * q);
		// which converges: the same protocol at rtol 1e-7 with 5 s steps passes the same charge (charge and hold: 5e-5 apart;
		// the hold's alone 8e-5, where the trapezoids at default tolerance are 1.2 % off)
		RecordingSink tight = run(cell(protocol).replace("experiment X { cell C protocol D }",
				"experiment X { cell C protocol D solver { relative-tolerance = 1e-7  max-step = 5 s } }"));
		List<StepResult> t = tight.cycles.get(0).steps();
		assertEquals(t.get(0).charge() + t.get(1).charge(), steps.get(0).charge() + q, 3e-4 * (steps.get(0).charge() + q));
		assertEquals(t.get(1).charge(), q, 3e-4 * q);
	}

	/**
	 * A hold at the voltage the fresh cell rests at carries a current zero to the solver's resolution: it gives its step
	 * no direction (CycleBook.direction, as in solid-state runs), so cycle 1 starts with the discharge after it (the
	 * charged cell's first discharge, alone in cycle 1; the charge after it and the next discharge are cycle 2). The DFN
	 * runner took the sign of any current a hold started with: a rounding-level one opened cycle 1 at the hold.
	 */
	@Test
	void aHoldAtTheRestingVoltageGivesItsStepNoDirection() throws Exception {
		Sample rest = run(cell("rest for 10 s")).samples.getLast();
		// 10 pV above it: a charging current of rounding level (9e-9 A/m2) (at the resting voltage itself the current is 0 exactly)
		double v = rest.voltage() + 1e-11, zero = CycleBook.DIRECTIONLESS_SHARE_PER_HOUR * rest.lithium().total() * Constants.F / 3600;
		RecordingSink sink = run(cell(String.format(java.util.Locale.ROOT,
				"rest for 10 s\n hold at %.12f V for 60 s\n discharge at 1 C for 10 min\n charge at 1 C for 10 min\n discharge at 1 C for 10 min", v)));
		Sample start = sink.samples.stream().filter(s -> s.stepIndex() == 1).findFirst().orElseThrow();
		System.out.printf(java.util.Locale.ROOT, "hold at %.12f V: start current %.3g A/m2 (no direction at or below %.3g)%n", v, start.current(), zero);
		assertTrue(start.current() > 0 && start.current() < zero, "a charging current, zero to the solver's resolution: " + start.current());
		assertEquals(2, sink.cycles.size(), sink.cycles.toString());
		var first = sink.cycles.get(0);
		StepResult discharge = first.steps().stream().filter(r -> r.stepIndex() == 2).findFirst().orElseThrow();
		assertEquals(discharge.startTime(), first.startTime(), 1e-9, "cycle 1 starts with the discharge, not the hold");
		assertTrue(Double.isNaN(first.coulombicEfficiency()), "the charged cell's first discharge: no efficiency");
		assertEquals(first.dischargeCapacity(), 20 * 600, 1e-6 * 20 * 600, "the hold passed nothing");
		// 10 min each way, no cut-off reached: pulses, no efficiency (CycleBook.bringsTheCellBack; 1 = 10 min / 10 min before)
		assertTrue(Double.isNaN(sink.cycles.get(1).coulombicEfficiency()), sink.cycles.get(1).toString());
	}

	/** The Marquis 2019 cell of examples/marquis2019.cell running protocol step on PyBaMM's mesh at rtol 1e-4, a sample per time step. */
	static String marquis(String step) throws Exception {
		String marquis = Files.readString(DfnRunTest.EXAMPLE);
		return marquis.substring(0, marquis.indexOf("protocol Discharge1C")) + "protocol P { " + step + " }\n"
				+ "experiment X { cell Marquis2019 protocol P solver { electrode-nodes = 20  separator-nodes = 20  particle-nodes = 30"
				+ "  relative-tolerance = 1e-4 } }\n";
	}

	/** Marquis 2019's window: its 3.105 V cut-off and 4.1 V upper limit (PyBaMM's Marquis2019.py:462-463). */
	static void withinTheCellsWindow(RecordingSink sink) {
		for (Sample s : sink.samples)
			assertTrue(s.voltage() > 3.105 && s.voltage() < 4.1, "on the physical branch: " + s.voltage() + " V at t = " + s.time() + " s");
	}

	@Test
	void uddsWithItsPeakAt2CRunsItsHourOnThePhysicalBranch() throws Exception {
		// before DfnModel.admissible a time step at 3544 s was accepted at -10 V (the positive's Butler-Volmer rows off
		// by 1e118 A/m2: Newton's updates vanished with a Jacobian taken at a far predictor) and the run ended there
		RecordingSink sink = run(marquis("follow \"UDDS.csv\" current scaled to 2 C for 1 h"));
		double[][] udds = rows("UDDS.csv");
		double scale = 2 * 24 / peak(udds); // 2 C of 24 Ah/m2 (Marquis2019.py, 1 m2 in the example)
		StepResult step = sink.cycles.get(0).steps().get(0);
		assertEquals("duration", step.end().label());
		assertEquals(3600, step.endTime() - step.startTime(), 1e-6);
		withinTheCellsWindow(sink);
		double expected = -scale * integral(udds, 3600);
		assertEquals(expected, step.charge(), 1e-7 * Math.abs(expected), "net charge passed = integral of the scaled, looped profile");
		// PyBaMM 26.8's DFN of the same cell and profile on the same mesh (IDAKLU, rtol 1e-6), every second: 0.46 mV RMS
		java.util.Map<Long, Double> pybamm = new java.util.HashMap<>();
		for (String l : Files.readAllLines(Path.of("../../bench/pybamm/udds_marquis_2C_pybamm_rtol1e-6.csv"))) {
			if (l.startsWith("#") || l.startsWith("time")) continue;
			String[] a = l.split(",");
			pybamm.put(Math.round(Double.parseDouble(a[0])), Double.parseDouble(a[1]));
		}
		double sum = 0;
		int n = 0;
		for (Sample s : sink.samples) {
			Double v = pybamm.get(Math.round(s.time()));
			if (v == null || Math.abs(s.time() - Math.rint(s.time())) > 1e-6) continue;
			sum += (s.voltage() - v) * (s.voltage() - v);
			n++;
		}
		assertTrue(n >= 3600, "the steps land on every second: " + n);
		assertTrue(Math.sqrt(sum / n) < 1e-3, "within 1 mV RMS of PyBaMM: " + Math.sqrt(sum / n) * 1e3 + " mV");
	}

	@Test
	void wltcAt176WattsPerSquareMetreRunsThroughItsSharpDropAndItsHalfHourOnThePhysicalBranch() throws Exception {
		// WLTC's power falls from 58 to 1.2 W/m2 within 0.1 s at 19 s (its peak scaled to 176 W/m2, about 2 C, of the
		// Marquis cell on PyBaMM's mesh): the BDF2 step after it found no solution until DfnRunner.advance restarted
		// the integrator from the last accepted state; and a step at 902 s was accepted at 38 V until DfnModel.admissible
		RecordingSink sink = run(marquis("follow \"WLTC.csv\" power scaled to 176 W/m2 for 30 min"));
		double[][] wltc = rows("WLTC.csv");
		double scale = 176 / peak(wltc);
		assertEquals("duration", sink.cycles.get(0).steps().get(0).end().label());
		assertEquals(1800, sink.last().time(), 1e-6);
		withinTheCellsWindow(sink);
		double energy = 0;
		for (int k = 1; k < sink.samples.size(); k++) {
			Sample a = sink.samples.get(k - 1), b = sink.samples.get(k);
			energy -= 0.5 * (a.voltage() * a.current() + b.voltage() * b.current()) * (b.time() - a.time());
		}
		// V I = P to Newton's accuracy: its stopping test bounds the RMS over the 1500 unknowns, which leaves the constraint
		// at rtol 1e-4 within 0.07 W/m2 (4e-4 of the peak) over these 18400 steps
		for (Sample b : sink.samples)
			if (b.time() > 0) assertEquals(scale * at(wltc, b.time()), -b.voltage() * b.current(), 1e-3 * 176, "V I = P(t) at t = " + b.time() + " s");
		assertEquals(scale * integral(wltc, 1800), energy, 1e-3 * scale * integral(wltc, 1800), "energy = integral of the scaled profile");
	}

	@Test
	void theStepMapsTheFileInTheSolversUnitsAndSign() throws Exception {
		for (String f : List.of("UDDS.csv", "WLTC.csv")) Files.copy(CYCLES.resolve(f), tmp.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Path file = Cli.write(tmp.resolve("p.cell"), "package p\nprotocol P {\n follow \"UDDS.csv\" current scaled to 2 C for 1 h until 3 V\n"
				+ " follow \"UDDS.csv\" current for 1 h\n follow \"WLTC.csv\" power for 1 h\n follow \"WLTC.csv\" power scaled to 5 W for 1 h }\n");
		org.cellwright.model.Protocol p = (org.cellwright.model.Protocol) org.cellwright.run.CellFiles.load(List.of(file)).models().get(0).getElements().get(0);
		List<org.cellwright.solver.input.StepSpec> steps = org.cellwright.run.SimulationInputs.steps(p.getSteps(), 0.02);
		double[][] udds = rows("UDDS.csv"), wltc = rows("WLTC.csv");
		var c = (org.cellwright.solver.input.StepSpec.Follow) steps.get(0);
		assertEquals(org.cellwright.solver.input.CurrentMode.C_RATE, c.mode());
		assertEquals(-2 * udds[1][100] / peak(udds), c.value()[100], 1e-12, "2 C at the peak, positive file values discharge");
		assertEquals(List.of(org.cellwright.solver.input.Cutoff.duration(3600), org.cellwright.solver.input.Cutoff.voltageBelow(3)), c.cutoffs(),
				"a discharging profile's voltage cut-off is a floor");
		var a = (org.cellwright.solver.input.StepSpec.Follow) steps.get(1);
		assertEquals(org.cellwright.solver.input.CurrentMode.CURRENT, a.mode(), "the header's unit: Current [A]");
		assertEquals(-udds[1][100], a.value()[100], 1e-12);
		var w = (org.cellwright.solver.input.StepSpec.Follow) steps.get(2);
		assertTrue(w.power());
		assertEquals(-wltc[1][100] * 1000 / 0.02, w.value()[100], 1e-9, "kW of the header per 0.02 m2");
		var ws = (org.cellwright.solver.input.StepSpec.Follow) steps.get(3);
		assertEquals(-5 / 0.02 * wltc[1][100] / peak(wltc), ws.value()[100], 1e-9, "5 W at the peak, per area");
	}

	/**
	 * A solid-state cell (Li | argyrodite | Li plated on steel) follows the UDDS current through the command line's
	 * run: the step passes the profile's charge and ends at its duration.
	 */
	@Test
	void aSolidStateCellFollowsADriveCycleThroughTheRun() throws Exception {
		Files.copy(CYCLES.resolve("UDDS.csv"), tmp.resolve("UDDS.csv"));
		String text = PlatingCell.file("5 MPa").replace("charge at 0.1 mA/cm2 until 0.2 V for 2 h",
				"follow \"UDDS.csv\" current scaled to 0.2 mA/cm2 for 30 min until -0.5 V");
		Path file = Cli.write(tmp.resolve("s.cell"), text);
		Cli.Result r = Cli.cli("run", file.toString(), "--out", tmp.resolve("runs").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		var in = org.cellwright.run.SimulationInputs.of(DfnRunTest.experiment(file, "X"));
		RecordingSink sink = new RecordingSink();
		assertEquals(RunStatus.COMPLETED, new org.cellwright.solver.Simulation().run(in.cell(), in.protocol(), in.settings(), sink, null),
				sink.events.toString());
		StepResult step = sink.cycles.get(sink.cycles.size() - 1).steps().get(sink.cycles.get(sink.cycles.size() - 1).steps().size() - 1);
		assertEquals(1, step.stepIndex());
		assertEquals("duration", step.end().label());
		assertEquals(1800, step.endTime() - step.startTime(), 1e-6);
		double[][] udds = rows("UDDS.csv");
		double expected = -2.0 / peak(udds) * integral(udds, 1800); // 0.2 mA/cm2 = 2 A/m2 at the peak; positive values discharge
		assertTrue(expected < 0);
		assertEquals(expected, step.charge(), 1e-7 * Math.abs(expected), "net charge passed = integral of the scaled profile");
	}

	@Test
	void aBadDriveCycleFileIsALocatedErrorAtTheStep() throws Exception {
		Files.writeString(tmp.resolve("bad.csv"), "# time [s],Current [A]\n0,1\n2,1\n1,1\n");
		String text = cell("rest for 1 min\n follow \"bad.csv\" current for 1 h");
		Path file = Cli.write(tmp.resolve("t.cell"), text);
		InputException e = assertThrows(InputException.class, () -> DfnRunTest.inputs(file, "X"));
		assertEquals(DfnRunTest.line(text, "follow"), e.problem().line(), e.problem().format());
		assertTrue(e.problem().message().contains("bad.csv:4: times must increase"), e.problem().message());
	}
}
