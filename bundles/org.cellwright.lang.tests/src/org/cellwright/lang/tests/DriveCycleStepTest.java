package org.cellwright.lang.tests;

import static org.cellwright.lang.tests.ValidationTest.*;
import static org.cellwright.lang.validation.CellWrightValidator.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cellwright.lang.model.DriveCycleFile;
import org.cellwright.lang.library.StandardLibraryIndex;
import org.cellwright.model.DriveCycleStep;
import org.cellwright.model.Model;
import org.cellwright.model.Protocol;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'follow "file.csv" current|power scaled to ... for ...': a drive-cycle step, its file, its units, located errors. */
public class DriveCycleStepTest {

	@TempDir
	Path dir;

	static final String UDDS = "# UDDS profile\n# Time [s], Current [A]\n0,0.03\n1,8.1\n2,-4.49\n3,0.5\n";
	static final String WLTC = "# Based on the WLTC drive cycle\r\n# time [s],Power [kW]\r\n0,0.000511\r\n0.1,43.2\r\n0.2,-26.4\r\n";

	/** Writes the files and validates the .cell file (named first) from disk, so paths resolve beside it. */
	List<Issue> validateOnDisk(String protocol, String... csvNameAndText) throws Exception {
		for (int i = 0; i < csvNameAndText.length; i += 2) {
			Path f = dir.resolve(csvNameAndText[i]);
			Files.createDirectories(f.getParent());
			Files.writeString(f, csvNameAndText[i + 1], StandardCharsets.UTF_8);
		}
		Path cell = dir.resolve("t.cell");
		Files.writeString(cell, HEAD + "protocol P {\n" + protocol + "\n}\n", StandardCharsets.UTF_8);
		XtextResourceSet rs = CHECKER.injector().getInstance(XtextResourceSet.class);
		CHECKER.injector().getInstance(StandardLibraryIndex.class).load(rs);
		Resource r = rs.getResource(URI.createFileURI(cell.toString()), true);
		return CHECKER.injector().getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
	}

	@Test
	void aCurrentAndAPowerProfileParseAndValidate() throws Exception {
		List<Issue> issues = validateOnDisk("""
				follow "drive-cycles/UDDS.csv" current scaled to 2 C for 2 h
				follow "drive-cycles/WLTC.csv" power for 30 min
				follow "drive-cycles/WLTC.csv" power scaled to 100 W until 2.5 V
				""", "drive-cycles/UDDS.csv", UDDS, "drive-cycles/WLTC.csv", WLTC);
		assertTrue(issues.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR), "no errors: " + issues);
		Model m = (Model) CHECKER.injector().getInstance(XtextResourceSet.class).getResource(URI.createFileURI(dir.resolve("t.cell").toString()), true)
				.getContents().get(0);
		DriveCycleStep s = (DriveCycleStep) ((Protocol) m.getElements().stream().filter(Protocol.class::isInstance).findFirst().orElseThrow())
				.getSteps().get(0);
		assertEquals("drive-cycles/UDDS.csv", s.getPath());
		assertEquals("current", s.getQuantity());
		assertEquals(2, s.getScale().getValue(), 0);
		assertEquals("C", s.getScale().getUnit());
	}

	/**
	 * A profile read from outside the project (here by an absolute path) is a warning at its line, as a measurement
	 * is (DataPaths.outside, one rule): the run still reads it, but not from the project alone (session 20: only
	 * measurements were warned).
	 */
	@Test
	void aProfileFromOutsideTheProjectIsAWarningAtItsLine() throws Exception {
		String abs = dir.resolve("drive-cycles/UDDS.csv").toAbsolutePath().toString();
		List<Issue> issues = validateOnDisk("""
				follow "drive-cycles/UDDS.csv" current scaled to 2 C for 2 h
				follow "%s" current scaled to 2 C for 2 h
				""".formatted(abs), "drive-cycles/UDDS.csv", UDDS);
		List<Issue> outside = issues.stream().filter(i -> org.cellwright.lang.validation.IssueCodes.MEASURED_OUTSIDE.equals(i.getCode())).toList();
		assertEquals(1, outside.size(), issues.toString());
		assertEquals(Severity.WARNING, outside.get(0).getSeverity());
		assertEquals(6, outside.get(0).getLineNumber(), outside.toString()); // HEAD 3 lines, "protocol P {" 4, the first step 5
		assertTrue(outside.get(0).getMessage().startsWith("drive-cycle profile '" + abs + "' is an absolute path"), outside.get(0).getMessage());
		assertTrue(issues.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR), "still read: " + issues);
	}

	@Test
	void theFileIsReadWithItsHeaderUnitAndCrlfLines() throws Exception {
		Path f = dir.resolve("WLTC.csv");
		Files.writeString(f, WLTC);
		DriveCycleFile c = DriveCycleFile.read(f);
		assertArrayEquals(new double[] { 0, 0.1, 0.2 }, c.time(), 0);
		assertEquals("Power", c.valueName());
		assertEquals("kW", c.valueUnit());
		assertEquals(43.2, c.peak(), 0);
		// the real files beside the repository
		DriveCycleFile udds = DriveCycleFile.read(TestFiles.repoRoot().resolve("../shared/data/dfn-reference/drive-cycles/UDDS.csv"));
		assertEquals(1370, udds.time().length);
		assertEquals("A", udds.valueUnit());
		assertEquals(8.1, udds.peak(), 1e-9);
	}

	/**
	 * A spreadsheet's "CSV UTF-8" starts with a byte-order mark: read as the file without it (its first time, or its '#'
	 * header, was "'\uFEFF0' is not a number"); a Latin-1 byte in the header (a degree sign) is read, not "cannot be read
	 * (Input length = 1)"; one in a number is that number's error at its line. Session 24's fuzz.
	 */
	@Test
	void aByteOrderMarkIsSkippedAndABadByteIsAnErrorAtItsLineOnly() throws Exception {
		Path bom = dir.resolve("bom.csv"), headed = dir.resolve("headed.csv");
		Files.write(bom, ("\uFEFF" + "0,0.03\n1,8.1\n").getBytes(StandardCharsets.UTF_8));
		assertArrayEquals(new double[] { 0, 1 }, DriveCycleFile.read(bom).time(), 0);
		Files.write(headed, ("\uFEFF" + UDDS).getBytes(StandardCharsets.UTF_8));
		assertEquals("A", DriveCycleFile.read(headed).valueUnit(), "the '#' header after the mark is the header");
		Path latin1 = dir.resolve("latin1.csv");
		Files.write(latin1, "# at 25 \u00b0C\n# Time [s], Current [A]\n0,1\n1,2\n".getBytes(StandardCharsets.ISO_8859_1));
		assertEquals(2, DriveCycleFile.read(latin1).time().length);
		Files.write(latin1, "0,1\n1,2\u00b0\n".getBytes(StandardCharsets.ISO_8859_1));
		DriveCycleFile.Problem p = assertThrows(DriveCycleFile.Problem.class, () -> DriveCycleFile.read(latin1));
		assertEquals(2, p.line(), p.getMessage());
	}

	@Test
	void errorsNameTheFileAndItsLine() throws Exception {
		Issue missing = has(validateOnDisk("follow \"nowhere.csv\" current scaled to 1 C for 1 h"), DRIVE_CYCLE, Severity.ERROR,
				"no drive-cycle file 'nowhere.csv' beside this file");
		assertEquals(5, missing.getLineNumber(), "at the step in the .cell file");
		has(validateOnDisk("follow \"bad.csv\" current scaled to 1 C for 1 h", "bad.csv", "# t [s], I [A]\n0,1\n2,1\n1,1\n"), DRIVE_CYCLE,
				Severity.ERROR, "bad.csv:4: times must increase: 1 s after 2.0 s");
		has(validateOnDisk("follow \"nan.csv\" current scaled to 1 C for 1 h", "nan.csv", "0,1\n1,x\n"), DRIVE_CYCLE, Severity.ERROR,
				"nan.csv:2: the value 'x' is not a number");
		has(validateOnDisk("follow \"one.csv\" current scaled to 1 C for 1 h", "one.csv", "0,1\n"), DRIVE_CYCLE, Severity.ERROR,
				"needs two or more (time, value) rows");
	}

	@Test
	void aFolderADeviceAndAFileBeyondTheLimitAreRefusedUnread() throws Exception {
		// a 'follow' of a folder or of /dev/zero said "no drive-cycle file"; a 17 MB profile was read whole at every check
		has(validateOnDisk("follow \"sub\" current scaled to 1 C for 1 h", "sub/a.csv", "0,1\n1,1\n"), DRIVE_CYCLE, Severity.ERROR,
				"'sub' is a folder, not a drive-cycle file");
		has(validateOnDisk("follow \"/dev/zero\" current scaled to 1 C for 1 h"), DRIVE_CYCLE, Severity.ERROR,
				"'/dev/zero' is no regular file (a device or a pipe)");
		StringBuilder big = new StringBuilder("# time [s],Current [A]\n");
		for (int i = 0; big.length() <= org.cellwright.lang.Limits.MAX_DRIVE_CYCLE_BYTES; i++)
			big.append(i).append(",1.000000000000000000000000\n");
		has(validateOnDisk("follow \"big.csv\" current scaled to 1 C for 1 h", "big.csv", big.toString()), DRIVE_CYCLE, Severity.ERROR,
				"big.csv: too large (16.0 MB; a drive cycle has at most 16 MB");
	}

	@Test
	void quantityUnitsAndEndAreChecked() throws Exception {
		has(validateOnDisk("follow \"WLTC.csv\" current scaled to 2 C for 1 h", "WLTC.csv", WLTC), DRIVE_CYCLE, Severity.ERROR,
				"its values are Power [kW], not a current", "power");
		has(validateOnDisk("follow \"UDDS.csv\" speed for 1 h", "UDDS.csv", UDDS), DRIVE_CYCLE, Severity.ERROR,
				"a 'current' or a 'power' profile, not 'speed'");
		has(validateOnDisk("follow \"UDDS.csv\" current scaled to 2 V for 1 h", "UDDS.csv", UDDS), WRONG_DIMENSION, Severity.ERROR, "scaled to");
		has(validateOnDisk("follow \"UDDS.csv\" power scaled to 2 C for 1 h", "UDDS.csv", UDDS), WRONG_DIMENSION, Severity.ERROR, "scaled to");
		has(validateOnDisk("follow \"UDDS.csv\" current scaled to 2 C", "UDDS.csv", UDDS), STEP_NEVER_ENDS, Severity.ERROR, "for 2 h");
		has(validateOnDisk("follow \"plain.csv\" current for 1 h", "plain.csv", "0,1\n1,2\n"), DRIVE_CYCLE, Severity.ERROR,
				"the header names no current unit", "scaled to 2 C");
		has(validateOnDisk("follow \"UDDS.csv\" current scaled to 0 C for 1 h", "UDDS.csv", UDDS), OUT_OF_RANGE, Severity.ERROR, "largest magnitude");
	}
}
