package org.cellwright.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code fit --engine spark}: the simulations of each evaluation are Spark tasks; the estimate is the local engine's
 * (each simulation is deterministic, wherever it runs), and the truth lies in its interval.
 */
class FitOnSparkTest {

	@TempDir
	Path tmp;

	static String cell(String conductivity) {
		return Folders.sweep("1 MPa", 1).replace("ionic-conductivity = 2.5 mS/cm", "ionic-conductivity = " + conductivity)
				.replace("protocol P { discharge at 0.1 mA/cm2 for 1.0 h  charge at 0.1 mA/cm2 until 0.2 V for 2 h }",
						"protocol P { discharge at 0.1 mA/cm2 for 1 h  discharge at 0.3 mA/cm2 for 1 h }")
				.replace("sweep Sw { experiment X vary stack-pressure in 1 MPa }\n", "");
	}

	@Test
	void aFitOnSparkEstimatesWhatTheLocalFitDoes() throws Exception {
		// the measurement: the truth (2.5 mS/cm) simulated, with 0.5 mV of noise, as BDF
		Path truth = Folders.write(tmp.resolve("truth").resolve("truth.cell"), cell("2.5 mS/cm"));
		Folders.Result t = Folders.cli("run", truth.toString(), "--out", tmp.resolve("truth-runs").toString());
		assertEquals(0, t.rc(), t.out() + t.err());
		CsvTable ts = RunFolder.read(RunStore.latest(tmp.resolve("truth-runs").resolve("X"))).timeseries();
		double[] th = ts.column("time_h"), v = ts.column("voltage_V"), i = ts.column("current_mA_cm2");
		Random noise = new Random(20261203);
		double[] s = new double[th.length], vn = new double[th.length], amps = new double[th.length];
		for (int k = 0; k < th.length; k++) {
			s[k] = th[k] * 3600;
			vn[k] = v[k] + 0.0005 * noise.nextGaussian();
			amps[k] = i[k] * 0.785 * 1e-3;
		}
		Map<MeasuredQuantity, double[]> cols = new EnumMap<>(MeasuredQuantity.class);
		cols.put(MeasuredQuantity.TIME, s);
		cols.put(MeasuredQuantity.VOLTAGE, vn);
		cols.put(MeasuredQuantity.CURRENT, amps);
		BdfWriter.write(new MeasuredSeries(cols, null, "generated"), tmp.resolve("data.bdf.csv"));
		String text = cell("1.0 mS/cm").replace("experiment X { cell C protocol P expect",
				"experiment X { cell C protocol P measured \"data.bdf.csv\" noise 0.5 mV expect")
				+ "fit K { estimate E.ionic-conductivity between 0.5 mS/cm and 10 mS/cm  target X measured }\n";
		Path f = Folders.write(tmp.resolve("fit.cell"), text);

		Folders.Result local = Folders.cli("fit", f.toString(), "--out", tmp.resolve("local").toString());
		assertEquals(0, local.rc(), local.out() + local.err());
		Folders.Result spark = Folders.cli("fit", f.toString(), "--out", tmp.resolve("spark").toString(), "--engine", "spark", "--master",
				"local[2]");
		assertEquals(0, spark.rc(), spark.out() + spark.err());
		Folders.Result none = Folders.cli("fit", f.toString(), "--out", tmp.resolve("none").toString(), "--engine", "flink");
		assertEquals(1, none.rc(), "the engine option is the fit's: " + none.out() + none.err());
		assertTrue(none.err().contains("the engine 'flink' is not on the class path"), none.err());
		JsonObject a = estimate(tmp.resolve("local")), b = estimate(tmp.resolve("spark"));
		assertEquals(a.get("value").getAsDouble(), b.get("value").getAsDouble(), 1e-9 * Math.abs(a.get("value").getAsDouble()), a + " vs " + b);
		assertEquals("mS/cm", b.get("unit").getAsString());
		assertTrue(b.get("lower_95").getAsDouble() <= 2.5 && 2.5 <= b.get("upper_95").getAsDouble(), "the 95 % interval holds the truth: " + b);
	}

	private static JsonObject estimate(Path out) throws Exception {
		Path f = RunStore.latest(out.resolve("K")).resolve("fit.json");
		return JsonParser.parseString(Files.readString(f)).getAsJsonObject().getAsJsonArray("estimates").get(0).getAsJsonObject();
	}
}
