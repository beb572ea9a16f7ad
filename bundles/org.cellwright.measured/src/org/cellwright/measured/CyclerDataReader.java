package org.cellwright.measured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cellwright.lang.units.Dimension;
import org.cellwright.lang.units.Unit;
import org.cellwright.lang.units.Units;

/**
 * Reads cycler data (BDF CSV, or the text exports of Arbin, Neware, BioLogic EC-Lab and Maccor, or any delimited
 * file through a {@link ColumnMapping}) into a {@link MeasuredSeries} in SI. The header row is found by its column
 * names (BioLogic's "Nb header lines" is honoured), the delimiter (comma, semicolon, tab) from the header, units
 * from the headers or the mapping, converted through the language's unit table and checked against the
 * quantity's dimension. All or nothing: any problem is one {@link MeasuredDataException} naming file and line, and
 * nothing is returned half-read.
 */
public final class CyclerDataReader {

	/** Rows read at most (about 250 MB of columns); a larger file is refused with this number in the message. */
	public static final int MAX_ROWS = 5_000_000;
	/** Lines searched for the header row. */
	public static final int MAX_HEADER_SEARCH = 200;
	/**
	 * Characters a line has at most: a cycler's row of a hundred columns is a few thousand; a file of a line longer than
	 * this is refused at that line (a line of a gigabyte was read whole into memory, twice, and ran out of it).
	 */
	public static final int MAX_LINE_CHARS = 1 << 20;
	/** Bytes at the start of a file that must hold no NUL byte (a text export has none; a binary file many). */
	private static final int TEXT_PROBE_BYTES = 1 << 16;

	private static final Pattern BIOLOGIC_HEADER_LINES = Pattern.compile("(?i)nb header lines\\s*:\\s*(\\d+)");
	private static final Pattern CLOCK = Pattern.compile("(?:(\\d+)-)?(\\d+):(\\d{1,2}):(\\d{1,2}(?:\\.\\d+)?)");

	private CyclerFormat format;
	private ColumnMapping mapping;
	private boolean invertCurrent;

	/** Reads the file as this format instead of detecting it. */
	public CyclerDataReader format(CyclerFormat f) {
		this.format = f;
		return this;
	}

	/** Reads the columns this mapping names (takes precedence over a format). */
	public CyclerDataReader mapping(ColumnMapping m) {
		this.mapping = m;
		return this;
	}

	/** The file counts discharge current positive: flip its sign to CellWright's convention (charge positive). */
	public CyclerDataReader invertCurrent(boolean invert) {
		this.invertCurrent = invert;
		return this;
	}

	/** A located column: its index in the row and how its text converts to SI. */
	private record Bound(MeasuredQuantity quantity, int index, String header, Unit unit, boolean clock) {
	}

	private record Header(int lineNumber, List<String> fields, char delimiter, String formatLabel,
			List<Bound> columns) {
	}

	public MeasuredSeries read(Path file) throws MeasuredDataException {
		binary(file);
		List<String> head = new ArrayList<>();
		try (BufferedReader in = open(file)) {
			for (String l; head.size() < MAX_HEADER_SEARCH && (l = in.readLine()) != null;) {
				head.add(l);
			}
		} catch (LineTooLong e) {
			throw new MeasuredDataException(file, e.line, e.getMessage());
		} catch (IOException e) {
			throw new MeasuredDataException(file, 0, "cannot read: " + e.getMessage());
		}
		if (head.stream().allMatch(String::isBlank)) {
			throw new MeasuredDataException(file, 0, "the file is empty");
		}
		Header header = findHeader(file, head);
		return readRows(file, header);
	}

	/**
	 * Refuses a binary file (a NUL byte among its first bytes, no UTF-16 mark): a cycler's own file format is no text
	 * export, and was read as lines of garbage ("no header row names time and voltage ... give a column mapping").
	 */
	private static void binary(Path file) throws MeasuredDataException {
		byte[] b;
		try (var in = Files.newInputStream(file)) {
			b = in.readNBytes(TEXT_PROBE_BYTES);
		} catch (IOException e) {
			throw new MeasuredDataException(file, 0, "cannot read: " + e.getMessage());
		}
		boolean utf16 = b.length >= 2 && ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe || (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff);
		for (byte x : b)
			if (x == 0 && !utf16)
				throw new MeasuredDataException(file, 0, "not a text file (it holds NUL bytes): a cycler's own file (BioLogic .mpr,"
						+ " Arbin .res, Neware .nda, Excel .xlsx) is read as its text export: export the data as CSV or text");
	}

	/** A line longer than {@link #MAX_LINE_CHARS}, or a quoted field ({@link QuoteBound}), at its line. */
	private static final class LineTooLong extends IOException {
		private static final long serialVersionUID = 1L;
		final long line;

		LineTooLong(long line) {
			this(line, String.format(Locale.ROOT, "the line is longer than %,d characters, more than any cycler export's row: is this"
					+ " a text export of measured data?", MAX_LINE_CHARS));
		}

		LineTooLong(long line, String message) {
			super(message);
			this.line = line;
		}
	}

	/** A reader that sees every character it passes on ({@link #count}), which may refuse it. */
	private abstract static class Counting extends java.io.FilterReader {
		Counting(Reader in) {
			super(in);
		}

		abstract void count(char c) throws LineTooLong;

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c >= 0) count((char) c);
			return c;
		}

		@Override
		public int read(char[] buf, int off, int len) throws IOException {
			int n = super.read(buf, off, len);
			for (int k = off; k < off + n; k++) count(buf[k]);
			return n;
		}
	}

	/**
	 * A reader of the rows (after the header) that refuses a quoted field longer than {@link #MAX_LINE_CHARS}
	 * ({@link LineTooLong} at the line its quote opened in) before the CSV parser holds it: a quote never closed read
	 * the rest of the file into one field before its error (a line bound cannot see a quoted field across lines;
	 * commons-csv offers no bound of a field). Follows the parser's reading of {@code CSVFormat.DEFAULT} with the
	 * delimiter and surrounding spaces ignored: a quote opens a field only at its start, {@code ""} inside is a quote.
	 */
	private static final class QuoteBound extends Counting {
		private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

		private final char delimiter;
		private State state = State.FIELD_START;
		private long line, openedAt, length;

		/** {@code line}: the file's line the reader starts at. */
		QuoteBound(Reader in, char delimiter, long line) {
			super(in);
			this.delimiter = delimiter;
			this.line = line;
		}

		@Override
		void count(char c) throws LineTooLong {
			boolean end = c == delimiter || c == '\n' || c == '\r';
			state = switch (state) {
			case FIELD_START -> c == '"' ? State.QUOTED : end || c == ' ' || c == '\t' ? State.FIELD_START : State.UNQUOTED;
			case UNQUOTED -> end ? State.FIELD_START : State.UNQUOTED;
			case QUOTED -> c == '"' ? State.QUOTE_IN_QUOTED : State.QUOTED;
			case QUOTE_IN_QUOTED -> c == '"' ? State.QUOTED : end ? State.FIELD_START : State.UNQUOTED;
			};
			if (state == State.QUOTED && c == '"' && length == 0) openedAt = line; // the opening quote (an escaped one counts 1)
			if (state == State.QUOTED || state == State.QUOTE_IN_QUOTED) {
				if (++length > MAX_LINE_CHARS)
					throw new LineTooLong(openedAt, String.format(Locale.ROOT, "a quote '\"' opened in this row is not closed within %,d"
							+ " characters, more than any cycler export's field: close or remove it (else the rest of the file is one field)",
							MAX_LINE_CHARS));
			} else {
				length = 0;
			}
			if (c == '\n') line++;
		}
	}

	/** A reader that refuses a line longer than {@link #MAX_LINE_CHARS} ({@link LineTooLong}) before it is read whole. */
	private static final class LineBound extends Counting {
		private long line = 1, length;

		LineBound(Reader in) {
			super(in);
		}

		@Override
		void count(char c) throws LineTooLong {
			if (c == '\n') {
				line++;
				length = 0;
			} else if (c == '\r') {
				length = 0; // a line of its own where a file ends its lines with CR alone
			} else if (++length > MAX_LINE_CHARS) {
				throw new LineTooLong(line);
			}
		}
	}

	/**
	 * The file as text: UTF-8, or UTF-16 where it starts with a UTF-16 byte-order mark (a spreadsheet's "Unicode text"
	 * export), a byte-order mark itself skipped; each pass over the file (header search, rows) reads it alike. A mark
	 * was stripped from the header search's first line only: a headerless file read by column number started its first
	 * row with it ("'\uFEFF0.0' is not a number"), and a UTF-16 file was "no header row".
	 */
	private static BufferedReader open(Path file) throws IOException {
		java.io.PushbackInputStream bytes = new java.io.PushbackInputStream(Files.newInputStream(file), 3);
		byte[] mark = new byte[3];
		int n = bytes.readNBytes(mark, 0, 3);
		java.nio.charset.Charset charset = StandardCharsets.UTF_8;
		int skip = 0;
		if (n >= 2 && (mark[0] & 0xff) == 0xff && (mark[1] & 0xff) == 0xfe) {
			charset = StandardCharsets.UTF_16LE;
			skip = 2;
		} else if (n >= 2 && (mark[0] & 0xff) == 0xfe && (mark[1] & 0xff) == 0xff) {
			charset = StandardCharsets.UTF_16BE;
			skip = 2;
		} else if (n == 3 && (mark[0] & 0xff) == 0xef && (mark[1] & 0xff) == 0xbb && (mark[2] & 0xff) == 0xbf) {
			skip = 3;
		}
		if (n > skip) bytes.unread(mark, skip, n - skip);
		// undecodable bytes (e.g. a Windows-1252 degree sign in a header) become U+FFFD instead of failing the read
		Reader r = new InputStreamReader(bytes, charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
		return new BufferedReader(new LineBound(r), 1 << 16);
	}

	private Header findHeader(Path file, List<String> head) throws MeasuredDataException {
		int from = 0;
		for (int i = 0; i < Math.min(head.size(), 5); i++) {
			Matcher m = BIOLOGIC_HEADER_LINES.matcher(head.get(i));
			if (m.find()) {
				// the header row is the block's last line; one beyond the lines searched is no header of this file (a
				// count beyond an int ended in "For input string: ..." without file or line)
				String n = m.group(1).replaceFirst("^0+(?=\\d)", "");
				if (n.length() > 9 || Integer.parseInt(n) > head.size()) {
					throw new MeasuredDataException(file, i + 1, "'" + clip(m.group()) + "' puts the header row at line " + n
							+ (head.size() < MAX_HEADER_SEARCH ? ", but the file has " + head.size() + " lines"
									: ", beyond the first " + MAX_HEADER_SEARCH + " lines, where it is looked for"));
				}
				from = Math.max(0, Integer.parseInt(n) - 1);
			}
		}
		if (mapping != null && mapping.byPosition()) {
			int first = firstNonBlank(head, from);
			if (first < 0) {
				throw new MeasuredDataException(file, 0, "no data rows");
			}
			char d = delimiter(head.get(first));
			boolean headed = !looksNumeric(split(head.get(first), d));
			List<Bound> cols = new ArrayList<>();
			for (var e : mapping.columns().entrySet()) {
				cols.add(bind(file, first + 1, e.getKey(), e.getValue().position() - 1, "column " + e.getValue().position(),
						e.getValue().unit()));
			}
			// a header row, if any, is skipped; data start on the line after it
			return new Header(headed ? first + 1 : first, List.of(), d, "mapped columns", cols);
		}
		MeasuredDataException best = null;
		for (int i = from; i < head.size(); i++) {
			String line = head.get(i);
			if (line.isBlank()) {
				continue;
			}
			char d = delimiter(line);
			List<String> fields = split(line, d);
			if (mapping != null) {
				Optional<Header> h = mapped(file, i + 1, fields, d);
				if (h.isPresent()) {
					return h.get();
				}
				continue;
			}
			for (CyclerFormat f : format != null ? List.of(format) : List.of(CyclerFormat.values())) {
				try {
					Optional<Header> h = byFormat(file, i + 1, fields, d, f);
					if (h.isPresent()) {
						return h.get();
					}
				} catch (MeasuredDataException e) {
					best = best == null ? e : best;
				}
			}
		}
		if (best != null) {
			throw best;
		}
		if (mapping != null) {
			throw new MeasuredDataException(file, 0, "no line in the first " + MAX_HEADER_SEARCH
					+ " names the mapped columns " + mapping.columns().values().stream().map(c -> "'" + c.header() + "'").toList());
		}
		int first = firstNonBlank(head, from);
		if (first >= 0 && looksNumeric(split(head.get(first), delimiter(head.get(first))))) {
			// the mapping as a .cell file writes it (the hint named a '--columns' option that no command has)
			throw new MeasuredDataException(file, first + 1, "the file has no header row: name its columns with a mapping,"
					+ " e.g. measured \"...\" columns \"time=1:s,voltage=2:V\"");
		}
		// at the first line the search read (it was line 0, no line of the file)
		throw new MeasuredDataException(file, Math.max(first, from) + 1, "no header row names time and voltage the way "
				+ (format != null ? format.label() : "BDF, Arbin, Neware, BioLogic or Maccor")
				+ " exports do (BDF: 'Test Time / s', 'Voltage / V', 'Current / A'); give a column mapping");
	}

	private Optional<Header> byFormat(Path file, int lineNumber, List<String> fields, char d, CyclerFormat f)
			throws MeasuredDataException {
		List<Bound> cols = new ArrayList<>();
		boolean[] seen = new boolean[MeasuredQuantity.values().length];
		for (int i = 0; i < fields.size(); i++) {
			for (CyclerFormat.ColumnRule rule : f.rules()) {
				if (seen[rule.quantity().ordinal()]) {
					continue;
				}
				String unit = rule.unitOf(fields.get(i));
				if (unit != null) {
					seen[rule.quantity().ordinal()] = true;
					cols.add(bind(file, lineNumber, rule.quantity(), i, fields.get(i), unit));
					break;
				}
			}
		}
		if (!seen[MeasuredQuantity.TIME.ordinal()] || !seen[MeasuredQuantity.VOLTAGE.ordinal()]) {
			if (seen[MeasuredQuantity.TIME.ordinal()] || seen[MeasuredQuantity.VOLTAGE.ordinal()]) {
				if (cols.size() >= 2) {
					MeasuredQuantity missing = seen[MeasuredQuantity.TIME.ordinal()] ? MeasuredQuantity.VOLTAGE
							: MeasuredQuantity.TIME;
					throw new MeasuredDataException(file, lineNumber, "the " + f.label() + " header has no "
							+ missing.key() + " column (BDF: '" + missing.bdfLabel() + "')");
				}
			}
			return Optional.empty();
		}
		return Optional.of(new Header(lineNumber, fields, d, f.label(), cols));
	}

	private Optional<Header> mapped(Path file, int lineNumber, List<String> fields, char d) throws MeasuredDataException {
		List<Bound> cols = new ArrayList<>();
		for (var e : mapping.columns().entrySet()) {
			int idx = e.getValue().position() > 0 ? e.getValue().position() - 1 : indexOf(fields, e.getValue().header());
			if (idx < 0) {
				return Optional.empty();
			}
			cols.add(bind(file, lineNumber, e.getKey(), idx, fields.size() > idx ? fields.get(idx) : "column " + (idx + 1),
					e.getValue().unit()));
		}
		return Optional.of(new Header(lineNumber, fields, d, "mapped columns", cols));
	}

	private static int indexOf(List<String> fields, String header) {
		for (int i = 0; i < fields.size(); i++) {
			if (fields.get(i).trim().equalsIgnoreCase(header.trim())) {
				return i;
			}
		}
		return -1;
	}

	private static Bound bind(Path file, long line, MeasuredQuantity q, int index, String header, String unitText)
			throws MeasuredDataException {
		String u = unitText.trim();
		boolean clock = false;
		if (q == MeasuredQuantity.TIME && u.isEmpty()) {
			clock = true; // Neware's "Total Time" as h:mm:ss
			u = "s";
		}
		if (u.equals("1") || u.equals("-")) {
			u = "";
		} else if (u.equalsIgnoreCase("sec")) {
			u = "s";
		} else if (u.equals("°C") || u.equals("\u00B0C") || u.equalsIgnoreCase("degc")) {
			u = "degC";
		}
		Optional<Unit> unit = Units.find(u);
		if (unit.isEmpty()) {
			throw new MeasuredDataException(file, line, "column '" + header + "': " + Units.unknownUnitMessage(u));
		}
		Dimension want = q.dimension();
		if (unit.get().dimension() != want) {
			throw new MeasuredDataException(file, line, "column '" + header + "' is in " + (u.isEmpty() ? "no unit" : u)
					+ ", " + unit.get().dimension().description() + "; " + q.key() + " needs " + want.description());
		}
		return new Bound(q, index, header, unit.get(), clock);
	}

	private MeasuredSeries readRows(Path file, Header header) throws MeasuredDataException {
		Map<MeasuredQuantity, DoubleColumn> data = new EnumMap<>(MeasuredQuantity.class);
		for (Bound b : header.columns()) {
			data.put(b.quantity(), new DoubleColumn());
		}
		int needed = header.columns().stream().mapToInt(Bound::index).max().orElse(0) + 1;
		CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(header.delimiter()).setIgnoreSurroundingSpaces(true)
				.setIgnoreEmptyLines(true).get();
		try (BufferedReader in = open(file)) {
			for (int skip = 0; skip < header.lineNumber(); skip++) {
				in.readLine();
			}
			long lineOffset = header.lineNumber();
			CSVParser parser = csv.parse(new QuoteBound(in, header.delimiter(), lineOffset + 1));
			double lastTime = Double.NEGATIVE_INFINITY;
			int rows = 0;
			var records = parser.iterator();
			for (long next = lineOffset + 1;; next = lineOffset + parser.getCurrentLineNumber() + 1) {
				CSVRecord rec;
				try {
					if (!records.hasNext()) break;
					rec = records.next();
				} catch (java.io.UncheckedIOException e) {
					for (Throwable c = e; c != null; c = c.getCause())
						if (c instanceof LineTooLong l) throw new MeasuredDataException(file, l.line, l.getMessage()); // the file's line
					// a quote never closed (the rest of the file read as one field) was "cannot read:
					// org.apache.commons.csv.CSVException: (startline 1) EOF reached ..." at no line of the file
					throw new MeasuredDataException(file, next, "cannot read the row from here on: " + e.getCause().getMessage()
							.replaceFirst("^\\(startline \\d+\\) ", "") + " (a quote '\"' opened and never closed?)");
				}
				long line = lineOffset + parser.getCurrentLineNumber();
				if (rec.size() == 1 && rec.get(0).isBlank()) {
					continue;
				}
				if (rec.size() < needed) {
					throw new MeasuredDataException(file, line, "the row has " + rec.size() + " fields, the header "
							+ needed + " or more (a cut or ragged row)");
				}
				if (++rows > MAX_ROWS) {
					throw new MeasuredDataException(file, line, "more than " + MAX_ROWS
							+ " rows; split the file or thin it out before importing");
				}
				for (Bound b : header.columns()) {
					String text = rec.get(b.index());
					double v = b.clock() ? clock(file, line, b, text) : number(file, line, b, text, header.delimiter());
					double si = b.unit().toSI(v);
					if (b.quantity() == MeasuredQuantity.CURRENT && invertCurrent) {
						si = si == 0 ? 0 : -si; // no -0.0: a rest reads (and is kept as BDF) as 0, as in the file
					}
					if (b.quantity() == MeasuredQuantity.TIME) {
						if (si < lastTime) {
							throw new MeasuredDataException(file, line, "time goes back from " + fmt(lastTime)
									+ " s to " + fmt(si) + " s (rows out of order, or two tests in one file)");
						}
						lastTime = si;
					}
					data.get(b.quantity()).add(si);
				}
			}
			if (rows < 2) {
				throw new MeasuredDataException(file, header.lineNumber(), "fewer than two data rows after the header");
			}
		} catch (LineTooLong e) {
			throw new MeasuredDataException(file, e.line, e.getMessage());
		} catch (IOException | java.io.UncheckedIOException e) {
			throw new MeasuredDataException(file, 0, "cannot read: " + e.getMessage());
		}
		Map<MeasuredQuantity, double[]> cols = new EnumMap<>(MeasuredQuantity.class);
		data.forEach((q, c) -> cols.put(q, c.toArray()));
		return new MeasuredSeries(cols, file, header.formatLabel());
	}

	private static double number(Path file, long line, Bound b, String text, char delimiter) throws MeasuredDataException {
		String t = text.trim();
		if (delimiter != ',' && t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
			t = t.replace(',', '.'); // decimal comma (European exports, semicolon or tab separated)
		}
		try {
			double v = Double.parseDouble(t);
			if (!Double.isFinite(v)) {
				throw new NumberFormatException();
			}
			return v;
		} catch (NumberFormatException e) {
			throw new MeasuredDataException(file, line, "column '" + b.header() + "': '" + clip(text)
					+ "' is not a number");
		}
	}

	private static double clock(Path file, long line, Bound b, String text) throws MeasuredDataException {
		Matcher m = CLOCK.matcher(text.trim());
		if (m.matches()) {
			double days = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
			return days * 86400 + Double.parseDouble(m.group(2)) * 3600 + Double.parseDouble(m.group(3)) * 60
					+ Double.parseDouble(m.group(4));
		}
		return number(file, line, b, text, ',');
	}

	private static String clip(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "..." : s;
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.6g", v);
	}

	private static int firstNonBlank(List<String> lines, int from) {
		for (int i = from; i < lines.size(); i++) {
			if (!lines.get(i).isBlank()) {
				return i;
			}
		}
		return -1;
	}

	/** The delimiter of a line: tab, then semicolon, then comma, whichever splits it. */
	static char delimiter(String line) {
		if (line.indexOf('\t') >= 0) {
			return '\t';
		}
		if (line.indexOf(';') >= 0) {
			return ';';
		}
		return ',';
	}

	private static List<String> split(String line, char d) {
		try (CSVParser p = CSVFormat.DEFAULT.builder().setDelimiter(d).setIgnoreSurroundingSpaces(true).get()
				.parse(new java.io.StringReader(line))) {
			List<CSVRecord> recs = p.getRecords();
			return recs.isEmpty() ? List.of() : recs.get(0).toList();
		} catch (IOException | java.io.UncheckedIOException e) {
			return Arrays.asList(line.split(Pattern.quote(String.valueOf(d)), -1));
		}
	}

	private static boolean looksNumeric(List<String> fields) {
		if (fields.isEmpty()) {
			return false;
		}
		for (String f : fields) {
			try {
				Double.parseDouble(f.trim().replace(',', '.'));
			} catch (NumberFormatException e) {
				return false;
			}
		}
		return true;
	}

	/** A growable array of doubles, so that millions of rows do not box. */
	private static final class DoubleColumn {
		private double[] values = new double[1024];
		private int size;

		void add(double v) {
			if (size == values.length) {
				values = Arrays.copyOf(values, values.length * 2);
			}
			values[size++] = v;
		}

		double[] toArray() {
			return Arrays.copyOf(values, size);
		}
	}
}
