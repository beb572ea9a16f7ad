package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cellwright.run.Cancel;
import org.cellwright.run.MeshRichardson;
import org.cellwright.run.CellFiles;
import org.cellwright.run.Plans;
import org.cellwright.run.RunGroup;
import org.cellwright.run.RunUnit;
import org.cellwright.run.RunWriter;
import org.cellwright.run.folder.Summary;
import org.cellwright.solver.ProgressListener;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.output.SummaryKeys;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.testing.Cli;
import org.cellwright.testing.ColdPulses;
import org.cellwright.testing.PlatingCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A run whose capacity the mesh the solver chose may miss by more than the target (CutoffSensitivity's warning, issue
 * 13) is run again on the finer mesh the warning names, and that is its result (RunWriter, MeshRerun; session 38, README
 * "Accuracy"). The scenario: cell 6 of the study charged at 0.1 C onto 4.3 V at -32 degC, then four 0.3 C pulses onto
 * 2.8 V (CutoffSensitivityTest's): on the 20 x 20 mesh the solver chooses, estimated 0.46 % off (0.70 % against the
 * converged reference; 48 x 40 0.10 %). Since session 39 a re-run taken measures the fine run's error from the two runs
 * (MeshRichardson) and warns where it is beyond the target; since session 40 such a run is run once more, on the block
 * the warning names (the pulses and the three cycles at -32 degC below), and warned only where still beyond.
 */
class MeshRerunTest {

	static final double MINUS_32_C = 241.15, MINUS_30_C = 243.15, ZERO_C = 273.15;

	@TempDir Path tmp;

	/**
	 * The pulses (ColdPulses.protocol: the 0.1 C charge, then four pulses at the rate) at a temperature on settings, the
	 * mesh recorded as the solver's choice or not.
	 */
	static RunUnit pulses(double temperature, double rate, SolverSettings st, Boolean meshFromProtocol) {
		ResolvedInputs in = new ResolvedInputs(new ResolvedInputs.Provenance("Pulses", null, 0, "test", "now", null, meshFromProtocol),
				Sung2023Parameters.cell6Full(ColdPulses.STACK_PRESSURE_PA, temperature), ColdPulses.protocol(rate), st);
		return new RunUnit("Pulses", null, in, null, false, Map.of());
	}

	static final SolverSettings FINE = SolverSettings.builder().particleNodes(48).cathodeNodes(40).build();

	static JsonObject summary(Path folder) throws Exception {
		return JsonParser.parseString(Files.readString(folder.resolve("summary.json"))).getAsJsonObject();
	}

	/**
	 * The 0.35 C pulses at -30 degC (estimated 0.21 % off on 20 x 20): re-run on 48 x 40, that is the result, to the bit
	 * a direct run with the block's; measured within the target there (0.085 %), not run once more.
	 */
	@Test
	void coldPulsesWarnedOnTheSolversMeshAreReRunOnTheFinerOneAndEqualADirectRunWithItsSolverBlock() throws Exception {
		List<String> stages = new CopyOnWriteArrayList<>();
		ProgressListener progress = new ProgressListener() {
			@Override
			public void stage(String what) {
				stages.add(what);
			}
		};
		RunWriter.Outcome o = RunWriter.write(pulses(MINUS_30_C, 0.35, SolverSettings.defaults(), true), "a", tmp.resolve("a"), progress, new Cancel());
		RunWriter.Outcome d = RunWriter.write(pulses(MINUS_30_C, 0.35, FINE, false), "b", tmp.resolve("b"), ProgressListener.NONE, new Cancel());
		assertEquals("COMPLETED", o.status());
		assertEquals(List.of("re-running on 48 x 40 mesh"), stages, "the progress names the re-run, and no run once more");
		// the run's result is the fine run's: its capacities to the bit, its files the same
		List<Summary.Cycle> a = o.summary().cycles(), b = d.summary().cycles();
		assertEquals(b.size(), a.size());
		for (int i = 0; i < a.size(); i++) {
			assertEquals(b.get(i).dischargeMAhCm2(), a.get(i).dischargeMAhCm2(), "cycle " + (i + 1));
			assertEquals(b.get(i).chargeMAhCm2(), a.get(i).chargeMAhCm2(), "cycle " + (i + 1));
		}
		assertEquals(Files.readString(tmp.resolve("b/cycles.csv")), Files.readString(tmp.resolve("a/cycles.csv")));
		assertEquals(Files.readString(tmp.resolve("b/timeseries.csv")), Files.readString(tmp.resolve("a/timeseries.csv")));
		assertNull(d.summary().json().get(SummaryKeys.MESH_RERUN), "a run on 48 x 40 set by its solver block is not re-run");
		// summary.json records the re-run: both meshes, both capacities, the difference, why
		JsonObject r = summary(tmp.resolve("a")).getAsJsonObject(SummaryKeys.MESH_RERUN);
		assertNotNull(r, "the re-run recorded");
		JsonObject coarse = r.getAsJsonObject(SummaryKeys.MR_COARSE), fine = r.getAsJsonObject(SummaryKeys.MR_FINE);
		assertEquals(20, coarse.get(SummaryKeys.MR_PARTICLE_NODES).getAsInt());
		assertEquals(20, coarse.get(SummaryKeys.MR_CATHODE_NODES).getAsInt());
		assertEquals(48, fine.get(SummaryKeys.MR_PARTICLE_NODES).getAsInt());
		assertEquals(40, fine.get(SummaryKeys.MR_CATHODE_NODES).getAsInt());
		assertEquals(".", fine.get(SummaryKeys.MR_FOLDER).getAsString());
		assertNull(r.get(SummaryKeys.MR_FINEST), "not run once more: " + r);
		double c1 = coarse.get(SummaryKeys.MR_FIRST_DISCHARGE).getAsDouble(), f1 = fine.get(SummaryKeys.MR_FIRST_DISCHARGE).getAsDouble();
		assertEquals(d.summary().firstDischarge().mAhCm2(), f1);
		assertTrue(Math.abs(f1 - c1) / f1 > 2e-3, "the finer mesh moved the capacity beyond the target: " + c1 + " -> " + f1);
		assertEquals((f1 - c1) / c1, r.get(SummaryKeys.MR_FIRST_CHANGE).getAsDouble(), 1e-12);
		assertTrue(r.get(SummaryKeys.MR_ESTIMATE).getAsDouble() > 1e-3, r.toString());
		assertTrue(r.get(SummaryKeys.MR_REASON).getAsString().contains("on the 20 x 20 mesh the solver chose"), r.toString());
		assertEquals("COMPLETED", r.get(SummaryKeys.MR_STATUS).getAsString());
		// the coarse run's warning became a note; the coarse run is kept whole beside it
		List<String> msgs = o.summary().messages();
		assertTrue(msgs.get(0).startsWith("INFO: note: re-run on the 48 x 40 mesh"), msgs.toString());
		assertTrue(msgs.get(0).contains("the first discharge moved"), msgs.get(0));
		assertTrue(msgs.stream().noneMatch(m -> m.contains("mesh: the cycle's discharge")), "no warning of the coarse mesh: " + msgs);
		// measured from the two runs within the target (0.085 %; 0.054 % against the reference): said in the note, not warned
		double e = r.getAsJsonObject(SummaryKeys.MR_MEASURED).get(SummaryKeys.MR_WORST_FINE_ERROR).getAsDouble();
		assertTrue(e > 3e-4 && e < 1e-3, "measured within the target: " + e);
		assertTrue(msgs.get(0).contains(String.format(java.util.Locale.ROOT, "measured from the two runs, the 48 x 40 run is within %.2f %%", 100 * e)),
				msgs.get(0));
		assertTrue(msgs.stream().noneMatch(x -> x.contains("mesh: measured")), msgs.toString());
		Path kept = tmp.resolve("a/coarse-mesh");
		Summary cs = Summary.read(kept.resolve("summary.json"));
		assertEquals(c1, cs.firstDischarge().mAhCm2());
		assertTrue(cs.messages().stream().anyMatch(m -> m.contains("mesh: the cycle's discharge")), "its warning kept: " + cs.messages());
		assertTrue(Files.size(kept.resolve("timeseries.csv")) > 1000 && Files.isRegularFile(kept.resolve("cycles.csv")));
		assertFalse(Files.exists(tmp.resolve("a/fine-mesh")), "nothing left of the re-run's folder");
		assertFalse(Files.exists(tmp.resolve("a/finest-mesh")));
	}

	static final SolverSettings FINEST = SolverSettings.builder().particleNodes(72).cathodeNodes(64).build();

	/**
	 * Session 40: the 0.3 C pulses at -32 degC, re-run on 48 x 40 and measured 0.20 % off there (0.17 % against 200 x
	 * 160 x 80, rtol 1e-8, steps <= 5 s), run once more on the block the warning names, 72 x 64: that is the result (to
	 * the bit a direct run with that block), measured from the two finer runs within the target (0.06 %) and not warned;
	 * the 48 x 40 run kept whole in fine-mesh/ with its warning, the 20 x 20 run in coarse-mesh/. Before, the 48 x 40 run
	 * was the result, warned.
	 */
	@Test
	void aReRunMeasuredBeyondTheTargetIsRunOnceMoreOnTheBlockItsWarningNames() throws Exception {
		List<String> stages = new CopyOnWriteArrayList<>();
		ProgressListener progress = new ProgressListener() {
			@Override
			public void stage(String what) {
				stages.add(what);
			}
		};
		RunWriter.Outcome o = RunWriter.write(pulses(MINUS_32_C, 0.3, SolverSettings.defaults(), true), "a", tmp.resolve("a"), progress, new Cancel());
		RunWriter.Outcome d = RunWriter.write(pulses(MINUS_32_C, 0.3, FINEST, false), "d", tmp.resolve("d"), ProgressListener.NONE, new Cancel());
		RunWriter.Outcome f = RunWriter.write(pulses(MINUS_32_C, 0.3, FINE, false), "f", tmp.resolve("f"), ProgressListener.NONE, new Cancel());
		assertEquals("COMPLETED", o.status());
		assertEquals(List.of("re-running on 48 x 40 mesh", "re-running once more, on 72 x 64 mesh"), stages, "the progress names both re-runs");
		// the result is the 72 x 64 run's, to the bit; the 48 x 40 run whole in fine-mesh/, the 20 x 20 in coarse-mesh/
		assertEquals(d.summary().firstDischarge().mAhCm2(), o.summary().firstDischarge().mAhCm2());
		assertEquals(Files.readString(tmp.resolve("d/cycles.csv")), Files.readString(tmp.resolve("a/cycles.csv")));
		assertEquals(Files.readString(tmp.resolve("d/timeseries.csv")), Files.readString(tmp.resolve("a/timeseries.csv")));
		assertEquals(Files.readString(tmp.resolve("f/cycles.csv")), Files.readString(tmp.resolve("a/fine-mesh/cycles.csv")));
		assertEquals(Files.readString(tmp.resolve("f/timeseries.csv")), Files.readString(tmp.resolve("a/fine-mesh/timeseries.csv")));
		Summary kept = Summary.read(tmp.resolve("a/fine-mesh/summary.json"));
		assertEquals(f.summary().firstDischarge().mAhCm2(), kept.firstDischarge().mAhCm2());
		assertTrue(kept.messages().stream().anyMatch(m -> m.startsWith("ACCURACY: warning: cycle 1, step ")
				&& m.contains(": mesh: measured from the two runs, the 48 x 40 mesh's discharge") && m.contains("solver { particle-nodes = 72  cathode-nodes = 64 }")), "the fine run's warning kept with it: " + kept.messages());
		assertTrue(Files.isRegularFile(tmp.resolve("a/coarse-mesh/summary.json")) && Files.isRegularFile(tmp.resolve("a/coarse-mesh/cycles.csv")));
		assertFalse(Files.exists(tmp.resolve("a/finest-mesh")), "nothing left of the run once more's folder");
		// summary.json: the three runs, the finest's error measured from the two finer runs, the order observed
		JsonObject r = summary(tmp.resolve("a")).getAsJsonObject(SummaryKeys.MESH_RERUN);
		assertEquals("coarse-mesh", r.getAsJsonObject(SummaryKeys.MR_COARSE).get(SummaryKeys.MR_FOLDER).getAsString());
		assertEquals("fine-mesh", r.getAsJsonObject(SummaryKeys.MR_FINE).get(SummaryKeys.MR_FOLDER).getAsString());
		double e48 = r.getAsJsonObject(SummaryKeys.MR_MEASURED).get(SummaryKeys.MR_WORST_FINE_ERROR).getAsDouble();
		assertTrue(e48 > 1.5e-3 && e48 < 2.5e-3, "the 48 x 40 run measured beyond the target: " + e48);
		JsonObject x = r.getAsJsonObject(SummaryKeys.MR_FINEST);
		assertNotNull(x, "the run once more recorded: " + r);
		assertEquals(72, x.get(SummaryKeys.MR_PARTICLE_NODES).getAsInt());
		assertEquals(64, x.get(SummaryKeys.MR_CATHODE_NODES).getAsInt());
		assertEquals(".", x.get(SummaryKeys.MR_FOLDER).getAsString());
		assertEquals("COMPLETED", x.get(SummaryKeys.MR_STATUS).getAsString());
		assertTrue(x.get(SummaryKeys.MR_REASON).getAsString().startsWith("the 48 x 40 mesh's capacity error measured at 0.2"), x.toString());
		double q48 = f.summary().firstDischarge().mAhCm2(), q72 = d.summary().firstDischarge().mAhCm2();
		assertEquals(q72, x.get(SummaryKeys.MR_FIRST_DISCHARGE).getAsDouble());
		assertEquals((q72 - q48) / q48, x.get(SummaryKeys.MR_FIRST_CHANGE).getAsDouble(), 1e-12);
		JsonObject m = x.getAsJsonObject(SummaryKeys.MR_MEASURED);
		assertEquals(1.5, m.get(SummaryKeys.MR_RATIO).getAsDouble(), 1e-15, "48 x 40 -> 72 x 64: the smaller ratio, the shells'");
		JsonObject c = m.getAsJsonArray(SummaryKeys.MR_CYCLES).get(0).getAsJsonObject();
		assertEquals(q48, c.get(SummaryKeys.MR_COARSE_CAP).getAsDouble());
		assertEquals(q72, c.get(SummaryKeys.MR_FINE_CAP).getAsDouble());
		// the three runs converge at an observed order above the known 2 (two spacings refined by unequal ratios): 2 taken
		double p = c.get(SummaryKeys.MR_OBSERVED_ORDER).getAsDouble();
		assertTrue(p > 2 && p < 3.5, "observed order: " + p);
		assertEquals(2, c.get(SummaryKeys.MR_ORDER).getAsDouble());
		double q = c.get(SummaryKeys.MR_EXTRAPOLATED).getAsDouble(), e = c.get(SummaryKeys.MR_FINE_ERROR).getAsDouble();
		assertEquals(q72 + (q72 - q48) / 1.25, q, 1e-12 * q);
		assertEquals(Math.abs(q72 - q) / q, e, 1e-12);
		assertTrue(e > 3e-4 && e < 1e-3, "the 72 x 64 run measured within the target: " + e);
		// the notes say both re-runs; no warning of the result
		List<String> msgs = o.summary().messages();
		assertTrue(msgs.get(0).startsWith("INFO: note: re-run on the 48 x 40 mesh"), msgs.toString());
		assertTrue(msgs.get(1).startsWith("INFO: note: re-run once more, on the 72 x 64 mesh (as solver { particle-nodes = 72  cathode-nodes = 64 } gives),"
				+ " because measured from the two runs, the 48 x 40 mesh's discharge is about 0.2"), msgs.get(1));
		assertTrue(msgs.get(1).contains(String.format(java.util.Locale.ROOT, "the 72 x 64 run is within %.2f %%", 100 * e))
				&& msgs.get(1).contains("the 48 x 40 run is kept in fine-mesh/"), msgs.get(1));
		assertTrue(msgs.stream().noneMatch(z -> z.startsWith("ACCURACY")), "no warning: " + msgs);
	}

	/**
	 * The run once more cancelled: the 48 x 40 run's result stands, with its measured warning and a note, marked partial;
	 * the run once more's files up to then in finest-mesh/, the 20 x 20 run in coarse-mesh/.
	 */
	@Test
	void aRunOnceMoreCancelledLeavesTheFineResultMarkedPartial() throws Exception {
		Cancel cancel = new Cancel();
		ProgressListener progress = new ProgressListener() {
			volatile String stage = "";

			@Override
			public void stage(String what) {
				stage = what;
			}

			@Override
			public void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {
				if (stage.contains("once more") && time > 3600) cancel.request("cancelled in a test");
			}
		};
		RunWriter.Outcome o = RunWriter.write(pulses(MINUS_32_C, 0.3, SolverSettings.defaults(), true), "a", tmp.resolve("a"), progress, cancel);
		RunWriter.Outcome f = RunWriter.write(pulses(MINUS_32_C, 0.3, FINE, false), "f", tmp.resolve("f"), ProgressListener.NONE, new Cancel());
		assertEquals("CANCELLED", o.status());
		assertTrue(o.summary().run().partial());
		assertTrue(o.summary().run().interruption().startsWith("cancelled in a test while re-running once more, on the 72 x 64 mesh: the results are the 48 x 40 mesh's"),
				o.summary().run().interruption());
		assertEquals(f.summary().firstDischarge().mAhCm2(), o.summary().firstDischarge().mAhCm2());
		assertEquals(Files.readString(tmp.resolve("f/cycles.csv")), Files.readString(tmp.resolve("a/cycles.csv")));
		List<String> msgs = o.summary().messages();
		assertTrue(msgs.stream().anyMatch(m -> m.startsWith("ACCURACY: warning: cycle 1, step ") && m.contains(": mesh: measured from the two runs")),
				msgs.toString());
		assertTrue(msgs.get(msgs.size() - 1).contains("re-run once more, on the 72 x 64 mesh") && msgs.get(msgs.size() - 1).contains("that run was cancelled"),
				msgs.toString());
		JsonObject x = o.summary().json().getAsJsonObject(SummaryKeys.MESH_RERUN).getAsJsonObject(SummaryKeys.MR_FINEST);
		assertEquals("CANCELLED", x.get(SummaryKeys.MR_STATUS).getAsString());
		assertEquals("finest-mesh", x.get(SummaryKeys.MR_FOLDER).getAsString());
		assertTrue(Summary.read(tmp.resolve("a/finest-mesh/summary.json")).partial());
		assertTrue(Files.isRegularFile(tmp.resolve("a/finest-mesh/timeseries.csv")));
		assertTrue(Files.isRegularFile(tmp.resolve("a/coarse-mesh/cycles.csv")));
		assertFalse(Files.exists(tmp.resolve("a/fine-mesh")), "the 48 x 40 run is the result, in the run folder");
	}

	@Test
	void aMeshSetInTheSolverBlockIsWarnedAndNotReRun() throws Exception {
		RunWriter.Outcome o = RunWriter.write(pulses(MINUS_32_C, 0.3, SolverSettings.builder().particleNodes(20).cathodeNodes(20).build(), false),
				"a", tmp.resolve("a"), ProgressListener.NONE, new Cancel());
		assertEquals("COMPLETED", o.status());
		assertNull(summary(tmp.resolve("a")).get(SummaryKeys.MESH_RERUN));
		assertTrue(o.summary().messages().stream().anyMatch(m -> m.contains("mesh: the cycle's discharge")), o.summary().messages().toString());
		assertFalse(Files.exists(tmp.resolve("a/coarse-mesh")));
	}

	@Test
	void aWarmRunIsNotReRun() throws Exception {
		// the 2 C pulses at 0 degC fall steeply onto 2.8 V: 0.006 % per 0.1 mV on the mesh the solver chooses (48 x 20)
		RunWriter.Outcome o = RunWriter.write(pulses(ZERO_C, 2, SolverSettings.defaults(), true), "a", tmp.resolve("a"), ProgressListener.NONE,
				new Cancel());
		assertEquals("COMPLETED", o.status());
		assertNull(summary(tmp.resolve("a")).get(SummaryKeys.MESH_RERUN));
		assertFalse(Files.exists(tmp.resolve("a/coarse-mesh")));
	}

	@Test
	void aCancelledReRunLeavesTheCoarseResultMarkedPartial() throws Exception {
		Cancel cancel = new Cancel();
		ProgressListener progress = new ProgressListener() {
			volatile boolean rerunning;

			@Override
			public void stage(String what) {
				rerunning = true;
			}

			@Override
			public void progress(double time, int stepIndex, int totalSteps, int cycle, int totalCycles) {
				if (rerunning && time > 3600) cancel.request("cancelled in a test");
			}
		};
		RunWriter.Outcome o = RunWriter.write(pulses(MINUS_32_C, 0.3, SolverSettings.defaults(), true), "a", tmp.resolve("a"), progress, cancel);
		RunWriter.Outcome c = RunWriter.write(pulses(MINUS_32_C, 0.3, SolverSettings.defaults(), false), "c", tmp.resolve("c"), ProgressListener.NONE,
				new Cancel());
		assertEquals("CANCELLED", o.status());
		Summary.Run run = o.summary().run();
		assertTrue(run.partial());
		assertTrue(run.interruption().startsWith("cancelled in a test while re-running on the 48 x 40 mesh: the results are the 20 x 20 mesh's"),
				run.interruption());
		// the coarse run's result, whole, with its warning and a note
		assertEquals(c.summary().firstDischarge().mAhCm2(), o.summary().firstDischarge().mAhCm2());
		assertEquals(Files.readString(tmp.resolve("c/cycles.csv")), Files.readString(tmp.resolve("a/cycles.csv")));
		List<String> msgs = o.summary().messages();
		assertTrue(msgs.stream().anyMatch(m -> m.contains("mesh: the cycle's discharge")), msgs.toString());
		assertTrue(msgs.get(msgs.size() - 1).contains("the re-run was cancelled"), msgs.toString());
		assertEquals("CANCELLED", o.summary().json().getAsJsonObject(SummaryKeys.MESH_RERUN).get(SummaryKeys.MR_STATUS).getAsString());
		// the re-run's files up to then kept beside it, marked partial
		Summary fine = Summary.read(tmp.resolve("a/fine-mesh/summary.json"));
		assertTrue(fine.partial());
		assertTrue(Files.isRegularFile(tmp.resolve("a/fine-mesh/timeseries.csv")));
		assertFalse(Files.exists(tmp.resolve("a/coarse-mesh")));
	}

	/** Three cycles of a 0.1 C charge onto 4.3 V and a 0.3 C discharge onto 2.8 V at a temperature, the mesh the solver's choice. */
	static RunUnit threeCycles(double temperature) {
		ProtocolSpec p = ProtocolSpec.of(StepSpec.repeat(3, StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
				StepSpec.cRate(-0.3, Cutoff.duration(8 * 3600), Cutoff.voltageBelow(2.8))));
		ResolvedInputs in = new ResolvedInputs(new ResolvedInputs.Provenance("Cycles", null, 0, "test", "now", null, true),
				Sung2023Parameters.cell6Full(65e6, temperature), p, SolverSettings.defaults());
		return new RunUnit("Cycles", null, in, null, false, Map.of());
	}

	/**
	 * Session 39: the three cycles at -32 degC miss the target on 48 x 40 too (0.178 / 0.115 / 0.218 % against 200 x 160
	 * x 80, rtol 1e-8, steps <= 5 s, on session 40's code), which the fine run's own estimate did not warn of with 0.02 mV
	 * assumed (0.057 %; measured by the run since session 40, its estimate gives way to the measured); the two runs measure it (0.22 / 0.24 / 0.25 %, Richardson at order 2 and ratio 2). Since session
	 * 40 that run is kept in fine-mesh/ with the warning, and the run is run once more on the block that takes the worst
	 * cycle within the target, 80 x 64: measured from the two finer runs within it, not warned.
	 */
	@Test
	void aColdRunWhoseFineMeshStillMissesIsMeasuredFromBothRunsAndRunOnceMore() throws Exception {
		RunWriter.Outcome o = RunWriter.write(threeCycles(MINUS_32_C), "a", tmp.resolve("a"), ProgressListener.NONE, new Cancel());
		assertEquals("COMPLETED", o.status());
		JsonObject r = summary(tmp.resolve("a")).getAsJsonObject(SummaryKeys.MESH_RERUN);
		JsonObject m = r.getAsJsonObject(SummaryKeys.MR_MEASURED);
		assertNotNull(m, "the fine run's error measured: " + r);
		assertEquals(2, m.get(SummaryKeys.MR_ORDER).getAsDouble());
		assertEquals(2, m.get(SummaryKeys.MR_RATIO).getAsDouble(), 1e-15, "20 x 20 -> 48 x 40: the smaller ratio, the volumes'");
		var cycles = m.getAsJsonArray(SummaryKeys.MR_CYCLES);
		assertEquals(3, cycles.size());
		Summary fineKept = Summary.read(tmp.resolve("a/fine-mesh/summary.json"));
		List<Summary.Cycle> kept = Summary.read(tmp.resolve("a/coarse-mesh/summary.json")).cycles(), fine = fineKept.cycles();
		double worst = 0;
		for (int i = 0; i < 3; i++) {
			JsonObject c = cycles.get(i).getAsJsonObject();
			double qc = c.get(SummaryKeys.MR_COARSE_CAP).getAsDouble(), qf = c.get(SummaryKeys.MR_FINE_CAP).getAsDouble();
			assertEquals(kept.get(i).dischargeMAhCm2(), qc, "cycle " + (i + 1) + ": the coarse run's capacity");
			assertEquals(fine.get(i).dischargeMAhCm2(), qf, "cycle " + (i + 1) + ": the fine run's, kept in fine-mesh/");
			double q = c.get(SummaryKeys.MR_EXTRAPOLATED).getAsDouble(), e = c.get(SummaryKeys.MR_FINE_ERROR).getAsDouble();
			assertEquals(qf + (qf - qc) / 3, q, 1e-12 * q);
			assertEquals(Math.abs(qf - q) / q, e, 1e-12);
			assertTrue(e > 1.5e-3 && e < 4e-3, "cycle " + (i + 1) + " measured beyond the target: " + e);
			worst = Math.max(worst, e);
		}
		assertEquals(worst, m.get(SummaryKeys.MR_WORST_FINE_ERROR).getAsDouble());
		// the fine run's summary keeps the warning: the first cycle's figure, the block for the worst (cycle 3), counted
		List<String> fm = fineKept.messages();
		double e1 = cycles.get(0).getAsJsonObject().get(SummaryKeys.MR_FINE_ERROR).getAsDouble();
		String w = fm.stream().filter(x -> x.startsWith("ACCURACY: warning: cycle 1, step 1.2: mesh: measured from the two runs")).findFirst()
				.orElseThrow(() -> new AssertionError("the measured error warned: " + fm));
		assertTrue(w.contains("the 48 x 40 mesh's discharge of") && w.contains(String.format(java.util.Locale.ROOT, "is about %.2f %% off", 100 * e1)), w);
		assertTrue(w.contains("solver { particle-nodes = 80  cathode-nodes = 64 }") && w.contains(" and cycle 3's "), "what would meet every cycle: " + w);
		assertTrue(fm.stream().anyMatch(x -> x.startsWith("ACCURACY: warning: 2 later cycles' capacities measured beyond the target too")), fm.toString());
		assertTrue(fm.stream().noneMatch(x -> x.contains("mesh: the cycle's discharge")), "the fine run's own estimate (measured by the run since session 40) gives way to the measured: " + fm);
		// run once more on 80 x 64: the result, measured from the two finer runs within the target in every cycle
		JsonObject x = r.getAsJsonObject(SummaryKeys.MR_FINEST);
		assertNotNull(x, r.toString());
		assertEquals(80, x.get(SummaryKeys.MR_PARTICLE_NODES).getAsInt());
		assertEquals(64, x.get(SummaryKeys.MR_CATHODE_NODES).getAsInt());
		assertTrue(x.get(SummaryKeys.MR_REASON).getAsString().contains("(cycle 3)"), x.toString());
		JsonObject xm = x.getAsJsonObject(SummaryKeys.MR_MEASURED);
		assertEquals(1.6, xm.get(SummaryKeys.MR_RATIO).getAsDouble(), 1e-15, "48 x 40 -> 80 x 64: the volumes' 1.6");
		var xc = xm.getAsJsonArray(SummaryKeys.MR_CYCLES);
		assertEquals(3, xc.size());
		for (int i = 0; i < 3; i++) {
			JsonObject c = xc.get(i).getAsJsonObject();
			assertEquals(fine.get(i).dischargeMAhCm2(), c.get(SummaryKeys.MR_COARSE_CAP).getAsDouble());
			assertEquals(o.summary().cycles().get(i).dischargeMAhCm2(), c.get(SummaryKeys.MR_FINE_CAP).getAsDouble(), "the result's");
			double p = c.get(SummaryKeys.MR_OBSERVED_ORDER).getAsDouble(), e = c.get(SummaryKeys.MR_FINE_ERROR).getAsDouble();
			assertTrue(p > 2 && p < 3.5, "cycle " + (i + 1) + ": observed order " + p);
			assertTrue(e > 2e-4 && e < 1e-3, "cycle " + (i + 1) + " measured within the target on 80 x 64: " + e);
		}
		List<String> msgs = o.summary().messages();
		assertTrue(msgs.get(1).startsWith("INFO: note: re-run once more, on the 80 x 64 mesh"), msgs.toString());
		assertTrue(msgs.stream().noneMatch(z -> z.startsWith("ACCURACY")), "nothing warned of the result: " + msgs);
	}

	/**
	 * Session 41: the run once more is held to 80 x 80 (MeshRerun.ONCE_MORE_SHELLS, ONCE_MORE_VOLUMES: its cost). One
	 * cycle of a 0.1 C charge and a 0.3 C discharge at -32.5 degC, at the cold cliff (the discharge delivers 78 C/m2): the 48
	 * x 40 run is measured about 0.5 % off, whose figure asks for 112 x 96 (before: run on that block); run on 80 x 80, the
	 * note says it was held there and what that is expected to leave, about 0.19 %, beyond the target.
	 */
	@Test
	void aRunOnceMoreIsHeldToItsCapAndSaysWhatThatLeaves() throws Exception {
		List<String> stages = new CopyOnWriteArrayList<>();
		ProgressListener progress = new ProgressListener() {
			@Override
			public void stage(String what) {
				stages.add(what);
			}
		};
		ProtocolSpec p = ProtocolSpec.of(StepSpec.cRate(0.1, Cutoff.voltageAbove(4.3), Cutoff.duration(15 * 3600)),
				StepSpec.cRate(-0.3, Cutoff.duration(8 * 3600), Cutoff.voltageBelow(2.8)));
		ResolvedInputs in = new ResolvedInputs(new ResolvedInputs.Provenance("Cycle", null, 0, "test", "now", null, true),
				Sung2023Parameters.cell6Full(65e6, 240.65), p, SolverSettings.defaults());
		RunWriter.Outcome o = RunWriter.write(new RunUnit("Cycle", null, in, null, false, Map.of()), "a", tmp.resolve("a"), progress, new Cancel());
		assertEquals("COMPLETED", o.status());
		assertEquals(List.of("re-running on 48 x 40 mesh", "re-running once more, on 80 x 80 mesh"), stages);
		JsonObject r = summary(tmp.resolve("a")).getAsJsonObject(SummaryKeys.MESH_RERUN);
		double e48 = r.getAsJsonObject(SummaryKeys.MR_MEASURED).get(SummaryKeys.MR_WORST_FINE_ERROR).getAsDouble();
		assertTrue(e48 > 0.1 * Math.pow(80 / 48.0, 2) * 1e-2, "beyond what 80 x 80 takes within the target: " + e48);
		JsonObject x = r.getAsJsonObject(SummaryKeys.MR_FINEST);
		assertEquals(80, x.get(SummaryKeys.MR_PARTICLE_NODES).getAsInt());
		assertEquals(80, x.get(SummaryKeys.MR_CATHODE_NODES).getAsInt());
		// what the figure asks for, as MeshRichardson.block sizes it without the cap, and what 80 x 80 is expected to leave
		MeshRichardson.Block asked = MeshRichardson.block(e48, 2, 48, 40, 1e-3, Integer.MAX_VALUE, Integer.MAX_VALUE);
		assertTrue(asked.shells() > 80 || asked.volumes() > 80, asked.toString());
		String note = o.summary().messages().stream().filter(m -> m.startsWith("INFO: note: re-run once more, on the 80 x 80 mesh")).findFirst()
				.orElseThrow(() -> new AssertionError(o.summary().messages().toString()));
		assertTrue(note.contains(String.format(java.util.Locale.ROOT, "held to 80 x 80, the most a run once more takes, where the figure asks for %d x %d: expected to leave about %.2f %%, beyond the target",
				asked.shells(), asked.volumes(), 100 * e48 * Math.pow(48 / 80.0, 2))), note);
	}

	/** A .cell experiment's inputs record whether its solver block left the mesh to the solver, through inputs.json too. */
	@Test
	void theInputsRecordWhetherTheSolverChoseTheMesh() throws Exception {
		String text = PlatingCell.file("5 MPa") + "experiment Y { cell C protocol P solver { particle-nodes = 20 } }\n"
				+ "experiment Z { cell C protocol P solver { output-interval = 60 s } }\n";
		CellFiles files = CellFiles.load(List.of(Cli.write(tmp.resolve("m.cell"), text)));
		assertFalse(files.hasErrors(), files.problems().toString());
		Map<String, Boolean> chosen = new java.util.TreeMap<>();
		for (RunGroup g : Plans.of(files.runnables(null)))
			for (RunUnit u : g.units()) {
				ResolvedInputs back = InputsJson.parse(InputsJson.toJson(u.inputs()).toString(), "inputs.json");
				assertEquals(u.provenance().meshFromProtocol(), back.provenance().meshFromProtocol(), "inputs.json keeps it");
				chosen.put(u.name(), back.provenance().meshChosenBySolver());
			}
		assertEquals(Map.of("X", true, "Y", false, "Z", true), chosen);
	}
}
