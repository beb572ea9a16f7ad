package org.cellwright.lang.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.cellwright.lang.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproducers of issue 17 (hostile input): deep and long structures, numbers beyond double, a byte-order mark and
 * control characters end in located errors (file:line:col) or are accepted, never in a stack trace. The big inputs
 * are generated here.
 */
public class HardeningTest {

	@TempDir
	Path dir;

	private CellWrightChecker.Result check(String name, String text) throws Exception {
		Path f = dir.resolve(name);
		Files.writeString(f, text);
		return new CellWrightChecker().check(List.of(f));
	}

	/** No issue is an exception in disguise, every issue has a line, and the result is checked further by the caller. */
	static void assertNoCrash(CellWrightChecker.Result r) {
		for (CheckIssue i : r.issues()) {
			assertTrue(i.line() >= 1 && i.column() >= 1, "unlocated: " + i);
			for (String bad : List.of("StackOverflow", "Exception", "Error executing", "internal error", "For input string",
					"cannot read"))
				assertFalse(i.message().contains(bad), "crash in disguise: " + i);
		}
	}

	private static CheckIssue error(CellWrightChecker.Result r, Predicate<CheckIssue> p, String what) {
		return r.issues().stream().filter(i -> i.severity() == Severity.ERROR && p.test(i)).findFirst()
				.orElseThrow(() -> new AssertionError("no error " + what + " in " + head(r)));
	}

	private static String head(CellWrightChecker.Result r) {
		return r.issues().subList(0, Math.min(8, r.issues().size())).toString();
	}

	private static String material(String ocv) {
		return "package t\nmaterial A is intercalation-anode {\n  ocv function V = " + ocv + "\n}\n";
	}

	// ---------------------------------------------------------------- deep nesting: refused at the token

	@Test
	public void fiveThousandParenthesesAreALocatedError() throws Exception {
		CellWrightChecker.Result r = check("paren.cell", material("(".repeat(5000) + "x" + ")".repeat(5000)));
		assertNoCrash(r);
		CheckIssue i = error(r, x -> x.message().contains("nested too deeply"), "'nested too deeply'");
		assertEquals(3, i.line(), i.toString());
		// the first parenthesis beyond the limit (the material's braces are the first level)
		assertEquals("  ocv function V = ".length() + Limits.MAX_NESTING_DEPTH, i.column(), i.toString());
	}

	@Test
	public void fiveThousandMinusSignsAreALocatedError() throws Exception {
		CellWrightChecker.Result r = check("minus.cell", material("- ".repeat(5000) + "x"));
		assertNoCrash(r);
		assertEquals(3, error(r, x -> x.message().contains("nested too deeply"), "'nested too deeply'").line());
	}

	@Test
	public void fiveThousandPowersAreALocatedError() throws Exception {
		CellWrightChecker.Result r = check("pow.cell", material(String.join("^", java.util.Collections.nCopies(5000, "1"))));
		assertNoCrash(r);
		assertEquals(3, error(r, x -> x.message().contains("nested too deeply"), "'nested too deeply'").line());
	}

	@Test
	public void fiveThousandNestedRepeatsAreALocatedError() throws Exception {
		CellWrightChecker.Result r = check("repeat.cell",
				"package t\nprotocol P {\n" + "repeat 1 {\n".repeat(5000) + "rest for 1 h\n" + "}\n".repeat(5000) + "}\n");
		assertNoCrash(r);
		CheckIssue i = error(r, x -> x.message().contains("nested too deeply"), "'nested too deeply'");
		assertEquals(2 + Limits.MAX_NESTING_DEPTH, i.line(), i.toString());
	}

	@Test
	public void nestingWithinTheLimitIsAccepted() throws Exception {
		int depth = Limits.MAX_NESTING_DEPTH - 2;
		CellWrightChecker.Result r = check("ok.cell", material("(".repeat(depth) + "0.1*x" + ")".repeat(depth) + " + 3.5"));
		assertNoCrash(r);
		assertFalse(r.hasErrors(), r.issues().toString());
	}

	// ---------------------------------------------------------------- long expressions

	@Test
	public void fiveThousandTermOcvIsALocatedError() throws Exception {
		String sum = String.join(" + ", java.util.Collections.nCopies(5000, "0.001*x"));
		CellWrightChecker.Result r = check("ocv.cell", material(sum));
		assertNoCrash(r);
		CheckIssue i = error(r, x -> x.message().contains("expression too long"), "'expression too long'");
		assertEquals(3, i.line(), i.toString());
	}

	@Test
	public void expressionAtTheTermLimitIsValidated() throws Exception {
		// MAX_EXPRESSION_TERMS operators: the longest expression accepted; its validation walks it without overflow
		int products = Limits.MAX_EXPRESSION_TERMS / 2;
		String sum = "3.5 + " + String.join(" + ", java.util.Collections.nCopies(products, "1e-6*x"));
		CellWrightChecker.Result r = check("long.cell", material(sum) + "material B is binder { density = 1 g/cm3 density = 2 g/cm3 }\n");
		assertNoCrash(r);
		assertFalse(r.issues().stream().anyMatch(x -> x.message().contains("too long")), head(r));
		// the rest of the file is validated as usual
		assertTrue(r.issues().stream().anyMatch(x -> x.message().contains("duplicate property 'density'")), head(r));
		String withUnknown = material(sum.replaceFirst("3\\.5", "y")); // as many operators, one unknown variable
		CheckIssue unknown = error(check("unknown.cell", withUnknown), x -> x.message().contains("unknown variable 'y'"), "unknown variable");
		assertEquals(3, unknown.line());
	}

	// ---------------------------------------------------------------- long chains

	@Test
	public void fiveThousandRunCallsAreALocatedError() throws Exception {
		StringBuilder b = new StringBuilder("package t\n");
		for (int i = 0; i < 5000; i++)
			b.append("protocol P").append(i).append(" {\n run P").append(i + 1).append("\n}\n");
		b.append("protocol P5000 { rest for 1 h }\n");
		CellWrightChecker.Result r = check("run.cell", b.toString());
		assertNoCrash(r);
		CheckIssue i = error(r, x -> x.message().contains("run calls"), "about the chain of run calls");
		// Pk starts a chain of 5000 - k run calls: P(4999 - MAX) is the first beyond the limit; its 'run' is on line 3 + 3k
		assertEquals(3 + 3 * (4999 - Limits.MAX_CHAIN_LENGTH), i.line(), i.toString());
		assertEquals(1, r.issues().stream().filter(x -> x.message().contains("run calls")).count(), head(r));
	}

	@Test
	public void runCycleIsStillFound() throws Exception {
		CellWrightChecker.Result r = check("cycle.cell", "package t\nprotocol A { run B }\nprotocol B { run C }\nprotocol C { run A }\nprotocol D { run A }\n");
		assertNoCrash(r);
		assertEquals(3, r.issues().stream().filter(x -> x.message().contains("runs itself")).count(), r.issues().toString());
	}

	private static String extendsChain(int n) {
		StringBuilder b = new StringBuilder("package t\ncell C0 { area = 1 cm2  layer a: SUS 10 um  layer s: SE 700 um  layer l: Li 50 um  layer b: SUS 10 um }\n");
		for (int i = 1; i <= n; i++)
			b.append("cell C").append(i).append(" extends C").append(i - 1).append(" { }\n");
		return b.append("material SUS is current-collector { }\nmaterial SE is solid-electrolyte { }\nmaterial Li is lithium-metal { }\n").toString();
	}

	@Test
	public void tenAndTwentyThousandExtendsAreALocatedError() throws Exception {
		for (int n : new int[] { 10_000, 20_000 }) {
			CellWrightChecker.Result r = check("extends" + n + ".cell", extendsChain(n));
			assertNoCrash(r);
			CheckIssue i = error(r, x -> x.message().contains("chain of 'extends'"), "about the chain of extends");
			// C(MAX) has MAX bases: the first cell beyond the limit, on line 3 + MAX
			assertEquals(3 + Limits.MAX_CHAIN_LENGTH, i.line(), i.toString());
			assertEquals(1, r.issues().stream().filter(x -> x.message().contains("chain of 'extends'")).count(), head(r));
		}
	}

	@Test
	public void limitErrorIsShownAmongHundredsOfOthers() throws Exception {
		// every cell of this chain has no layers (an error each): the chain's error comes late but is among those shown
		StringBuilder b = new StringBuilder("package t\ncell C0 { area = 1 cm2 }\n");
		for (int i = 1; i <= 2 * Limits.MAX_CHAIN_LENGTH; i++)
			b.append("cell C").append(i).append(" extends C").append(i - 1).append(" { }\n");
		CellWrightChecker.Result r = check("bare.cell", b.toString());
		assertNoCrash(r);
		assertEquals(CellWrightChecker.MAX_ISSUES_PER_FILE + 1, r.issues().size());
		assertEquals(3 + Limits.MAX_CHAIN_LENGTH, error(r, x -> x.message().contains("chain of 'extends'"), "about the chain").line());
	}

	@Test
	public void aBillionRepeatsAreALocatedErrorNotARunOutOfMemory() throws Exception {
		// 'repeat 1000000000' passed check; run expanded it and ran out of memory after a minute (fuzz20)
		CellWrightChecker.Result r = check("repeat.cell", "package t\nprotocol P {\n  repeat 1000000000 {\n    charge at 1 mA/cm2 for 1 h\n"
				+ "    discharge at 1 mA/cm2 for 1 h\n  }\n}\nprotocol Q {\n  repeat 500000 { rest for 1 s  rest for 1 s }\n}\n");
		assertNoCrash(r);
		CheckIssue i = error(r, x -> x.message().contains("more than 1,000,000 steps"), "about the repeat");
		assertEquals(3, i.line(), i.toString());
		assertTrue(i.message().contains("'repeat 1000000000' makes 2,000,000,000 steps"), i.message());
		assertEquals(1, r.issues().stream().filter(x -> x.message().contains("1,000,000 steps")).count(), head(r));
	}

	@Test
	public void aSweepBeyondTheLimitIsAnErrorAtItsNameOneBelowAWarning() throws Exception {
		String head = "package t\ncell C { area = 1 cm2 }\nprotocol P { rest for 1 s }\nexperiment X { cell C protocol P }\n";
		CellWrightChecker.Result r = check("sweep.cell", head + "sweep S {\n  experiment X\n  vary temperature from 20 degC to 60 degC step 1e-9 degC\n"
				+ "  vary stack-pressure from 1 Pa to 1e300 Pa step 1 Pa\n  vary area in 1 cm2, 2 cm2\n}\n");
		assertNoCrash(r);
		CheckIssue i = error(r, x -> x.message().contains("(full factorial), more than 100,000"), "about the sweep's size");
		assertEquals(5, i.line(), i.toString());
		assertTrue(i.message().contains("more simulations than can be counted"), i.message());
		CellWrightChecker.Result ok = check("sweep2.cell", head.replace("package t", "package u")
				+ "sweep S {\n  experiment X\n  vary temperature from 20 degC to 60 degC step 0.01 degC\n}\n");
		assertTrue(ok.issues().stream().anyMatch(x -> x.severity() == Severity.WARNING && x.message().contains("runs 4001 simulations")), head(ok));
		assertFalse(ok.issues().stream().anyMatch(x -> x.message().contains("more than 100,000")), head(ok));
	}

	// ---------------------------------------------------------------- absurd but finite values (command-line fuzz, session 20)

	private static final String STACK = "package t\nmaterial LPSCl is solid-electrolyte { ionic-conductivity = 2.5 mS/cm }\n"
			+ "material Li is lithium-metal { }\nmaterial SUS is current-collector { }\n";

	@Test
	public void aFitsBoundsAndStartOutsideThePropertysRangeAreErrorsAtTheirLines() throws Exception {
		CellWrightChecker.Result r = check("fit.cell", STACK + String.join("\n",
				"cell C { area = 1 cm2", "  layer a: SUS 10 um", "  layer separator: LPSCl 600 um", "  layer b: Li 20 um", "}",
				"protocol P { rest for 1 s }", "experiment X { cell C protocol P expect status = completed }", "fit F {",
				"  estimate LPSCl.ionic-conductivity between -10 mS/cm and 10 mS/cm", // 13: a negative conductivity
				"  estimate separator.thickness between 0 um and 1400 um", // 14: zero thickness
				"  estimate separator.porosity between 0.1 and 0.5 from 1.5", // 15: the start outside [0, 1) and the bounds
				"  estimate temperature between 20 degC and 1e9 degC", // 16: beyond 500 degC
				"  estimate stack-pressure between 1 MPa and 100 MPa", // 17: fine
				"  target X expectations", "}", ""));
		assertNoCrash(r);
		// line, what the error starts with, what it says of the range
		for (String[] c : new String[][] { { "13", "the lower bound of LPSCl.ionic-conductivity", "must be >= 0" },
				{ "14", "the lower bound of separator.thickness", "must be in (0, 0.1] m (layer thickness, at most 10 cm" },
				{ "15", "the start value of separator.porosity", "must be in [0, 1)" },
				{ "16", "the upper bound of temperature", "must be in [173.15, 773.15] K (cell temperature, -100 to 500 degC" } }) {
			CheckIssue i = error(r, x -> x.message().startsWith(c[1]), c[1]);
			assertEquals(Integer.parseInt(c[0]), i.line(), i.toString());
			assertTrue(i.message().contains(c[2]), i.message());
		}
		assertTrue(r.issues().stream().noneMatch(x -> x.line() == 17 && x.severity() == Severity.ERROR), head(r));
		assertTrue(r.issues().stream().noneMatch(x -> x.message().startsWith("the upper bound of LPSCl")), head(r));
	}

	@Test
	public void anAbsurdThicknessOrTemperatureIsAnErrorAtItsLine() throws Exception {
		CellWrightChecker.Result r = check("absurd.cell", STACK
				+ "cell C { area = 1 cm2\n  temperature = 1e9 degC\n" // 5-6
				+ "  layer a: SUS 10 um\n  layer separator: LPSCl 1e308 um\n  layer b: Li 10.01 cm\n}\n" // 7-10
				+ "cell D extends C { temperature = -120 degC }\n" // 11
				+ "protocol P { set temperature = 600 degC\n  rest for 1 s\n}\n" // 12-14
				+ "sweep S {\n  experiment X\n  vary separator.thickness in 100 um, 20 cm\n}\n" // 15-18
				+ "experiment X { cell C protocol P }\n");
		assertNoCrash(r);
		for (int line : List.of(6, 8, 9, 11, 12, 17))
			assertTrue(r.issues().stream().anyMatch(x -> x.line() == line && x.severity() == Severity.ERROR
					&& x.message().contains("(the limit, see 'Limits' in docs/language.md)")), "no error at line " + line + ": " + r.issues());
		CheckIssue sep = error(r, x -> x.line() == 8, "at the separator");
		assertTrue(sep.message().contains("a thickness must be in (0, 0.1] m (layer thickness, at most 10 cm"), sep.message());
		// at the limits themselves: fine (a cell without lithium metal: surroundings at 500 degC melt a lithium layer,
		// an error since session 22, LithiumMeltingPointTest)
		CellWrightChecker.Result ok = check("edge.cell", STACK.replace("package t", "package u")
				+ "cell C { area = 1 cm2\n  temperature = -100 degC\n  ambient-temperature = 500 degC\n"
				+ "  layer a: SUS 10 cm\n  layer separator: LPSCl 600 um\n  layer b: SUS 20 um\n}\n");
		assertTrue(ok.issues().stream().noneMatch(x -> x.severity() == Severity.ERROR), ok.issues().toString());
		assertEquals(0.1, Limits.MAX_LAYER_THICKNESS);
	}

	@Test
	public void runCallsDoublingFortyTimesAreALocatedErrorNotAHang() throws Exception {
		// each protocol runs the one before twice: 2^40 steps from 41 short lines; checked in linear time
		StringBuilder b = new StringBuilder("package t\nprotocol P0 { rest for 1 s }\n");
		for (int i = 1; i <= 40; i++)
			b.append("protocol P").append(i).append(" { run P").append(i - 1).append(" run P").append(i - 1).append(" }\n");
		CellWrightChecker.Result r = check("doubling.cell", b.toString());
		assertNoCrash(r);
		// P20 runs 2^20 = 1,048,576 steps: its first 'run' (of P19, 2^19 steps) alone does not pass the limit, so P20's name
		CheckIssue first = error(r, x -> x.message().contains("1,000,000 steps"), "about the expanded steps");
		assertEquals(22, first.line(), first.toString());
		assertTrue(first.message().contains("protocol P20 runs 1,048,576 steps"), first.message());
		// from P21 on the first 'run' alone passes it
		assertTrue(r.issues().stream().anyMatch(x -> x.line() == 23 && x.message().contains("this 'run' makes 1,048,576 steps")), head(r));
	}

	@Test
	public void extendsCycleIsStillFound() throws Exception {
		CellWrightChecker.Result r = check("cyc.cell", "package t\ncell A extends B { }\ncell B extends A { }\n");
		assertNoCrash(r);
		assertEquals(2, r.issues().stream().filter(x -> x.message().contains("extends itself")).count(), r.issues().toString());
	}

	@Test
	public void fiveThousandNestedCompositesAreALocatedError() throws Exception {
		StringBuilder b = new StringBuilder("package t\nmaterial M is binder { density = 1 g/cm3 }\ncomposite K0 { M 100 wt% }\n");
		for (int i = 1; i <= 5000; i++)
			b.append("composite K").append(i).append(" { K").append(i - 1).append(" 100 wt% }\n");
		b.append("cell C { area = 1 cm2 layer a: K5000 1 um }\n");
		CellWrightChecker.Result r = check("comp.cell", b.toString());
		assertNoCrash(r);
		CheckIssue i = error(r, x -> x.message().contains("composites"), "about nested composites");
		assertEquals(4 + Limits.MAX_CHAIN_LENGTH, i.line(), i.toString());
	}

	// ---------------------------------------------------------------- numbers

	@Test
	public void overflowAndUnderflowAreRefusedAtTheToken() throws Exception {
		CellWrightChecker.Result r = check("num.cell", "package t\nmaterial M is binder {\n  density = 1e309 g/cm3\n"
				+ "  ionic-conductivity = 1e-400 S/cm\n  electronic-conductivity = 4.9e-324 S/cm\n}\n");
		assertNoCrash(r);
		CheckIssue over = error(r, x -> x.line() == 3 && x.message().contains("out of range"), "overflow");
		assertEquals(13, over.column(), over.toString());
		assertTrue(over.message().contains("1e309"), over.toString());
		assertEquals(1, r.issues().stream().filter(x -> x.line() == 3).count(), "the refused number is not also out of range: " + r.issues());
		CheckIssue under = error(r, x -> x.line() == 4 && x.message().contains("too close to zero"), "underflow");
		assertEquals(24, under.column(), under.toString());
		error(r, x -> x.line() == 5 && x.message().contains("too close to zero"), "subnormal");
	}

	@Test
	public void zeroAndSmallNumbersStayFine() throws Exception {
		CellWrightChecker.Result r = check("ok.cell", "package t\nmaterial M is binder {\n  density = 1e-300 g/cm3\n}\n"
				+ "protocol P { rest for 0.0e-5 h  rest for 0 h  rest for 1e300 h }\n");
		assertNoCrash(r);
		assertFalse(r.issues().stream().anyMatch(x -> x.message().contains("out of range:")), r.issues().toString());
	}

	@Test
	public void hugeWholeNumberIsAHumanMessage() throws Exception {
		CellWrightChecker.Result r = check("int.cell", "package t\nprotocol P {\n  repeat 99999999999 { rest for 1 h }\n}\n");
		assertNoCrash(r);
		CheckIssue i = error(r, x -> x.message().contains("whole number"), "about the whole number");
		assertEquals(3, i.line());
		assertEquals(10, i.column());
	}

	// ---------------------------------------------------------------- byte-order mark, control characters

	@Test
	public void byteOrderMarkIsAccepted() throws Exception {
		Path example = TestFiles.repoRoot().resolve("examples/baseline-halfcell.cell");
		byte[] text = Files.readAllBytes(example);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);
		Path f = dir.resolve("bom.cell");
		Files.write(f, withBom);
		CellWrightChecker.Result r = new CellWrightChecker().check(List.of(f));
		assertFalse(r.hasErrors(), r.issues().toString());
		assertNotNull(r.model(f));
		assertEquals("examples.baseline", r.model(f).getName());
	}

	@Test
	public void bytesThatAreNoUtf8AreAnErrorAtTheirLine() throws Exception {
		// a comment saved as Latin-1 on line 3 ('é' is the single byte 0xE9): the error was at line 1, whatever the line
		byte[] head = "package t\nmaterial SUS is current-collector { }\n// caf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] text = java.util.Arrays.copyOf(head, head.length + 2);
		text[head.length] = (byte) 0xE9;
		text[head.length + 1] = '\n';
		Path f = dir.resolve("latin1.cell");
		Files.write(f, text);
		CellWrightChecker.Result r = new CellWrightChecker().check(List.of(f));
		CheckIssue e = error(r, i -> i.message().contains("not valid UTF-8"), "about UTF-8");
		assertEquals(3, e.line(), e.toString());
		assertEquals(7, e.column(), e.toString());
		assertTrue(e.message().contains("0xE9"), e.toString());
	}

	@Test
	public void controlCharactersInMessagesAreEscaped() throws Exception {
		String esc = "\u001b[2J\u001b[31mFAKE: 0 error(s)";
		CellWrightChecker.Result r = check("esc.cell", "package t\nmaterial SUS is current-collector { }\ncell C {\n  layer " + esc
				+ ": SUS 10 um\n  layer x: SUS 10 um source \"" + esc + "\"\n}\nexperiment E { cell C protocol P record " + esc + " }\n");
		assertNoCrash(r);
		assertTrue(r.hasErrors());
		for (CheckIssue i : r.issues()) {
			assertFalse(i.toString().contains("\u001b"), "raw ESC in " + i);
			assertFalse(i.message().chars().anyMatch(c -> c < 0x20), "control character in " + i);
		}
		assertTrue(r.issues().stream().anyMatch(i -> i.message().contains("\\e")), "the escape is shown as \\e: " + r.issues());
	}
}
