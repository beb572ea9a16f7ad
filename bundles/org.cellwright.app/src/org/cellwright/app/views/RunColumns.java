package org.cellwright.app.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFolderException;

/**
 * What the Runs view tells of a run beyond its index row, read from the run's folder without reading its series: a
 * sweep variant's values (from its sweep's {@code sweep.csv}: the variants of a sweep share the sweep run's id and their
 * names only differ at the end) and how many of its expect checks pass ({@code checks.json}).
 */
public final class RunColumns {

	private RunColumns() {}

	/**
	 * The variant's values, "stack-pressure=5MPa, temperature=20degC", from the row of {@code sweep.csv} (in the
	 * folder's parent) that names the folder; "" for a run that is not a sweep variant or whose table does not name it.
	 */
	public static String variant(Path folder) {
		Path parent = folder.getParent(), name = folder.getFileName();
		if (parent == null || name == null) return "";
		Path table = parent.resolve(RunFiles.SWEEP_TABLE);
		if (!Files.isRegularFile(table)) return "";
		List<List<String>> rows;
		try {
			rows = CsvTable.textRows(table);
		} catch (RunFolderException e) {
			return "";
		}
		if (rows.isEmpty()) return "";
		List<String> head = rows.get(0);
		int status = head.indexOf("status");
		if (head.isEmpty() || !head.get(0).equals("run") || status < 2) return "";
		for (List<String> cells : rows.subList(1, rows.size())) {
			if (cells.size() < status || !cells.get(0).equals(name.toString())) continue;
			List<String> values = new ArrayList<>();
			for (int i = 1; i < status; i++) values.add(head.get(i) + "=" + cells.get(i));
			return String.join(", ", values);
		}
		return "";
	}

	/**
	 * The run's expect checks: "3 pass", "1 of 3 fail" (with those not evaluated left out of the count), "" without a
	 * readable checks.json or with no check in it.
	 */
	public static String checks(Path folder) {
		List<RunFolder.Check> checks = RunFolder.checksOf(folder);
		if (checks == null) return "";
		int pass = 0, fail = 0;
		for (RunFolder.Check c : checks) {
			if (c.pass() == null) continue;
			if (c.pass()) pass++;
			else fail++;
		}
		if (pass + fail == 0) return "";
		return fail == 0 ? pass + " pass" : fail + " of " + (pass + fail) + " fail";
	}

	/**
	 * A fit's result in short, for the Runs view's "change" column: its cost and each estimate's value with its unit
	 * under the estimate's short name ({@link FitReportView#shortNames}), "cost 0.25; k 2.00e-11 m/s, sigma 1.00 S/m"; a
	 * bracket's interval, "penetration-stress holds in 67.3 .. 120 MPa" (it read "cost 0; penetration-stress 80.0 MPa",
	 * a bracket's zero cost and its start, session 30).
	 */
	public static String fitResult(FitRecord fit) {
		if (fit.bracket() != null && !fit.estimates().isEmpty()) {
			FitRecord.Estimate e = fit.estimates().get(0);
			String unit = e.unit() == null || e.unit().isEmpty() ? "" : " " + e.unit();
			return FitReportView.shortNames(List.of(e.target())).get(0) + " holds in "
					+ String.format(java.util.Locale.ROOT, "%.3g .. %.3g", fit.bracket().lower().passes(), fit.bracket().upper().passes()) + unit;
		}
		List<String> names = FitReportView.shortNames(fit.estimates().stream().map(FitRecord.Estimate::target).toList());
		List<String> values = new ArrayList<>();
		for (int k = 0; k < names.size(); k++) {
			FitRecord.Estimate e = fit.estimates().get(k);
			String unit = e.unit() == null || e.unit().isEmpty() ? "" : " " + e.unit();
			values.add(names.get(k) + " " + String.format(java.util.Locale.ROOT, "%.3g", e.value()) + unit);
		}
		String cost = Double.isNaN(fit.cost()) ? "" : "cost " + String.format(java.util.Locale.ROOT, "%.3g", fit.cost());
		return values.isEmpty() ? cost : cost.isEmpty() ? String.join(", ", values) : cost + "; " + String.join(", ", values);
	}
}
