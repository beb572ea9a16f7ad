package org.cellwright.measured.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import org.cellwright.measured.BdfWriter;
import org.cellwright.measured.ColumnMapping;
import org.cellwright.measured.CyclerDataReader;
import org.cellwright.measured.CyclerFormat;
import org.cellwright.measured.MeasuredDataException;
import org.cellwright.measured.MeasuredQuantity;
import org.cellwright.measured.MeasuredSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading cycler exports into SI, writing BDF, and the located errors of bad files. */
class CyclerDataReaderTest {

	@TempDir
	Path dir;

	private Path file(String name, String content) throws IOException {
		Path p = dir.resolve(name);
		Files.writeString(p, content, StandardCharsets.UTF_8);
		return p;
	}

	private static MeasuredSeries read(Path p) throws MeasuredDataException {
		return new CyclerDataReader().read(p);
	}

	/** A noisy two-step cycle as a cycler would record it: charge at +5 mA, then discharge at -5 mA. */
	static MeasuredSeries noisyCycle(long seed) {
		Random rnd = new Random(seed);
		int n = 400;
		double[] t = new double[n], v = new double[n], i = new double[n], c = new double[n], s = new double[n],
				temp = new double[n];
		for (int k = 0; k < n; k++) {
			t[k] = 30.0 * k;
			boolean charge = k < n / 2;
			double frac = charge ? k / (n / 2.0) : (k - n / 2.0) / (n / 2.0);
			v[k] = (charge ? 3.6 + 0.6 * frac : 4.2 - 0.7 * frac) + 0.002 * rnd.nextGaussian();
			i[k] = (charge ? 5e-3 : -5e-3) * (1 + 0.001 * rnd.nextGaussian());
			c[k] = 1;
			s[k] = charge ? 1 : 2;
			temp[k] = 298.15 + 0.1 * rnd.nextGaussian();
		}
		Map<MeasuredQuantity, double[]> cols = new EnumMap<>(MeasuredQuantity.class);
		cols.put(MeasuredQuantity.TIME, t);
		cols.put(MeasuredQuantity.VOLTAGE, v);
		cols.put(MeasuredQuantity.CURRENT, i);
		cols.put(MeasuredQuantity.CYCLE, c);
		cols.put(MeasuredQuantity.STEP, s);
		cols.put(MeasuredQuantity.TEMPERATURE, temp);
		return new MeasuredSeries(cols, null, "generated");
	}

	@Test
	void bdfRoundTripKeepsEveryColumnInSi() throws Exception {
		MeasuredSeries original = noisyCycle(42);
		Path p = dir.resolve("cycle.bdf.csv");
		BdfWriter.write(original, p);
		String header = Files.readAllLines(p).get(0);
		assertEquals("Test Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Count / 1,Ambient Temperature / degC",
				header);
		MeasuredSeries back = read(p);
		assertEquals("BDF", back.format());
		assertEquals(original.size(), back.size());
		for (MeasuredQuantity q : MeasuredQuantity.values()) {
			double[] a = original.values(q);
			double[] b = back.values(q);
			for (int k = 0; k < a.length; k++) {
				assertEquals(a[k], b[k], Math.abs(a[k]) * 1e-6 + 1e-9, q + " row " + k);
			}
		}
	}

	/**
	 * A BDF file is written with the permissions any new file of its folder gets (the user's umask), as the run folder's
	 * other files are: the measurement a run keeps beside it, measured.bdf.csv, and the IDE's Export as BDF were
	 * readable by their owner only (rw-------, the temporary file's), while timeseries.csv beside it was rw-r--r--
	 * (seen walking the IDE, session 28: a run folder shared with a group had its measurement unreadable). With a umask
	 * of 077 both are rw------- and this test cannot tell them apart.
	 */
	@Test
	void aBdfFileHasThePermissionsOfAnyNewFileOfItsFolder() throws Exception {
		java.nio.file.attribute.PosixFileAttributeView posix = Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class);
		org.junit.jupiter.api.Assertions.assertNotNull(posix, "a file system with POSIX permissions (Linux)");
		Path plain = Files.writeString(dir.resolve("timeseries.csv"), "time_h\n0\n");
		Path bdf = dir.resolve("measured.bdf.csv");
		BdfWriter.write(noisyCycle(7), bdf);
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(bdf));
		BdfWriter.write(noisyCycle(8), bdf); // written again over it: the same
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(bdf));
		try (var files = Files.list(dir)) {
			assertEquals(java.util.List.of("measured.bdf.csv", "timeseries.csv"), files.map(f -> f.getFileName().toString()).sorted().toList(),
					"no temporary file left");
		}
	}

	@Test
	void bdfUnitsAreConvertedToSi() throws Exception {
		MeasuredSeries s = read(file("u.csv", "Test Time / h,Voltage / mV,Current / mA,Ambient Temperature / degC\n"
				+ "0,3700,-2.5,25\n0.5,3650,-2.5,25\n"));
		assertEquals(1800.0, s.time(1), 1e-9);
		assertEquals(3.65, s.voltage(1), 1e-12);
		assertEquals(-2.5e-3, s.values(MeasuredQuantity.CURRENT)[0], 1e-15);
		assertEquals(298.15, s.values(MeasuredQuantity.TEMPERATURE)[0], 1e-9);
		assertEquals(-2.5e-3 / 1e-4, s.currentDensity(1e-4)[0], 1e-9, "current density for 1 cm2");
	}

	@Test
	void aByteOrderMarkIsAccepted() throws Exception {
		MeasuredSeries s = read(file("bom.csv", "\uFEFFTest Time / s,Voltage / V\n0,3.7\n1,3.69\n"));
		assertEquals(2, s.size());
	}

	/**
	 * A byte-order mark before a headerless file's first row (read by column number), and a UTF-16 file (a
	 * spreadsheet's "Unicode text" export, tab separated, with its mark): read as the UTF-8 file without a mark is. Before
	 * (loop21), the first was "headerless.csv:1: column 'column 1': '\uFEFF0' is not a number" (the mark was stripped in
	 * the header search only), the second "no header row names time and voltage".
	 */
	@Test
	void aByteOrderMarkBeforeAHeaderlessRowAndUtf16TextAreRead() throws Exception {
		ColumnMapping byNumber = ColumnMapping.parse("time=1:s,voltage=2:V");
		MeasuredSeries headerless = new CyclerDataReader().mapping(byNumber).read(file("headerless.csv", "\uFEFF0,3.7\n1,3.69\n2,3.68\n"));
		assertEquals(3, headerless.size());
		assertEquals(0.0, headerless.time(0));
		assertEquals(3.7, headerless.voltage(0), 1e-12);
		String text = "Test Time / s\tVoltage / V\tCurrent / mA\n0\t3,7\t-1\n1\t3,69\t-1\n";
		for (var cs : new java.nio.charset.Charset[] { StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE }) {
			Path p = dir.resolve("unicode-" + cs.name() + ".txt");
			Files.writeString(p, "\uFEFF" + text, cs);
			MeasuredSeries s = read(p);
			assertEquals(2, s.size(), cs.name());
			assertEquals(3.69, s.voltage(1), 1e-12, cs.name());
			assertEquals(-1e-3, s.values(MeasuredQuantity.CURRENT)[1], 1e-15, cs.name());
		}
	}

	@Test
	void aCurrentDensityColumnIsRefusedAtTheHeader() throws Exception {
		Path p = file("cd.csv", "Test Time / s,Voltage / V,Current / mA/cm2\n0,3.7,1\n1,3.7,1\n");
		MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> read(p));
		assertEquals(1, e.line());
		assertTrue(e.getMessage().contains("Current / mA/cm2") && e.getMessage().contains("current density"),
				e.getMessage());
		assertTrue(e.getMessage().startsWith(p.toString() + ":1: "), e.getMessage());
	}

	@Test
	void anUnknownUnitIsRefusedWithSuggestions() throws Exception {
		Path p = file("uu.csv", "Test Time / s,Voltage / Volt\n0,3.7\n1,3.7\n");
		MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> read(p));
		assertEquals(1, e.line());
		assertTrue(e.getMessage().contains("Volt"), e.getMessage());
	}

	/**
	 * A header the reader does not know (PyBaMM's 'time [s],voltage [V]') is located at its line, not at line 0, and a
	 * file without a header is told the mapping as a .cell file writes it (the message named a '--columns' option
	 * that no command has). Found by fuzzing, session 15.
	 */
	@Test
	void anUnknownHeaderIsLocatedAndTheMappingHintIsTheLanguages() throws Exception {
		Path p = file("py.csv", "time [s],voltage [V]\n0,3.7\n1,3.69\n");
		MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> read(p));
		assertEquals(1, e.line(), e.getMessage());
		assertTrue(e.getMessage().startsWith(p + ":1: no header row names time and voltage"), e.getMessage());
		Path q = file("bare.csv", "0,3.7\n1,3.69\n");
		MeasuredDataException f = assertThrows(MeasuredDataException.class, () -> read(q));
		assertTrue(f.getMessage().endsWith("e.g. measured \"...\" columns \"time=1:s,voltage=2:V\""), f.getMessage());
	}

	/**
	 * An empty file is a problem of the file as a whole: its message names the file alone, not a line 0 that no editor
	 * can go to (it read 'empty.csv:0: the file is empty'). Found by the command line's fuzz, session 20.
	 */
	@Test
	void anEmptyFileIsNamedWithoutALineNumber() throws Exception {
		Path p = file("empty.csv", "");
		MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> read(p));
		assertEquals(0, e.line(), e.getMessage());
		assertEquals(p + ": the file is empty", e.getMessage());
	}

	@Test
	void aMissingVoltageColumnIsNamed() throws Exception {
		Path p = file("nov.csv", "Test Time / s,Current / A\n0,1\n1,1\n");
		MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> read(p));
		assertEquals(1, e.line());
		assertTrue(e.getMessage().contains("no voltage column") && e.getMessage().contains("Voltage / V"),
				e.getMessage());
	}

	@Test
	void aBadNumberARaggedRowAndTimeGoingBackAreLocated() throws Exception {
		String head = "Test Time / s,Voltage / V,Current / A\n0,3.7,0.1\n1,3.71,0.1\n";
		MeasuredDataException bad = assertThrows(MeasuredDataException.class,
				() -> read(file("n.csv", head + "2,3.7x,0.1\n")));
		assertEquals(4, bad.line());
		assertTrue(bad.getMessage().contains("'3.7x' is not a number"), bad.getMessage());
		MeasuredDataException ragged = assertThrows(MeasuredDataException.class,
				() -> read(file("r.csv", head + "2,3.72\n")));
		assertEquals(4, ragged.line());
		MeasuredDataException back = assertThrows(MeasuredDataException.class,
				() -> read(file("b.csv", head + "0.5,3.72,0.1\n")));
		assertEquals(4, back.line());
		assertTrue(back.getMessage().contains("time goes back"), back.getMessage());
		MeasuredDataException inf = assertThrows(MeasuredDataException.class,
				() -> read(file("i.csv", head + "2,Infinity,0.1\n")));
		assertEquals(4, inf.line());
	}

	@Test
	void controlCharactersFromTheFileAreEscapedInMessages() throws Exception {
		Path p = file("esc.csv", "Test Time / s,Voltage / V\n0,3.7\n1,\u001b[2J\n");
		MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> read(p));
		assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
		assertTrue(e.getMessage().contains("\\e[2J"), e.getMessage());
	}

	@Test
	void arbinExport() throws Exception {
		MeasuredSeries s = read(file("arbin.csv",
				"Data_Point,Test_Time(s),Date_Time,Step_Time(s),Step_Index,Cycle_Index,Current(A),Voltage(V)\n"
						+ "1,30.0,2010-09-27 14:12:48,30.0,1,1,0.0,3.45\n"
						+ "2,60.0,2010-09-27 14:13:18,60.0,2,1,0.55,3.58\n"));
		assertEquals("Arbin", s.format());
		assertEquals(60.0, s.time(1));
		assertEquals(0.55, s.values(MeasuredQuantity.CURRENT)[1]);
		assertEquals(2.0, s.values(MeasuredQuantity.STEP)[1]);
	}

	@Test
	void newareExportWithClockTimeAndMilliamps() throws Exception {
		MeasuredSeries s = read(file("neware.csv", "Record ID,Cycle ID,Step ID,Step Type,Total Time,Current(mA),Voltage(V)\n"
				+ "1,1,1,CC_Chg,0:00:00,5.0,3.600\n2,1,1,CC_Chg,1:00:30.5,5.0,3.900\n"));
		assertEquals("Neware", s.format());
		assertEquals(3630.5, s.time(1), 1e-9);
		assertEquals(5e-3, s.values(MeasuredQuantity.CURRENT)[1], 1e-15);
	}

	@Test
	void bioLogicTextExportWithHeaderBlockTabsAndDecimalCommas() throws Exception {
		MeasuredSeries s = read(file("ec.txt", "EC-Lab ASCII FILE\nNb header lines : 4\n\n"
				+ "mode\tox/red\ttime/s\tEwe/V\t<I>/mA\tcycle number\n"
				+ "1\t1\t0,0\t3,701\t-1,5\t0\n1\t0\t10,5\t3,650\t-1,5\t0\n"));
		assertEquals("BioLogic EC-Lab", s.format());
		assertEquals(10.5, s.time(1), 1e-12);
		assertEquals(3.65, s.voltage(1), 1e-12);
		assertEquals(-1.5e-3, s.values(MeasuredQuantity.CURRENT)[0], 1e-15);
	}

	/**
	 * BioLogic's "Nb header lines" beyond the file (or beyond an int: it ended in "For input string: \"99999999999\""
	 * with neither file nor line, session 24's fuzz) is an error at its own line naming the count.
	 */
	@Test
	void aBioLogicHeaderCountBeyondTheFileIsAnErrorAtItsLine() throws Exception {
		String rows = "time/s\tEwe/V\n0\t3,7\n10\t3,6\n";
		for (String n : new String[] { "99999999999", "300", "6" }) {
			MeasuredDataException e = assertThrows(MeasuredDataException.class,
					() -> read(file("ec" + n + ".txt", "EC-Lab ASCII FILE\nNb header lines : " + n + "\n" + rows)));
			assertEquals(2, e.line(), e.getMessage());
			assertTrue(e.getMessage().contains("'Nb header lines : " + n + "' puts the header row at line " + n + ", "), e.getMessage());
		}
		assertEquals(2, read(file("ec3.txt", "EC-Lab ASCII FILE\nNb header lines : 3\n" + rows)).size());
	}

	/**
	 * A quote never closed reads the rest of the file as one field: an error at the row it opens in, not "cannot read:
	 * org.apache.commons.csv.CSVException: (startline 1) EOF reached ..." at no line (session 24's fuzz).
	 */
	@Test
	void aQuoteNeverClosedIsAnErrorAtTheRowItOpensIn() throws Exception {
		MeasuredDataException e = assertThrows(MeasuredDataException.class,
				() -> read(file("quote.csv", "Test Time / s,Voltage / V\n0,3.7\n10,\"3.6\n20,3.5\n")));
		assertEquals(3, e.line(), e.getMessage());
		assertTrue(e.getMessage().endsWith("quote.csv:3: cannot read the row from here on: EOF reached before encapsulated token finished"
				+ " (a quote '\"' opened and never closed?)"), e.getMessage());
	}

	/**
	 * A quote never closed in a long file is refused at the row it opens in once its field passes
	 * {@link CyclerDataReader#MAX_LINE_CHARS}, before the parser holds the rest of the file as one field (session 24's
	 * fuzz: the error came at that row, but after reading the whole file into memory); a quoted field across lines,
	 * with an escaped quote, within the bound is read as before.
	 */
	@Test
	void aQuoteNeverClosedInALongFileIsRefusedAtItsRowWithinTheLineBound() throws Exception {
		StringBuilder text = new StringBuilder("Test Time / s,Voltage / V,Note\n0,3.7,x\n10,\"3.6,x\n");
		for (int k = 2; text.length() < 2 * CyclerDataReader.MAX_LINE_CHARS; k++) text.append(10 * k).append(",3.5,x\n");
		MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> read(file("long-quote.csv", text.toString())));
		assertEquals(3, e.line(), e.getMessage());
		assertTrue(e.getMessage().contains("long-quote.csv:3: a quote '\"' opened in this row is not closed within 1,048,576 characters"),
				e.getMessage());
		MeasuredSeries s = read(file("quoted.csv", "Test Time / s,Voltage / V,Note\n0, \"3.7\",\"a \"\"b\"\"\nc\"\n10,3.6,x\n"));
		assertArrayEquals(new double[] { 3.7, 3.6 }, s.values(MeasuredQuantity.VOLTAGE));
	}

	/**
	 * A cycler's binary file given for its text export is refused as such (it read as lines of garbage: "no header row
	 * names time and voltage ... give a column mapping"); a line longer than {@link CyclerDataReader#MAX_LINE_CHARS}
	 * is refused at its line, in the header search and among the rows, before it is read whole (a file of one line of
	 * a gigabyte was read into memory twice). Session 24's fuzz.
	 */
	@Test
	void aBinaryFileAndALineBeyondTheLimitAreRefusedAtTheirLine() throws Exception {
		Path bin = dir.resolve("cell.mpr");
		Files.write(bin, new byte[] { 'B', 'I', 'O', '-', 'L', 'O', 'G', 'I', 'C', 0, 0, 1, 2, '\n', 'x' });
		MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> read(bin));
		assertEquals(0, e.line(), e.getMessage());
		assertTrue(e.getMessage().contains("not a text file (it holds NUL bytes)"), e.getMessage());
		String longLine = "9".repeat(CyclerDataReader.MAX_LINE_CHARS + 1) + "\n";
		e = assertThrows(MeasuredDataException.class, () -> read(file("long-head.csv", "# comment\n" + longLine + "Test Time / s,Voltage / V\n0,3.7\n1,3.6\n")));
		assertEquals(2, e.line(), e.getMessage());
		assertTrue(e.getMessage().contains("the line is longer than 1,048,576 characters"), e.getMessage());
		StringBuilder rows = new StringBuilder("Test Time / s,Voltage / V\n");
		for (int k = 0; k < 300; k++) rows.append(k).append(",3.7\n"); // beyond the header search: read by the rows' parser
		String longRow = rows + "300," + longLine;
		e = assertThrows(MeasuredDataException.class, () -> read(file("long-row.csv", longRow)));
		assertEquals(302, e.line(), e.getMessage());
		assertTrue(e.getMessage().contains("the line is longer than 1,048,576 characters"), e.getMessage());
		// a line at the limit is read
		String atLimit = "Test Time / s,Voltage / V\n0,3.7\n1,3." + "6".repeat(CyclerDataReader.MAX_LINE_CHARS - 4) + "\n";
		assertEquals(2, read(file("at-limit.csv", atLimit)).size());
	}

	@Test
	void maccorExportAndInvertedCurrent() throws Exception {
		Path p = file("maccor.csv", "Cyc#,Step,Test (Sec),Amps,Volts\n1,1,0,0.002,3.5\n1,1,10,0.002,3.6\n");
		MeasuredSeries s = read(p);
		assertEquals("Maccor", s.format());
		assertEquals(0.002, s.values(MeasuredQuantity.CURRENT)[0]);
		MeasuredSeries flipped = new CyclerDataReader().invertCurrent(true).read(p);
		assertEquals(-0.002, flipped.values(MeasuredQuantity.CURRENT)[0]);
		// a rest flips to 0, not -0.0 (which BDF would keep as "-0.00000000"), whichever zero the file writes
		Path rest = file("rest.csv", "Cyc#,Step,Test (Sec),Amps,Volts\n1,1,0,0,3.5\n1,1,10,-0.000,3.6\n1,2,20,-0.002,3.6\n");
		double[] i = new CyclerDataReader().invertCurrent(true).read(rest).values(MeasuredQuantity.CURRENT);
		assertEquals(0, Double.compare(0.0, i[0]), "+0.0: " + i[0]);
		assertEquals(0, Double.compare(0.0, i[1]), "+0.0: " + i[1]);
		assertEquals(0.002, i[2]);
	}

	@Test
	void aNamedFormatIsTheOnlyOneTried() throws Exception {
		Path p = file("bdf.csv", "Test Time / s,Voltage / V\n0,3.7\n1,3.7\n");
		assertThrows(MeasuredDataException.class, () -> new CyclerDataReader().format(CyclerFormat.ARBIN).read(p));
		assertEquals(CyclerFormat.BIOLOGIC, CyclerFormat.named("biologic"));
		assertThrows(IllegalArgumentException.class, () -> CyclerFormat.named("gamry"));
	}

	@Test
	void columnMappingsByNameAndPosition() throws Exception {
		Path named = file("lab.csv", "t [min];U [V];I [mA]\n0;3,7;1\n1;3,8;1\n");
		MeasuredSeries s = new CyclerDataReader().mapping(ColumnMapping.parse("time=t [min]:min,voltage=U [V]:V,current=I [mA]:mA"))
				.read(named);
		assertEquals(60.0, s.time(1));
		assertEquals(3.8, s.voltage(1), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("time=1:s"));
		assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("time=1:s,voltage=2:V,power=3:W"));
		assertThrows(IllegalArgumentException.class, () -> ColumnMapping.parse("time=1,voltage=2:V"));
		assertEquals("column numbers count from 1: 'time=0:s'", assertThrows(IllegalArgumentException.class,
				() -> ColumnMapping.parse("time=0:s,voltage=2:V")).getMessage());
		assertEquals("column numbers go up to 9999: 'time=99999:s'", assertThrows(IllegalArgumentException.class,
				() -> ColumnMapping.parse("time=99999:s,voltage=2:V")).getMessage());
		MeasuredDataException wrongUnit = assertThrows(MeasuredDataException.class,
				() -> new CyclerDataReader().mapping(ColumnMapping.parse("time=1:s,voltage=2:mA")).read(named));
		assertTrue(wrongUnit.getMessage().contains("a current"), wrongUnit.getMessage());
	}

	/**
	 * A mapped header may contain colons: the unit is what follows the last one (ColumnMapping's contract). A Neware
	 * clock column mapped by its header "Total Time (h:mm:ss)" with no unit (a clock time) reads 1:00:30 as 3630 s.
	 * (Mutation audit, session 21: the mapping cut at the first colon passed every other test.)
	 */
	@Test
	void aMappedHeaderWithColonsTakesTheUnitAfterTheLastOne() throws Exception {
		Path p = file("clock.csv", "Total Time (h:mm:ss);Voltage(V)\n0:00:00;3,70\n1:00:30;3,80\n");
		MeasuredSeries s = new CyclerDataReader().mapping(ColumnMapping.parse("time=Total Time (h:mm:ss):,voltage=Voltage(V):V")).read(p);
		assertEquals(3630.0, s.time(1));
		assertEquals(3.8, s.voltage(1), 1e-12);
	}

	/**
	 * Cyclers log a step change as two rows of one test time (the last point of a step and the first of the next): time
	 * that stands still is not time going back, and both rows are read. (Mutation audit, session 21: refusing equal
	 * times passed every other test.)
	 */
	@Test
	void rowsOfTheSameTimeAtAStepChangeAreBothRead() throws Exception {
		MeasuredSeries s = read(file("same.csv", "Test Time / s,Voltage / V,Current / A\n0,3.7,0.1\n1,3.71,0.1\n1,3.69,-0.1\n2,3.65,-0.1\n"));
		assertEquals(4, s.size());
		assertEquals(1.0, s.time(2));
		assertEquals(3.69, s.voltage(2), 1e-12);
	}

	/** Published discharges (PyBaMM's copies, BSD-3-Clause, beside the data): headerless time/voltage files. */
	@Test
	void publishedMeasuredDischargesReadThroughAMapping() throws Exception {
		Path ecker = locate("ecker2015/Ecker_1C.csv");
		MeasuredDataException noHeader = assertThrows(MeasuredDataException.class, () -> read(ecker));
		assertEquals(1, noHeader.line());
		assertTrue(noHeader.getMessage().contains("no header row"), noHeader.getMessage());
		ColumnMapping tv = ColumnMapping.parse("time=1:s,voltage=2:V");
		MeasuredSeries e1 = new CyclerDataReader().mapping(tv).read(ecker);
		long lines = Files.readAllLines(ecker).stream().filter(l -> !l.isBlank()).count();
		assertEquals(lines, e1.size());
		assertEquals(4.1098476, e1.voltage(0), 1e-6);
		MeasuredSeries enertech = new CyclerDataReader().mapping(tv).read(locate("enertech/1C_discharge_U.txt"));
		assertTrue(enertech.size() > 1000, "rows: " + enertech.size());
		assertEquals(4.181100464, enertech.voltage(0), 1e-9);
		assertTrue(enertech.voltage(enertech.size() - 1) < enertech.voltage(0), "a discharge");
	}

	/** The shared data beside the clone, as CI lays it out (../shared from the repository root). */
	static Path locate(String relative) {
		Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path p = cwd; p != null; p = p.getParent()) {
			Path candidate = p.resolve("shared/data/dfn-reference/measured").resolve(relative);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new AssertionError("../shared/data/dfn-reference/measured/" + relative + " not found above " + cwd);
	}
}
