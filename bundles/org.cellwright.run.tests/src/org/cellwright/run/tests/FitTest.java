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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Parameter estimation end to end: a measurement made by CellWright itself at a known solid-electrolyte conductivity,
 * with 0.5 mV of noise, written as BDF; a fit in the language recovers the conductivity within its interval; the
 * conductivity and the separator's thickness, which the plating voltage sees only as L/kappa, are reported as not
 * separable; bad fits and measurements end in located errors.
 */
class FitTest {

	@TempDir Path tmp;
	private static final double AREA_CM2 = 0.785;

	/**
	 * Plating at two current densities on the steel of a Li | SE | steel cell: the voltage carries the separator's ohmic
	 * drop i L / kappa (2.8 mV at 0.1 mA/cm2 through 700 um of 2.5 mS/cm), smooth in kappa.
	 */
	static String cell(String conductivity) {
		return Cli.cell("5 MPa").replace("ionic-conductivity = 2.5 mS/cm", "ionic-conductivity = " + conductivity)
				.replace("protocol P { discharge at 0.1 mA/cm2 for 1 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h }",
						"protocol P { discharge at 0.1 mA/cm2 for 1 h  discharge at 0.3 mA/cm2 for 1 h }");
	}

	/** The truth: 2.5 mS/cm. The fitted file writes 1.0 mS/cm, which the fit must not care about. */
	@BeforeEach
	void measure() throws Exception {
		Path truth = Cli.write(tmp.resolve("truth").resolve("truth.cell"), cell("2.5 mS/cm")); // apart: files beside each other share a package
		Cli.Result r = Cli.cli("run", truth.toString(), "--out", tmp.resolve("truth-runs").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		RunFolder run = RunFolder.read(RunStore.latest(tmp.resolve("truth-runs").resolve("X")));
		CsvTable ts = run.timeseries();
		double[] th = ts.column("time_h"), v = ts.column("voltage_V"), i = ts.column("current_mA_cm2");
		Random noise = new Random(20261203);
		double[] t = new double[th.length], vn = new double[th.length], amps = new double[th.length];
		for (int k = 0; k < th.length; k++) {
			t[k] = th[k] * 3600;
			vn[k] = v[k] + 0.0005 * noise.nextGaussian();
			amps[k] = i[k] * AREA_CM2 * 1e-3;
		}
		Map<MeasuredQuantity, double[]> cols = new EnumMap<>(MeasuredQuantity.class);
		cols.put(MeasuredQuantity.TIME, t);
		cols.put(MeasuredQuantity.VOLTAGE, vn);
		cols.put(MeasuredQuantity.CURRENT, amps);
		BdfWriter.write(new MeasuredSeries(cols, null, "generated"), tmp.resolve("data.bdf.csv"));
	}

	private Path fitFile(String fits) throws Exception {
		String text = cell("1.0 mS/cm")
				.replace("experiment X { cell C protocol P expect", "experiment X { cell C protocol P measured \"data.bdf.csv\" noise 0.5 mV expect");
		return Cli.write(tmp.resolve("fit.cell"), text + fits);
	}

	private JsonObject fitJson(String fit) throws Exception {
		Path f = RunStore.latest(tmp.resolve("fits").resolve(fit)).resolve("fit.json");
		return JsonParser.parseString(Files.readString(f)).getAsJsonObject();
	}

	@Test
	void theConductivityIsRecoveredWithinItsInterval() throws Exception {
		Path f = fitFile("fit K { estimate E.ionic-conductivity between 0.5 mS/cm and 10 mS/cm  target X measured }\n");
		Cli.Result r = Cli.cli("fit", f.toString(), "--out", tmp.resolve("fits").toString());
		assertEquals(0, r.rc(), r.out() + r.err());
		assertTrue(r.out().contains("E.ionic-conductivity"), r.out());
		JsonObject e = fitJson("K").getAsJsonArray("estimates").get(0).getAsJsonObject();
		double value = e.get("value").getAsDouble();
		assertEquals("mS/cm", e.get("unit").getAsString());
		assertEquals(2.5, value, 0.1, r.out());
		assertTrue(e.get("lower_95").getAsDouble() <= 2.5 && 2.5 <= e.get("upper_95").getAsDouble(),
				"the 95 % interval holds the truth: " + e);
		String fitted = Files.readString(RunStore.latest(tmp.resolve("fits").resolve("K")).resolve("fitted.cell"));
		assertTrue(fitted.contains("ionic-conductivity = 2.") && fitted.contains("source \"fitted: K, "), fitted);
		assertTrue(fitted.contains("material S is current-collector"), "the rest of the file is kept: " + fitted);
		Cli.Result check = Cli.cli("check", RunStore.latest(tmp.resolve("fits").resolve("K")).resolve("fitted.cell").toString());
		String problems = check.out() + check.err();
		// it parses: its only problem is the measurement, which lies beside the original file
		assertFalse(problems.contains("mismatched input") || problems.contains("no viable alternative") || problems.contains("extraneous input"),
				problems);
	}

	@Test
	void conductivityAndThicknessAreReportedAsNotSeparable() throws Exception {
		Path f = fitFile("fit Pair { estimate E.ionic-conductivity between 0.5 mS/cm and 10 mS/cm "
				+ " estimate s.thickness between 350 um and 1400 um  target X measured }\n");
		Cli.Result r = Cli.cli("fit", f.toString(), "--out", tmp.resolve("fits").toString());
		assertTrue(r.out().contains("cannot be told apart") || r.out().contains("strongly correlated"), r.out() + r.err());
		JsonObject j = fitJson("Pair");
		assertTrue(j.getAsJsonArray("notes").toString().contains("E.ionic-conductivity and s.thickness"), j.toString());
	}

	@Test
	void badFitsAndMeasurementsEndInLocatedErrors() throws Exception {
		Path f = fitFile("fit Empty { estimate E.ionic-conductivity between 5 mS/cm and 1 mS/cm  target X measured }\n"
				+ "fit Unknown { estimate E.frobnication between 1 mS/cm and 2 mS/cm  target X measured }\n");
		Cli.Result check = Cli.cli("check", f.toString());
		assertEquals(1, check.rc(), check.out() + check.err());
		String all = check.out() + check.err();
		assertTrue(all.matches("(?s).*fit\\.cell:\\d+:\\d+: error: empty bounds.*"), all);
		assertTrue(all.matches("(?s).*fit\\.cell:\\d+:\\d+: error: cannot estimate 'E\\.frobnication'.*"), all);

		Files.writeString(tmp.resolve("data.bdf.csv"), "Test Time / s,Current / A\n0,0.001\n1,0.001\n");
		Path ok = fitFile("fit K { estimate E.ionic-conductivity between 0.5 mS/cm and 10 mS/cm  target X measured }\n");
		Cli.Result fit = Cli.cli("fit", ok.toString(), "--out", tmp.resolve("fits").toString());
		assertEquals(1, fit.rc(), fit.out() + fit.err());
		assertTrue(fit.err().matches("(?s).*fit\\.cell:\\d+:\\d+: error: measured data: .*data\\.bdf\\.csv:1: the BDF header has no voltage column.*"),
				fit.err());
		assertFalse(Files.exists(tmp.resolve("fits").resolve("K")), "nothing stored for a fit that did not start");
	}
}
