package org.cellwright.run.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.cellwright.measured.BdfWriter;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.store.RunStore;
import org.cellwright.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Fits of liquid-electrolyte (DFN) cells through the one fit pipeline (FitRunner's evaluations map the targets with
 * Plans.unit, as 'run' does): a measurement made by CellWright itself with the cathode's diffusivity at 1e-13 m2/s
 * (1 mV of noise, written as BDF) gives that diffusivity back within its 95 % interval, from a file that writes 3e-14;
 * an estimate the DFN mapping cannot vary, or one whose value a layer's own value shadows, is an error at the
 * estimate's line before anything runs.
 */
class DfnFitTest {

	@TempDir Path tmp;

	/** DfnRunTest's small graphite | liquid | cathode cell, a 2 C discharge and a rest (the particles relax), a coarse mesh. */
	static String cell(String cathodeDiffusivity) {
		return DfnRunTest.CELL.replace("initial-stoichiometry = 0.6  diffusivity = 1e-13 m2/s", "initial-stoichiometry = 0.6  diffusivity = "
				+ cathodeDiffusivity)
				.replace("protocol D { discharge at 1 C until 3.0 V }", "protocol D { discharge at 2 C for 20 min  rest for 10 min }")
				.replace("experiment X { cell C protocol D }", "experiment X { cell C protocol D\n"
						+ "\tsolver { electrode-nodes = 8  separator-nodes = 4  particle-nodes = 10  output-interval = 20 s }\n}");
	}

	private void measure() throws Exception {
		Path truth = Cli.write(tmp.resolve("truth").resolve("truth.cell"), cell("1e-13 m2/s"));
		Cli.Result r = Cli.cli("run", truth.toString(), "--out", tmp.resolve("truth-runs").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		CsvTable ts = RunFolder.read(RunStore.latest(tmp.resolve("truth-runs").resolve("X"))).timeseries();
		double[] th = ts.column("time_h"), v = ts.column("voltage_V"), i = ts.column("current_mA_cm2");
		Random noise = new Random(20261204);
		// a cycler logs one voltage per instant: the two rows where the current jumps (t = 0, the rest's start) are left out
		java.util.List<Integer> kept = new java.util.ArrayList<>();
		for (int k = 0; k < th.length; k++)
			if (!(k > 0 && th[k] == th[k - 1]) && !(k + 1 < th.length && th[k + 1] == th[k])) kept.add(k);
		int n = kept.size();
		double[] t = new double[n], vn = new double[n], amps = new double[n];
		for (int j = 0; j < n; j++) {
			int k = kept.get(j);
			t[j] = th[k] * 3600;
			vn[j] = v[k] + 0.001 * noise.nextGaussian();
			amps[j] = i[k] * 10; // mA/cm2 over 1 m2
		}
		assertTrue(n > 60 && n < th.length, "a measurement of " + n + " points");
		Map<MeasuredQuantity, double[]> cols = new EnumMap<>(MeasuredQuantity.class);
		cols.put(MeasuredQuantity.TIME, t);
		cols.put(MeasuredQuantity.VOLTAGE, vn);
		cols.put(MeasuredQuantity.CURRENT, amps);
		BdfWriter.write(new MeasuredSeries(cols, null, "generated"), tmp.resolve("data.bdf.csv"));
	}

	private Path fitFile(String fits) throws Exception {
		String text = cell("3e-14 m2/s").replace("output-interval = 20 s }\n", "output-interval = 20 s }\n"
				+ "\tmeasured \"data.bdf.csv\" noise 1 mV\n");
		return Cli.write(tmp.resolve("fit.cell"), text + fits);
	}

	@Test
	void theCathodeDiffusivityIsRecoveredWithinItsInterval() throws Exception {
		measure();
		Path f = fitFile("fit Diffusivity { estimate P.diffusivity between 1e-14 m2/s and 1e-12 m2/s  target X measured }\n");
		Cli.Result r = Cli.cli("fit", f.toString(), "--out", tmp.resolve("fits").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		Path run = RunStore.latest(tmp.resolve("fits").resolve("Diffusivity"));
		JsonObject e = JsonParser.parseString(Files.readString(run.resolve("fit.json"))).getAsJsonObject().getAsJsonArray("estimates").get(0)
				.getAsJsonObject();
		double value = e.get("value").getAsDouble();
		assertEquals("m2/s", e.get("unit").getAsString());
		assertEquals(1e-13, value, 0.05e-13, r.out());
		assertTrue(e.get("lower_95").getAsDouble() <= 1e-13 && 1e-13 <= e.get("upper_95").getAsDouble(), "the 95 % interval holds the truth: " + e);
		assertTrue(e.get("upper_95").getAsDouble() - e.get("lower_95").getAsDouble() < 0.2e-13, "a diffusivity the discharge pins down: " + e);
		// the target simulated at the start and the fitted values through the DFN runner (its inputs record beside the run)
		for (String side : new String[] { "before", "after" })
			assertTrue(Files.exists(run.resolve(side).resolve("X").resolve(org.cellwright.run.dfn.DfnInputs.FILE_NAME)), side);
		String fitted = Files.readString(run.resolve("fitted.cell"));
		assertTrue(fitted.contains("diffusivity = 1.0") || fitted.contains("diffusivity = 9.9"), fitted);
	}

	@Test
	void anEstimateTheDfnMappingCannotVaryIsAnErrorAtTheEstimate() throws Exception {
		Files.writeString(tmp.resolve("data.bdf.csv"), "Test Time / s,Voltage / V\n0,3.9\n1,3.8\n");
		String fit = "fit K {\n\testimate P.density between 1000 kg/m3 and 5000 kg/m3\n\ttarget X measured\n}\n";
		Path f = fitFile(fit);
		Cli.Result r = Cli.cli("fit", f.toString(), "--out", tmp.resolve("fits").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		int line = DfnRunTest.line(Files.readString(f), "estimate P.density");
		assertTrue(r.err().matches("(?s).*fit\\.cell:" + line + ":\\d+: error: estimate P\\.density \\(target X\\): cannot vary 'P\\.density'"
				+ " of a liquid-electrolyte \\(DFN\\) cell yet.*"), r.err());
		assertTrue(r.err().contains("diffusivity, electronic-conductivity"), "says what can be estimated: " + r.err());
		assertFalse(Files.exists(tmp.resolve("fits").resolve("K")), "nothing stored for a fit that did not start");

		// the material's initial-stoichiometry where the layer writes its own: the estimate would change nothing
		String shadowed = "fit S {\n\testimate P.initial-stoichiometry between 0.4 and 0.8\n\ttarget X measured\n}\n";
		f = Cli.write(tmp.resolve("fit.cell"), Files.readString(fitFile(shadowed)).replace("active-volume-fraction = 0.5  particle-radius = 8 um }",
				"active-volume-fraction = 0.5  particle-radius = 8 um  initial-stoichiometry = 0.6 }"));
		r = Cli.cli("fit", f.toString(), "--out", tmp.resolve("fits").toString());
		assertEquals(1, r.rc(), r.out() + r.err());
		line = DfnRunTest.line(Files.readString(f), "estimate P.initial-stoichiometry");
		assertTrue(r.err().matches("(?s).*fit\\.cell:" + line + ":\\d+: error: estimate P\\.initial-stoichiometry \\(target X\\): its value does not"
				+ " reach the simulation.*"), r.err());
	}
}
