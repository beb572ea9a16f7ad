package org.cellwright.app.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFolderException;
import org.cellwright.run.folder.Summary;

/**
 * What the Runs view tells of a run beyond its index row, read from the run's folder without reading its series: a
 * sweep variant's values (from its sweep's {@code sweep.csv}: the variants of a sweep share the sweep run's id and their
 * names only differ at the end), how many of its expect checks pass ({@code checks.json}) and a soft short's cycle
 * beside its status ({@code summary.json}).
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
	 * The run's status as the Runs view shows it: the index's ("COMPLETED"), with a soft short's cycle where the run's
	 * summary.json has one ("COMPLETED, soft short in cycle 12"): the Results view and the report said "soft short: cycle
	 * 1, step 1 ...", the Runs view "COMPLETED" alone, and runs.csv has no soft short (session 31 walk). summary.json is
	 * read once per change (its modification time and size).
	 */
	public static String status(String indexed, Path folder) {
		Summary.ShortCircuit soft = softShort(folder);
		return soft == null ? indexed : indexed + ", soft short in cycle " + soft.cycle();
	}

	/** The run's first soft short as its summary.json says it, or null (none, no summary.json, one that cannot be read). */
	static Summary.ShortCircuit softShort(Path folder) {
		Path json = folder.resolve(RunFiles.SUMMARY).toAbsolutePath().normalize();
		java.nio.file.attribute.BasicFileAttributes a;
		try {
			a = Files.readAttributes(json, java.nio.file.attribute.BasicFileAttributes.class);
		} catch (java.io.IOException e) {
			SOFT_SHORTS.remove(json);
			return null;
		}
		ReadSoftShort kept = SOFT_SHORTS.get(json);
		if (kept != null && kept.modified().equals(a.lastModifiedTime()) && kept.size() == a.size()) return kept.softShort();
		Summary.ShortCircuit soft;
		try {
			soft = Summary.read(json).softShort();
		} catch (RuntimeException e) {
			soft = null; // a summary.json that cannot be read: the index's status alone
		}
		SOFT_SHORTS.put(json, new ReadSoftShort(a.lastModifiedTime(), a.size(), soft));
		return soft;
	}

	private record ReadSoftShort(java.nio.file.attribute.FileTime modified, long size, Summary.ShortCircuit softShort) {}

	private static final java.util.Map<Path, ReadSoftShort> SOFT_SHORTS = new java.util.concurrent.ConcurrentHashMap<>();

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
