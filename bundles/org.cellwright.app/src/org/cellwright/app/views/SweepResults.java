package org.cellwright.app.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.run.folder.CsvTable;
import org.cellwright.run.folder.Figures;
import org.cellwright.run.folder.RunFiles;
import org.cellwright.run.folder.RunFolder;
import org.cellwright.run.folder.RunFolderException;
import org.cellwright.run.folder.Summary;

/**
 * A sweep's table ({@code sweep.csv}, read through the run bundle's {@link CsvTable}): the run column, the swept
 * parameters (the columns between the run and {@code status}, their values as written, "20 MPa") and the key metrics.
 * Each cell is also read as a number (a parameter's leading number in the unit written), NaN when it is none.
 * Efficiencies and the capacity retention, fractions in the file, are shown and plotted in % (through {@link Figures},
 * as the Results view and the report show them); a half cell's capacity retention (last over first discharge: for a
 * half cell the plating of a set capacity, 1 by construction) is not applicable, as in the Results view.
 */
public final class SweepResults {

	/** The first metric column of a sweep table: the columns before it (after "run") are the parameters. */
	static final String FIRST_METRIC = "status";
	private static final Pattern LEADING_NUMBER = Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*)");

	private final Path folder;
	private final List<String> header;
	private final List<List<String>> rows;
	private final List<String> parameters, metrics;
	private final Boolean[] halfCells;

	/** The columns holding fractions (0.985 in sweep.csv), shown in %. */
	static final java.util.Set<String> FRACTIONS = java.util.Set.of("first_ce", "last_ce", "capacity_retention");
	static final String RETENTION = "capacity_retention";
	/** What a half cell's capacity retention shows. */
	public static final String NOT_APPLICABLE = "n/a (half cell)";

	private SweepResults(Path folder, List<String> header, List<List<String>> rows) {
		this.folder = folder;
		this.header = List.copyOf(header);
		this.rows = rows;
		int status = header.indexOf(FIRST_METRIC);
		int end = status < 0 ? header.size() : status;
		parameters = List.copyOf(header.subList(Math.min(1, end), end));
		metrics = List.copyOf(header.subList(end, header.size()));
		halfCells = new Boolean[rows.size()];
	}

	/** The sweep's folder a path stands for: a folder holding sweep.csv, or sweep.csv itself; null when none. */
	public static Path folderOf(Path p) {
		if (p == null) return null;
		if (Files.isRegularFile(p) && p.getFileName().toString().equals(RunFiles.SWEEP_TABLE)) return p.toAbsolutePath().getParent();
		if (Files.isRegularFile(p.resolve(RunFiles.SWEEP_TABLE))) return p;
		Path latest = org.cellwright.run.store.RunStore.latest(p); // a sweep's folder in the run store: its latest run
		return latest != null && Files.isRegularFile(latest.resolve(RunFiles.SWEEP_TABLE)) ? latest : null;
	}

	/** Reads the sweep table of a sweep's run folder; a {@link RunFolderException} names the file (and line) otherwise. */
	public static SweepResults read(Path path) {
		Path folder = folderOf(path);
		if (folder == null) throw new RunFolderException(path + ": no " + RunFiles.SWEEP_TABLE + " (run the sweep first)");
		Path file = folder.resolve(RunFiles.SWEEP_TABLE);
		List<List<String>> all = CsvTable.textRows(file);
		if (all.isEmpty()) throw new RunFolderException(file + ":1: empty file, a header line was expected");
		List<String> header = all.get(0);
		if (header.isEmpty() || !header.get(0).equals("run"))
			throw new RunFolderException(file + ":1: the header does not start with 'run'");
		List<List<String>> rows = new ArrayList<>();
		for (int i = 1; i < all.size(); i++) {
			if (all.get(i).size() != header.size())
				throw new RunFolderException(file + ":" + (i + 1) + ": " + all.get(i).size() + " cells, but the header (line 1) has " + header.size());
			rows.add(List.copyOf(all.get(i)));
		}
		return new SweepResults(folder, header, rows);
	}

	public Path folder() { return folder; }

	/** The sweep's name: its folder in the run store ({@code <sweep>/<run id>}). */
	public String name() {
		Path p = folder.getParent();
		return p == null || p.getFileName() == null ? folder.getFileName().toString() : p.getFileName().toString();
	}

	public List<String> header() { return header; }

	public List<List<String>> rows() { return rows; }

	public List<String> parameters() { return parameters; }

	/** The metric columns (status first). */
	public List<String> metrics() { return metrics; }

	/** The metrics that hold numbers in at least one row (not status; not the retention of a sweep of half cells). */
	public List<String> numericMetrics() {
		return metrics.stream().filter(m -> java.util.stream.IntStream.range(0, rows.size()).anyMatch(r -> !Double.isNaN(value(r, m)))).toList();
	}

	public String text(int row, String column) {
		int c = header.indexOf(column);
		return c < 0 ? "" : rows.get(row).get(c);
	}

	/**
	 * The cell's number (a parameter's leading number: 20 of "20 MPa"; an efficiency or retention in %), NaN when it has
	 * none or it does not apply (a half cell's capacity retention).
	 */
	public double value(int row, String column) {
		if (column.equals(RETENTION) && halfCell(row)) return Double.NaN;
		double v = number(text(row, column));
		return FRACTIONS.contains(column) ? 100 * v : v;
	}

	/** The cell as shown: a fraction in % ({@link Figures#percent}), a half cell's retention {@link #NOT_APPLICABLE}, else as written. */
	public String shown(int row, String column) {
		if (column.equals(RETENTION) && halfCell(row)) return NOT_APPLICABLE;
		return FRACTIONS.contains(column) ? Figures.percent(number(text(row, column))) : text(row, column);
	}

	/**
	 * Whether a row's run is a solid-state half cell ({@link RunFolder#halfCell(Path, Summary)}: a DFN sweep read "n/a
	 * (half cell)", its cycles having no mAh/g either); false when its summary cannot be read.
	 */
	public boolean halfCell(int row) {
		if (halfCells[row] == null) {
			boolean half = false;
			Path summary = runFolder(row).resolve(RunFiles.SUMMARY);
			try {
				if (Files.isRegularFile(summary)) {
					half = RunFolder.halfCell(runFolder(row), Summary.read(summary));
				}
			} catch (RuntimeException e) {
				half = false; // not told: shown as written
			}
			halfCells[row] = half;
		}
		return halfCells[row];
	}

	/** The unit written after a parameter's values ("MPa"), or "" when they have none or differ. */
	public String unit(String parameter) {
		String unit = null;
		for (int r = 0; r < rows.size(); r++) {
			Matcher m = LEADING_NUMBER.matcher(text(r, parameter));
			String u = m.matches() ? m.group(2).strip() : "";
			if (unit == null) unit = u;
			else if (!unit.equals(u)) return "";
		}
		return unit == null ? "" : unit;
	}

	/** The folder of a row's run (the sweep's folder / the run column). */
	public Path runFolder(int row) {
		return folder.resolve(rows.get(row).get(0));
	}

	/** The rows grouped by the text of a column (in the order they first appear); one group of all rows for null. */
	public Map<String, List<Integer>> groups(String column) {
		Map<String, List<Integer>> out = new LinkedHashMap<>();
		for (int r = 0; r < rows.size(); r++) out.computeIfAbsent(column == null ? "" : text(r, column), k -> new ArrayList<>()).add(r);
		return out;
	}

	static double number(String s) {
		if (s == null || s.isBlank()) return Double.NaN;
		Matcher m = LEADING_NUMBER.matcher(s);
		if (!m.matches()) return Double.NaN;
		try {
			return Double.parseDouble(m.group(1));
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}
}
