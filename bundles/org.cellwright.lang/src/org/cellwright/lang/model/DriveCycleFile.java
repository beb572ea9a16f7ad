package org.cellwright.lang.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The samples of a drive-cycle file as PyBaMM ships them (../shared/data/dfn-reference/drive-cycles): '#' comment
 * lines, the last of which may name the columns with their units ("time [s],Power [kW]"), then rows of two numbers,
 * time [s] from 0 ascending and a current or power; CRLF or LF line ends. Read by the protocol validator and by the run
 * mapping of a {@code follow} step.
 *
 * @param time sample times [s]
 * @param value the second column as written
 * @param valueName the second column's name in the header ("Current", "Power"), or "" without a header
 * @param valueUnit the second column's unit in the header ("A", "kW"), or "" without one
 */
public record DriveCycleFile(double[] time, double[] value, String valueName, String valueUnit) {

	/** A problem of the file, at a line (1-based; 0 = the file as a whole). */
	public static final class Problem extends Exception {
		private static final long serialVersionUID = 1L;
		private final int line;

		Problem(int line, String message) {
			super(message);
			this.line = line;
		}

		public int line() {
			return line;
		}
	}

	private static final Pattern COLUMN = Pattern.compile("([A-Za-z][A-Za-z _-]*?)\\s*\\[([^\\]]*)\\]");

	/** Largest magnitude of the values. */
	public double peak() {
		double p = 0;
		for (double v : value)
			p = Math.max(p, Math.abs(v));
		return p;
	}

	public static DriveCycleFile read(Path file) throws IOException, Problem {
		long size = Files.size(file);
		if (size > org.cellwright.lang.Limits.MAX_DRIVE_CYCLE_BYTES)
			throw new Problem(0, String.format(java.util.Locale.ROOT, "too large (%.1f MB; a drive cycle has at most %d MB, the limit,"
					+ " see 'Limits' in docs/language.md): sample it more coarsely", size / 1048576.0, org.cellwright.lang.Limits.MAX_DRIVE_CYCLE_BYTES / 1048576));
		List<double[]> rows = new ArrayList<>();
		String header = "";
		CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreSurroundingSpaces(true)
				.setIgnoreEmptyLines(true).get();
		try (Reader r = text(file); CSVParser csv = format.parse(r)) {
			for (CSVRecord rec : csv) {
				int line = (int) csv.getCurrentLineNumber();
				if (rows.isEmpty() && rec.hasComment())
					header = rec.getComment();
				if (rec.size() < 2)
					throw new Problem(line, "a row needs two columns, time [s] and value; this one has " + rec.size());
				double t = number(rec.get(0), line, "time"), v = number(rec.get(1), line, "value");
				if (rows.isEmpty() && t != 0)
					throw new Problem(line, "a drive cycle starts at time 0, not " + rec.get(0) + " s");
				if (!rows.isEmpty() && !(t > rows.get(rows.size() - 1)[0]))
					throw new Problem(line, "times must increase: " + rec.get(0) + " s after " + rows.get(rows.size() - 1)[0] + " s");
				rows.add(new double[] { t, v });
			}
		} catch (java.io.UncheckedIOException e) {
			throw new Problem(0, "unreadable: " + e.getCause().getMessage());
		}
		if (rows.size() < 2)
			throw new Problem(0, "a drive cycle needs two or more (time, value) rows, this file has " + rows.size());
		String name = "", unit = "";
		String[] lines = header.split("\n");
		Matcher m = COLUMN.matcher(lines[lines.length - 1]);
		if (m.find() && m.find()) { // the second column
			name = m.group(1).strip();
			unit = m.group(2).strip();
		}
		return new DriveCycleFile(rows.stream().mapToDouble(x -> x[0]).toArray(), rows.stream().mapToDouble(x -> x[1]).toArray(), name, unit);
	}

	/**
	 * The file as UTF-8 text, a byte-order mark skipped and a byte that is no UTF-8 read as U+FFFD: a spreadsheet's
	 * "CSV UTF-8" starts with a mark, which made the first row's time (or a '#' header) "'\uFEFF0' is not a number"; a
	 * Latin-1 degree sign in a header comment was "cannot be read (Input length = 1)" at no line (session 24's fuzz).
	 */
	private static Reader text(Path file) throws IOException {
		java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
				.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE).onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)));
		r.mark(1);
		if (r.read() != org.cellwright.lang.CellWrightResource.BYTE_ORDER_MARK) r.reset();
		return r;
	}

	private static double number(String s, int line, String what) throws Problem {
		try {
			double v = Double.parseDouble(s);
			if (Double.isFinite(v))
				return v;
		} catch (NumberFormatException e) {
			// below
		}
		throw new Problem(line, "the " + what + " '" + s + "' is not a number");
	}
}
