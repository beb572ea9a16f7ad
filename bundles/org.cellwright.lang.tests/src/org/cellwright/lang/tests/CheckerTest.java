package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends in clear issues with file, line and column, never in an exception. */
public class CheckerTest {

	@TempDir
	Path dir;

	private CellWrightChecker.Result check(String... nameAndText) throws Exception {
		return check(dir, nameAndText);
	}

	/** Checks the files (name, text, name, text, ...) written into dir together. */
	static CellWrightChecker.Result check(Path dir, String... nameAndText) throws Exception {
		List<Path> files = new java.util.ArrayList<>();
		for (int i = 0; i < nameAndText.length; i += 2) {
			Path f = dir.resolve(nameAndText[i]);
			Files.writeString(f, nameAndText[i + 1]);
			files.add(f);
		}
		return new CellWrightChecker().check(files);
	}

	private static CheckIssue first(CellWrightChecker.Result r, Severity s) {
		return r.issues().stream().filter(i -> i.severity() == s).findFirst().orElseThrow(() -> new AssertionError("no " + s + " in " + r.issues()));
	}

	@Test
	public void syntaxErrorHasLineAndColumn() throws Exception {
		CellWrightChecker.Result r = check("bad.cell", "package p\nmaterial M is binder {\n  density = = 1 g/cm3\n}\n");
		CheckIssue i = first(r, Severity.ERROR);
		assertEquals(3, i.line(), i.toString());
		assertTrue(i.column() > 1, i.toString());
		assertTrue(i.toString().matches(".*bad\\.cell:3:\\d+: error: .*"), i.toString());
	}

	@Test
	public void unknownUnitIsAnIssue() throws Exception {
		CheckIssue i = first(check("u.cell", "package p\nmaterial M is binder {\n  density = 1 furlongs\n}\n"), Severity.ERROR);
		assertEquals(3, i.line());
		assertEquals(15, i.column());
		assertTrue(i.message().contains("unknown unit 'furlongs'"));
	}

	@Test
	public void unresolvedReferenceAndCyclicImportAcrossFiles() throws Exception {
		CellWrightChecker.Result r = check("a.cell", "package a\nimport b.*\ncell X extends Nope { }\n", "b.cell", "package b\nimport a.*\n");
		assertTrue(r.issues().stream().anyMatch(i -> i.message().contains("Nope")), r.issues().toString());
		assertTrue(r.issues().stream().anyMatch(i -> i.message().contains("cyclic import") && i.file().endsWith("a.cell")), r.issues().toString());
		assertTrue(r.issues().stream().anyMatch(i -> i.message().contains("cyclic import") && i.file().endsWith("b.cell")), r.issues().toString());
	}

	@Test
	public void garbageBinaryMissingAndHugeFiles() throws Exception {
		byte[] random = new byte[20000];
		new Random(1).nextBytes(random);
		Path bin = dir.resolve("random.cell");
		Files.write(bin, random);
		Path text = dir.resolve("garbage.cell");
		StringBuilder g = new StringBuilder();
		Random rnd = new Random(2);
		for (int i = 0; i < 20000; i++)
			g.append("{}()=,.;:%/*-+ abc123\"\n\t".charAt(rnd.nextInt(24)));
		Files.writeString(text, g);
		Path huge = dir.resolve("huge.cell");
		StringBuilder h = new StringBuilder("package big\n");
		while (h.length() < 10 * 1024 * 1024)
			h.append("material M").append(h.length()).append(" is binder { density = 1 g/cm3 }\n");
		Files.writeString(huge, h);
		Path missing = dir.resolve("missing.cell");
		CellWrightChecker.Result r = new CellWrightChecker().check(List.of(bin, text, huge, missing));
		assertTrue(r.issues().stream().anyMatch(i -> i.file().endsWith("random.cell") && i.severity() == Severity.ERROR), r.issues().toString());
		assertTrue(r.issues().stream().anyMatch(i -> i.file().endsWith("garbage.cell") && i.severity() == Severity.ERROR));
		assertTrue(r.issues().stream().filter(i -> i.file().endsWith("garbage.cell")).count() <= CellWrightChecker.MAX_ISSUES_PER_FILE + 1);
		assertTrue(r.issues().stream().anyMatch(i -> i.file().endsWith("huge.cell") && i.message().contains("too large")), r.issues().toString());
		assertTrue(r.issues().stream().anyMatch(i -> i.file().endsWith("missing.cell") && i.message().contains("no such file")));
		assertTrue(r.hasErrors());
	}

	@Test
	public void emptyAndTruncatedFiles() throws Exception {
		CellWrightChecker.Result r = check("empty.cell", "", "trunc.cell", "package p\ncell C { layer a: ");
		assertTrue(r.issues().stream().anyMatch(i -> i.file().endsWith("empty.cell") && i.severity() == Severity.ERROR));
		assertTrue(r.issues().stream().anyMatch(i -> i.file().endsWith("trunc.cell") && i.severity() == Severity.ERROR));
		assertEquals(StandardCharsets.UTF_8, StandardCharsets.UTF_8);
	}

	@Test
	public void benchmarkRunsOnASmallLibrary() throws Exception {
		LibraryBenchmark.Figures f = LibraryBenchmark.run(dir, 5000);
		assertTrue(f.lines() >= 5000);
		assertEquals(0, f.errors(), "generated library must validate without errors");
	}
}
