package org.cellwright.sharing.tests;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cellwright.solver.bench.SvgLinePlot;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The README's figure of the BPX files' 1 C discharges: each file of ../shared/data/bpx-real imported and run as
 * BpxRunTest runs it ({@code Discharge1C} through {@code cellwright run}), voltage against discharged capacity, with the
 * file's measured 1 C discharge ({@code "Validation"}) and its nominal capacity. Run (from the clone, the shared data
 * found from the bundle folder): in bundles/org.cellwright.sharing.tests,
 * java -cp <its classes, the run pipeline's class path (run.spark's target/classpath/cellwright.txt and spark.txt), junit-jupiter-api>
 * org.cellwright.sharing.tests.BpxFigure ../../docs/bpx-1c.svg
 */
public final class BpxFigure {
	private BpxFigure() {}

	public static void main(String[] args) throws Exception {
		// in a plain JVM, what OSGi's extension registry does in the product (as run.spark's PlainJava does)
		org.eclipse.emf.ecore.EPackage.Registry.INSTANCE.putIfAbsent(org.cellwright.model.CellwrightPackage.eNS_URI,
				org.cellwright.model.CellwrightPackage.eINSTANCE);
		Path tmp = Files.createTempDirectory("bpx-figure");
		String[] colours = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e" };
		SvgLinePlot.Panel nmc = new SvgLinePlot.Panel("About:Energy NMC pouch cell, 1 C: BPX files run by CellWright", "discharged capacity [A h]",
				"voltage [V]", 0, 14, 2.6, 4.3);
		SvgLinePlot.Panel lfp = new SvgLinePlot.Panel("About:Energy LFP 18650 cell, 1 C", "discharged capacity [A h]", "voltage [V]", 0, 2.2, 2.0, 3.7);
		int c = 0;
		for (Path json : BpxValidatorTest.sharedFiles()) {
			if (!json.getParent().getFileName().toString().equals("bpx-real")) continue; // bpx/ holds copies of two of these
			String name = json.getFileName().toString().replace(".json", "");
			Path dir = tmp.resolve(name);
			StringWriter o = new StringWriter(), e = new StringWriter();
			int rc = BpxRunTest.runDischarge(json, dir, o, e);
			Path run = dir.resolve("results/Discharge1C/latest");
			if (!Files.isRegularFile(run.resolve("summary.json"))) throw new IllegalStateException(name + ": no run (rc " + rc + "): " + o + e);
			JsonObject summary = JsonParser.parseString(Files.readString(run.resolve("summary.json"))).getAsJsonObject();
			double area = summary.get("area_cm2").getAsDouble();
			List<String> rows = Files.readAllLines(run.resolve("timeseries.csv"));
			List<String> header = List.of(rows.get(0).split(","));
			int v = header.indexOf("voltage_V"), q = header.indexOf("step_capacity_mAh_cm2"), cy = header.indexOf("cycle");
			List<double[]> points = new ArrayList<>();
			for (String row : rows.subList(1, rows.size())) {
				String[] f = row.split(",");
				if (Integer.parseInt(f[cy]) >= 1) points.add(new double[] { Math.abs(Double.parseDouble(f[q])) * area / 1000, Double.parseDouble(f[v]) });
			}
			double[] x = points.stream().mapToDouble(p -> p[0]).toArray(), y = points.stream().mapToDouble(p -> p[1]).toArray();
			JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
			boolean isLfp = name.contains("lfp");
			String label = String.format(Locale.ROOT, "%s %.3f A h", name.replace("aboutenergy__", "").replace("bpxrepo__nmc_pouch_cell_BPX_", "")
					.replace("_cell_BPX", "").replace("explorebpx__nmc_pouch_cell", "explorebpx"), x[x.length - 1]);
			(isLfp ? lfp : nmc).add(label, colours[c++ % colours.length], x, y, false);
			System.out.printf(Locale.ROOT, "%s: rc %d, %.3f A h to %.4f V%n", name, rc, x[x.length - 1], y[y.length - 1]);
			if (name.equals("aboutenergy__nmc_pouch_cell_BPX") || isLfp) addMeasured(isLfp ? lfp : nmc, root);
		}
		nmc.add("nominal 12.5 A h", "#888888", new double[] { 12.5, 12.5 }, new double[] { 2.6, 4.3 }, false);
		lfp.add("nominal 2 A h", "#888888", new double[] { 2, 2 }, new double[] { 2.0, 3.7 }, false);
		Path out = Path.of(args.length > 0 ? args[0] : "docs/bpx-1c.svg");
		Files.writeString(out, SvgLinePlot.render(List.of(nmc, lfp)));
		System.out.println("figure: " + out);
	}

	/** The file's measured 1 C discharge, voltage against the charge integrated from its current, as markers. */
	private static void addMeasured(SvgLinePlot.Panel panel, JsonObject root) {
		if (!root.has("Validation") || !root.getAsJsonObject("Validation").has("1C discharge")) return;
		JsonObject d = root.getAsJsonObject("Validation").getAsJsonObject("1C discharge");
		JsonArray t = d.getAsJsonArray("Time [s]"), i = d.getAsJsonArray("Current [A]"), v = d.getAsJsonArray("Voltage [V]");
		int step = Math.max(1, t.size() / 40);
		List<double[]> points = new ArrayList<>();
		double ah = 0;
		for (int k = 0; k < t.size(); k++) {
			if (k > 0) ah += Math.abs(i.get(k).getAsDouble() + i.get(k - 1).getAsDouble()) / 2 * (t.get(k).getAsDouble() - t.get(k - 1).getAsDouble()) / 3600;
			if (k % step == 0 || k == t.size() - 1) points.add(new double[] { ah, v.get(k).getAsDouble() });
		}
		panel.add(String.format(Locale.ROOT, "measured (in the file) %.3f A h", ah), "black", points.stream().mapToDouble(p -> p[0]).toArray(),
				points.stream().mapToDouble(p -> p[1]).toArray(), true);
	}
}
