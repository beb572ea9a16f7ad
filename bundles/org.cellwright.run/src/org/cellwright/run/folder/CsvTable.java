package org.cellwright.run.folder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A numeric CSV file of a run folder (header line, then numbers; an empty cell is NaN), read with commons-csv in one
 * streaming pass into one primitive array per column: no object per row, so a 2-million-row time series takes
 * 8 bytes per number (plus nothing per line). A header without a required column, a row with more or fewer cells
 * than the header, or a cell that is not a number is a {@link RunFolderException} naming the file and line. The last
 * row of a file cut in the middle of that row (no line break at its end, as a killed writer leaves it) is left out
 * and noted in {@link #truncated()}.
 */
public final class CsvTable {
	/** How the run store writes CSV: comma separated, "\n" line ends, quotes only where needed. */
	public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

	/** Columns that hold words, not numbers (kept as text): how the steps of a cycle ended. */
	public static final java.util.Set<String> TEXT_COLUMNS = java.util.Set.of(org.cellwright.solver.output.CsvResultWriter.STEP_ENDS);

	private final Map<String, double[]> columns;
	private final Map<String, String[]> texts;
	private final int rows;
	private final boolean truncated;

	private CsvTable(Map<String, double[]> columns, Map<String, String[]> texts, int rows, boolean truncated) {
		this.texts = texts;
		this.columns = columns;
		this.rows = rows;
		this.truncated = truncated;
	}

	/** Reads a file without required columns. */
	public static CsvTable read(Path file) {
		return read(file, new String[0]);
	}

	/** Reads a file; {@code required} columns must be in its header. */
	public static CsvTable read(Path file, String... required) {
		String name = file.toString();
		long lines = countLines(file);
		boolean cut = !endsWithLineBreak(file);
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser p = FORMAT.parse(r)) {
			var it = p.iterator();
			if (!it.hasNext()) throw new RunFolderException(name + ":1: empty file, a header line was expected");
			CSVRecord head = it.next();
			List<String> header = new ArrayList<>();
			for (String h : head) header.add(h.strip());
			for (int i = 0; i < header.size(); i++) {
				if (header.get(i).isEmpty())
					throw new RunFolderException(name + ":1: column " + (i + 1) + " of the header has no name");
				if (header.indexOf(header.get(i)) != i)
					throw new RunFolderException(name + ":1: the header names column '" + header.get(i) + "' twice");
			}
			for (String req : required)
				if (!header.contains(req))
					throw new RunFolderException(name + ":1: the header has no column '" + req + "' (expected "
							+ String.join(", ", required) + "; found " + String.join(", ", header) + ")");
			int n = header.size();
			int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, lines));
			double[][] cols = new double[n][capacity];
			String[][] words = new String[n][];
			for (int c = 0; c < n; c++) if (TEXT_COLUMNS.contains(header.get(c))) words[c] = new String[capacity];
			int row = 0;
			boolean truncated = false;
			while (it.hasNext()) {
				CSVRecord rec;
				try {
					rec = it.next();
				} catch (UncheckedIOException | IllegalStateException e) {
					throw new RunFolderException(name + ":" + (p.getRecordNumber() + 1) + ": not CSV: " + e.getMessage(), e);
				}
				long line = rec.getRecordNumber(); // no cell of these files spans lines: record n is line n
				if (cut && !it.hasNext()) { // the writer ends every row with a line break: this one was cut (a killed writer)
					truncated = true;
					break;
				}
				if (rec.size() != n)
					throw new RunFolderException(name + ":" + line + ": " + rec.size() + " cells, but the header (line 1) has " + n);
				if (row == cols[0].length) for (int c = 0; c < n; c++) {
					cols[c] = Arrays.copyOf(cols[c], Math.max(16, row * 2));
					if (words[c] != null) words[c] = Arrays.copyOf(words[c], Math.max(16, row * 2));
				}
				for (int c = 0; c < n; c++) {
					String cell = rec.get(c).strip();
					if (words[c] != null) {
						words[c][row] = cell;
						cols[c][row] = Double.NaN;
					} else if (cell.isEmpty()) cols[c][row] = Double.NaN;
					else try {
						cols[c][row] = Double.parseDouble(cell);
					} catch (NumberFormatException e) {
						throw new RunFolderException(name + ":" + line + ": '" + printable(cell) + "' in column " + header.get(c) + " is not a number");
					}
				}
				row++;
			}
			Map<String, double[]> out = new LinkedHashMap<>();
			Map<String, String[]> text = new LinkedHashMap<>();
			for (int c = 0; c < n; c++) {
				out.put(header.get(c), cols[c].length == row ? cols[c] : Arrays.copyOf(cols[c], row));
				if (words[c] != null) text.put(header.get(c), Arrays.copyOf(words[c], row));
			}
			return new CsvTable(out, text, row, truncated);
		} catch (IOException | UncheckedIOException e) {
			throw new RunFolderException(name + ": cannot be read: " + e.getMessage(), e);
		}
	}

	private static String printable(String s) {
		String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
		return org.cellwright.lang.text.Printable.escape(t);
	}

	/** Line breaks in the file: an upper bound of its rows, so that the columns are allocated once. */
	private static long countLines(Path file) {
		long n = 0;
		byte[] buf = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int k; (k = in.read(buf)) > 0;)
				for (int i = 0; i < k; i++) if (buf[i] == '\n') n++;
		} catch (IOException e) {
			throw new RunFolderException(file + ": cannot be read: " + e.getMessage(), e);
		}
		return n;
	}

	private static boolean endsWithLineBreak(Path file) {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = ch.size();
			if (size == 0) return true;
			ByteBuffer b = ByteBuffer.allocate(1);
			ch.read(b, size - 1);
			return b.get(0) == '\n';
		} catch (IOException e) {
			throw new RunFolderException(file + ": cannot be read: " + e.getMessage(), e);
		}
	}

	/** A small CSV file as text rows (the header first), e.g. a sweep's table for a report. */
	public static List<List<String>> textRows(Path file) {
		List<List<String>> out = new ArrayList<>();
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = FORMAT.parse(r)) {
			for (CSVRecord rec : p) out.add(rec.toList());
		} catch (IOException | UncheckedIOException | IllegalStateException e) {
			throw new RunFolderException(file + ": cannot be read: " + e.getMessage(), e);
		}
		return out;
	}

	public int rows() { return rows; }

	/** True when the last row was cut in the middle (and left out). */
	public boolean truncated() { return truncated; }

	public boolean has(String column) { return columns.containsKey(column); }

	/** The column's values (an empty array when there is no such column). */
	/** A text column ({@link #TEXT_COLUMNS}), or null when the file has none of that name. */
	public String[] text(String name) {
		String[] t = texts.get(name);
		return t == null ? null : t.clone();
	}

	public double[] column(String name) {
		double[] c = columns.get(name);
		return c == null ? new double[0] : c;
	}

	/** The header's names, in file order. */
	public List<String> names() { return List.copyOf(columns.keySet()); }

	/** The header names that start with the prefix, in file order. */
	public List<String> columnsStartingWith(String prefix) {
		return columns.keySet().stream().filter(h -> h.startsWith(prefix)).toList();
	}

	/** True when the column exists and has a value other than 0 (and NaN). */
	public boolean nonZero(String name) {
		for (double d : column(name)) if (d != 0 && !Double.isNaN(d)) return true;
		return false;
	}
}
