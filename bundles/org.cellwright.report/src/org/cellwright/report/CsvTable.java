package org.cellwright.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A numeric CSV with a header line, read column-wise; cells that are not numbers read as NaN. */
public final class CsvTable {
	private final Map<String, double[]> columns;
	private final int rows;

	private CsvTable(Map<String, double[]> columns, int rows) {
		this.columns = columns;
		this.rows = rows;
	}

	public static CsvTable read(Path file) {
		List<String[]> data = new ArrayList<>();
		String[] header;
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String h = r.readLine();
			if (h == null) throw new ReportException(file + ": empty (a header line is expected)");
			header = h.split(",", -1);
			String line;
			while ((line = r.readLine()) != null) if (!line.isBlank()) data.add(line.split(",", -1));
		} catch (IOException e) {
			throw new ReportException(file + ": cannot be read: " + e.getMessage(), e);
		}
		Map<String, double[]> cols = new LinkedHashMap<>();
		for (int c = 0; c < header.length; c++) {
			double[] v = new double[data.size()];
			for (int i = 0; i < v.length; i++) v[i] = c < data.get(i).length ? parse(data.get(i)[c]) : Double.NaN;
			cols.put(header[c].strip(), v);
		}
		return new CsvTable(cols, data.size());
	}

	private static double parse(String s) {
		try {
			return Double.parseDouble(s.strip());
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	public int rows() { return rows; }

	public boolean has(String column) { return columns.containsKey(column); }

	/** The column's values (empty when there is no such column). */
	public double[] column(String name) {
		double[] c = columns.get(name);
		return c == null ? new double[0] : c;
	}

	public List<String> names() { return List.copyOf(columns.keySet()); }

	/** True when the column exists and has a value other than 0 (and NaN). */
	public boolean nonZero(String name) {
		for (double d : column(name)) if (d != 0 && !Double.isNaN(d)) return true;
		return false;
	}
}
